/**
 * HTTP plumbing of the model host: errors of its contract (contract/errors.ts), JSON responses that
 * always carry the request id, and case-insensitive header lookup for API Gateway proxy events.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { ERROR_STATUS, errorBody, REQUEST_ID_HEADER, type ErrorCode } from '../contract/errors';

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
    /** OpenAI's error `type`, for errors clients read as OpenAI errors (budget refusals). @default none */
    readonly type?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
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
  return jsonResponse(error.status, errorBody(error.code, error.message, requestId, error.type), requestId, error.headers);
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
