/**
 * Reads a prediction request out of an API Gateway proxy event, checking in order: the method, the
 * content type, the body size, the JSON, and the body's shape against the model's limits. The first
 * failure becomes an {@link HttpError} with the contract's code; nothing reaches a model unchecked.
 */
import { z } from 'zod';
import { formatPath } from '../lib/errors';
import type { RequestLimits } from './contract';
import { headerValue, HttpError } from './http';

/** The only method a model answers. */
export const PREDICT_METHOD = 'POST';

/** A validated prediction request: one or more texts. */
export interface PredictionRequest {
  /** The texts to run the model on, in order. */
  readonly inputs: readonly string[];
  /** Whether the client sent a single string (rather than a list). */
  readonly single: boolean;
}

/** The subset of an API Gateway proxy event the host reads; every field may be missing. */
export interface ProxyEventLike {
  readonly httpMethod?: unknown;
  readonly headers?: unknown;
  readonly body?: unknown;
  readonly isBase64Encoded?: unknown;
}

/** The shape of a request body under the given limits. */
export function requestBodySchema(limits: RequestLimits) {
  const text = z.string().max(limits.maxInputChars);
  return z.strictObject({
    inputs: z.union([text, z.array(text).min(1).max(limits.maxInputs)]),
  });
}

/** Parses and checks a request, or throws the {@link HttpError} the client should see. */
export function readPredictionRequest(
  event: ProxyEventLike,
  limits: RequestLimits,
  schema = requestBodySchema(limits),
): PredictionRequest {
  const method = typeof event.httpMethod === 'string' ? event.httpMethod.toUpperCase() : '';
  if (method !== PREDICT_METHOD) {
    throw new HttpError(
      'method_not_allowed',
      `${method || 'This method'} is not supported; send a POST with a JSON body.`,
      { allow: PREDICT_METHOD },
    );
  }

  checkContentType(headerValue(event.headers, 'content-type'));

  const raw = typeof event.body === 'string' ? event.body : '';
  const bytes = event.isBase64Encoded === true ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > limits.maxBodyBytes) {
    throw new HttpError(
      'payload_too_large',
      `The body is ${bytes.byteLength} bytes; this model accepts at most ${limits.maxBodyBytes}. Send fewer or shorter inputs.`,
    );
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') {
    throw new HttpError('invalid_json', 'The body is empty; send a JSON object such as {"inputs": "some text"}.');
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new HttpError(
      'invalid_json',
      `The body is not valid JSON (${(err as Error).message}); send a JSON object such as {"inputs": "some text"}.`,
    );
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError('invalid_request', describeShapeProblems(parsed.error.issues, limits));
  }
  const { inputs } = parsed.data;
  return typeof inputs === 'string' ? { inputs: [inputs], single: true } : { inputs, single: false };
}

function checkContentType(contentType: string | undefined): void {
  const [mediaType = '', ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (mediaType !== 'application/json') {
    throw new HttpError(
      'unsupported_media_type',
      `Content-Type ${contentType ? `"${contentType}"` : 'is missing'}${contentType ? ' is not supported' : ''}; send "application/json".`,
    );
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError('unsupported_media_type', `Charset "${charset}" is not supported; send UTF-8 JSON.`);
  }
}

const MAX_REPORTED_PROBLEMS = 5;

function describeShapeProblems(issues: readonly z.core.$ZodIssue[], limits: RequestLimits): string {
  issues = issues.flatMap(specific);
  const problems = issues.slice(0, MAX_REPORTED_PROBLEMS).map((issue) => describeIssue(issue, limits));
  const more = issues.length > MAX_REPORTED_PROBLEMS ? ` (and ${issues.length - MAX_REPORTED_PROBLEMS} more)` : '';
  return `The body does not match {"inputs": string | string[]}: ${problems.join('; ')}${more}.`;
}

/**
 * For `inputs: string | string[]`, a union error says only "neither matched". When one branch got
 * past the type check (the client did send a list), its problems are the useful ones.
 */
function specific(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branch = issue.errors.find(
    (errors) => errors.length > 0 && !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0),
  );
  if (!branch) return [issue];
  return branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue);
}

function describeIssue(issue: z.core.$ZodIssue, limits: RequestLimits): string {
  const where = issue.path.length ? formatPath(issue.path) : 'body';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (only "inputs" is accepted)`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${where} is longer than ${limits.maxInputChars} characters`
        : `${where} has more than ${limits.maxInputs} texts`;
    case 'too_small':
      return `${where} is empty; send at least one text`;
    case 'invalid_union':
      return `${where} must be a string or a non-empty list of strings (at most ${limits.maxInputs}, each at most ${limits.maxInputChars} characters)`;
    case 'invalid_type':
      return issue.path.length === 0
        ? 'the body must be a JSON object'
        : `${where} must be a ${issue.expected}`;
    default:
      return `${where}: ${issue.message}`;
  }
}
