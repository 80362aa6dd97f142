/**
 * What a Bedrock failure means: the answer a client gets (toHttpError), and whether the next model
 * of a fallback chain may be tried (fallbackConditionOf).
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html (Errors)
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html (Errors)
 */
import type { FallbackCondition } from '../../contract/chat';
import { HttpError } from '../http';

/** The answer a client gets for a Bedrock failure; unknown failures stay errors (500). */
export function toHttpError(err: unknown, modelId: string, deadlinePassed: boolean): unknown {
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = (err as { message?: string } | null)?.message ?? '';
  const region = process.env['AWS_REGION'] ?? 'this region';
  if (/region is missing/i.test(message)) {
    return new HttpError('model_unavailable', `No AWS region is set to call Bedrock for ${modelId}; set AWS_REGION (Lambda sets it for you).`);
  }
  if (deadlinePassed || ['ModelTimeoutException', 'TimeoutError', 'AbortError', 'RequestTimeout'].includes(name)) {
    return new HttpError('upstream_timeout', `Bedrock did not answer in time for ${modelId}; retry, or ask for fewer tokens.`);
  }
  switch (name) {
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
    case 'TooManyRequestsException':
      return new HttpError('rate_limited', `Bedrock is throttling requests to ${modelId}; retry after the Retry-After delay.`, {
        'retry-after': retryAfter(err),
      });
    case 'AccessDeniedException':
    case 'ResourceNotFoundException':
      // Bedrock's own text names the account and the role; it goes to the log, not to the client.
      return new HttpError(
        'model_unavailable',
        `Bedrock refused ${modelId} in ${region}: the model is not enabled for this account or the id is wrong. The operators can see why in the function's log (request id).`,
        {},
        `${name}: ${message}`,
      );
    case 'CredentialsProviderError':
      return new HttpError(
        'model_unavailable',
        `No AWS credentials are available to call Bedrock for ${modelId}. Set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_REGION) to use this model locally.`,
      );
    case 'ValidationException':
      return new HttpError('invalid_request', `Bedrock rejected the request for ${modelId}: ${message}`);
    case 'ModelNotReadyException':
    case 'ServiceUnavailableException':
      return new HttpError('service_unavailable', `${modelId} is not ready on Bedrock; retry after the Retry-After delay.`, {
        'retry-after': retryAfter(err),
      });
    case 'ModelErrorException':
    case 'InternalServerException':
    case 'ModelStreamErrorException':
      return new HttpError('upstream_error', `Bedrock failed to run ${modelId}; retry later.`, {}, `${name}: ${message}`);
    default:
      break;
  }
  // Bedrock could not be reached (DNS, refused or reset connections), or it answered a 5xx this
  // code does not know by name: the upstream failed, not the host (502, retryable).
  const code = (err as { code?: unknown } | null)?.code;
  const fault = err as { $fault?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (typeof code === 'string' && NETWORK_ERROR_CODES.includes(code)) {
    return new HttpError('upstream_error', `Bedrock could not be reached for ${modelId}; retry later.`, {}, `${code}: ${message}`);
  }
  if (fault?.$fault === 'server' || (fault?.$metadata?.httpStatusCode ?? 0) >= 500) {
    return new HttpError('upstream_error', `Bedrock failed to run ${modelId}; retry later.`, {}, `${name}: ${message}`);
  }
  return err;
}

/** Node's error codes for a connection that could not be made or was lost. */
const NETWORK_ERROR_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED'];

function retryAfter(err: unknown): string {
  const header = (err as { $response?: { headers?: Record<string, string> } }).$response?.headers?.['retry-after'];
  return header && /^\d+$/.test(header) ? header : '2';
}

const THROTTLED = ['ThrottlingException', 'ServiceQuotaExceededException', 'TooManyRequestsException'];
const UNAVAILABLE = ['ServiceUnavailableException', 'ModelNotReadyException', 'InternalServerException', 'ModelErrorException', 'ModelStreamErrorException'];
const TIMED_OUT = ['ModelTimeoutException', 'TimeoutError', 'AbortError', 'RequestTimeout'];

/**
 * Which fallback condition a Bedrock failure meets, if any (contract/chat.ts FALLBACK_CONDITIONS).
 * Invalid requests, denied access and unknown models meet none: the next model would not help.
 */
export function fallbackConditionOf(err: unknown): FallbackCondition | undefined {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (THROTTLED.includes(name)) return 'throttled';
  if (TIMED_OUT.includes(name)) return 'timeout';
  if (UNAVAILABLE.includes(name)) return 'unavailable';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_ERROR_CODES.includes(code)) return 'unavailable';
  const fault = err as { $fault?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (['AccessDeniedException', 'ResourceNotFoundException', 'ValidationException'].includes(name)) return undefined;
  if (fault?.$fault === 'server' || (fault?.$metadata?.httpStatusCode ?? 0) >= 500) return 'unavailable';
  return undefined;
}
