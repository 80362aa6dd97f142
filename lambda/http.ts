/**
 * HTTP plumbing of the model host: the error codes of its contract, JSON responses that always
 * carry the request id, and case-insensitive header lookup for API Gateway proxy events.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';

/** Every error code the host answers with, and its HTTP status. Codes are part of the API. */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  rate_limited: 429,
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
 * A client-visible failure: becomes a JSON error response, never a stack trace. `detail` is for the
 * log only (what an upstream said, which may name the account or the role), never sent.
 */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
  readonly requestId: string;
}

/** A JSON response with the request id in a header; `no-store` because predictions are per request. */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  requestId: string,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [REQUEST_ID_HEADER]: requestId,
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/** The response for an {@link HttpError}. */
export function errorResponse(error: HttpError, requestId: string): APIGatewayProxyResult {
  const body: ErrorBody = { error: { code: error.code, message: error.message }, requestId };
  return jsonResponse(error.status, body, requestId, error.headers);
}

/** Looks a header up by name, ignoring case, as HTTP requires. */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === wanted && typeof value === 'string') return value;
  }
  return undefined;
}
