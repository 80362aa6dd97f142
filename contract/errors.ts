/**
 * The model API's error contract: every error code with its HTTP status, and the one JSON shape
 * every error body has, whoever answers (the model host, API Gateway's gateway responses, the local
 * server).
 */

/** Every error code the host answers with, and its HTTP status. Codes are part of the API. */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  rate_limited: 429,
  rate_limit_exceeded: 429,
  insufficient_quota: 429,
  consumer_required: 401,
  misconfigured: 500,
  internal_error: 500,
  model_unavailable: 502,
  upstream_error: 502,
  service_unavailable: 503,
  upstream_timeout: 504,
} as const;

/** Codes a client's own mistake produces (never a 5xx). */
export const CLIENT_ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
] as const satisfies readonly ErrorCode[];

/** A stable error code of the host's contract. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The response header that carries the request id. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The JSON body of every error response. The model host's codes are {@link ErrorCode}s (lower
 * case); API Gateway's own are its response types (upper case), the local server's its own.
 */
export interface ErrorBody<Code extends string = ErrorCode> {
  readonly error: { readonly code: Code; readonly message: string; readonly type?: string; readonly param?: null };
  readonly requestId: string;
}

/**
 * An error body: the one place its shape is written. With a `type` it is OpenAI's error object as
 * well (`message`, `type`, `param`, `code`), which OpenAI's SDKs read into their error classes
 * (the token-budget refusals use it: https://platform.openai.com/docs/guides/error-codes).
 */
export function errorBody<Code extends string>(code: Code, message: string, requestId: string, type?: string): ErrorBody<Code> {
  return { error: type === undefined ? { code, message } : { code, message, type, param: null }, requestId };
}
