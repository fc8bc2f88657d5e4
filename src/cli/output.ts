import { isRapportError } from '../errors.js';

/**
 * The CLI's only printing functions. Commands build strings with the pure formatters and hand
 * them here, so formatting is testable and output goes to one place.
 */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  json(value: unknown): void;
  /** True when stdout is a terminal (progress bars, colour). */
  isTTY: boolean;
}

export function processOutput(): Output {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** An error as the user reads it on stderr, and the exit code it maps to. */
export function describeError(error: unknown, json: boolean): { text: string; exitCode: number } {
  if (isRapportError(error)) {
    const text = json ? JSON.stringify(error.toJSON(), null, 2) : `rapport: ${error.message} [${error.code}]`;
    // 2 for what the user can fix in the command line, 1 for everything else.
    return { text, exitCode: error.code === 'input.invalid' ? 2 : 1 };
  }
  const message = error instanceof Error ? error.message : String(error);
  const text = json
    ? JSON.stringify({ error: { code: 'internal', message, details: {} } }, null, 2)
    : `rapport: unexpected error: ${message}\nThis is a bug; please report it with the command you ran. [internal]`;
  if (process.env.RAPPORT_DEBUG && error instanceof Error && error.stack)
    return { text: `${text}\n${error.stack}`, exitCode: 1 };
  return { text, exitCode: 1 };
}
