/**
 * Scripts are piped into `head`, `jq` and friends. When the reader goes away early, stop quietly
 * instead of dying with an EPIPE stack trace.
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
