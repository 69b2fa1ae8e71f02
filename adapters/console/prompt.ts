import type { Writable } from 'node:stream';

/**
 * The `> ` prompt on an interactive console. Output that does not answer the user's own line
 * (a scheduled post, a log line) takes the prompt away first and puts it back afterwards, so
 * the terminal never shows `> [08:16:39] WARN ...` or a post with no prompt after it.
 */
export class PromptLine {
  private shown = false;

  constructor(
    private readonly output: Writable,
    private readonly interactive: boolean,
  ) {}

  show(): void {
    if (!this.interactive) return;
    this.output.write('> ');
    this.shown = true;
  }

  /** The user pressed Enter: the prompt has scrolled up with their line. */
  taken(): void {
    this.shown = false;
  }

  /** Print something unprompted without breaking the prompt line. */
  around(print: () => void): void {
    const wasShown = this.shown;
    if (wasShown) this.output.write('\r\u001b[K');
    this.shown = false;
    print();
    if (wasShown) this.show();
  }
}
