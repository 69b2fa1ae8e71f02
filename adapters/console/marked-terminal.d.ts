// marked-terminal ships no types; this declares the one function the console uses.
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';
  export function markedTerminal(options?: Record<string, unknown>): MarkedExtension;
}
