/**
 * The one errors module. Every error a user can meet has a stable machine id (for
 * scripts and the API), a message that says what was wrong and what to do, and an
 * HTTP status for the API.
 */

export const ERROR_CODES = {
  'import.not_found': 404,
  'import.unreadable': 422,
  'import.unrecognised': 422,
  'import.empty': 422,
  'import.malformed': 422,
  'import.already_undone': 409,
  'person.not_found': 404,
  'person.ambiguous': 409,
  'merge.not_found': 404,
  'merge.already_undone': 409,
  'merge.invalid': 422,
  'plan.not_found': 404,
  'plan.invalid_transition': 409,
  'plan.no_slots': 422,
  'plan.no_invite': 409,
  'deal.not_found': 404,
  'deal.already_closed': 409,
  'deal.not_closed': 409,
  'input.invalid': 400,
  'route.not_found': 404,
  'auth.required': 401,
  'request.host_refused': 403,
  'request.cross_site': 403,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'serve.needs_token': 400,
  'serve.address_in_use': 409,
  'db.unavailable': 503,
  'db.migration_failed': 500,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class RapportError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Structured detail for machines (file, line, candidates…). */
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RapportError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.details = details;
  }

  toJSON(): { error: { code: ErrorCode; message: string; details: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export function isRapportError(value: unknown): value is RapportError {
  return value instanceof RapportError;
}

/** Where in an input a problem is, as "file:line" or "file". */
export function locate(file: string, line?: number): string {
  return line === undefined ? file : `${file}:${line}`;
}
