import { inspect } from 'node:util';

/**
 * A credential that refuses to be printed: logging, JSON-encoding or string-interpolating it
 * yields `[redacted]`. Only `reveal()` hands out the value, at the one place that needs it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}
