/**
 * Typed application errors, mapped to HTTP in one place (error-handler.ts). Every error a client
 * sees is `{code, message, details}`; `details` names the field or clause concerned.
 */
export const ERROR_CODES = {
  /** The request body, query or parameters do not match the route's schema. */
  validation_failed: 400,
  /** The body is not valid JSON. */
  malformed_json: 400,
  /** The body exceeds the size limit. */
  payload_too_large: 413,
  /** The media type of the body is not accepted by the route. */
  unsupported_media_type: 415,
  /** No route, or no resource the caller may see, at this address. */
  not_found: 404,
  /** The caller is not signed in. */
  unauthenticated: 401,
  /** The caller may not do this; `details.clause` cites the rule when one applies. */
  forbidden: 403,
  /** The request conflicts with the current state (e.g. a limit of the contract). */
  conflict: 409,
  /** A rule of the contract refuses the request; `details.clause` cites it. */
  contract_rule: 422,
  /** An imported file breaks a rule of its format; `details` name the file, the row and the column. */
  import_refused: 422,
  /** Too many attempts; retry later. */
  rate_limited: 429,
  /** The database does not answer. */
  unavailable: 503,
  /** A fault on our side; the request id lets an administrator find it in the logs. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}
