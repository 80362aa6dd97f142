/**
 * Reads a request out of an API Gateway proxy event. Every kind shares the first checks, in order:
 * the method, the content type, the body size and the JSON. Then the kind's own schema checks the
 * body's shape against the model's limits. The first failure becomes an {@link HttpError} with the
 * contract's code; nothing reaches a model unchecked.
 */
import { z } from 'zod';
import { headerValue, HttpError } from './http';
import { tokenDensityProblem } from './models/text-bounds';
import { PREDICT_METHOD } from '../contract/model-host';
import { formatPath } from '../contract/paths';


/** The subset of an API Gateway proxy event the host reads; every field may be missing. */
export interface ProxyEventLike {
  readonly httpMethod?: unknown;
  readonly headers?: unknown;
  readonly body?: unknown;
  readonly isBase64Encoded?: unknown;
}

/** A JSON body that passed the shared checks. */
export interface JsonBody {
  readonly value: unknown;
  /** Size of the body in bytes (as received, after base64 decoding). */
  readonly bytes: number;
}

/** The shared checks: method, content type, size, JSON. */
export function readJsonBody(event: ProxyEventLike, maxBodyBytes: number, example: string): JsonBody {
  const method = typeof event.httpMethod === 'string' ? event.httpMethod.toUpperCase() : '';
  if (method !== PREDICT_METHOD) {
    throw new HttpError('method_not_allowed', `${method || 'This method'} is not supported; send a POST with a JSON body.`, {
      allow: PREDICT_METHOD,
    });
  }

  checkContentType(headerValue(event.headers, 'content-type'));

  const raw = typeof event.body === 'string' ? event.body : '';
  if (event.isBase64Encoded !== true && LONE_SURROGATE.test(raw)) {
    throw new HttpError('invalid_json', 'The body is not valid UTF-8 (it holds an unpaired surrogate); send UTF-8 JSON.');
  }
  const bytes = event.isBase64Encoded === true ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > maxBodyBytes) {
    throw new HttpError(
      'payload_too_large',
      `The body is ${bytes.byteLength} bytes; this model accepts at most ${maxBodyBytes}. Send fewer or shorter inputs.`,
    );
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new HttpError('invalid_json', 'The body is not valid UTF-8 (it holds a byte sequence UTF-8 does not allow); send UTF-8 JSON.');
  }
  if (text.trim() === '') {
    throw new HttpError('invalid_json', `The body is empty; send a JSON object such as ${example}.`);
  }
  try {
    return { value: JSON.parse(text) as unknown, bytes: bytes.byteLength };
  } catch (err) {
    throw new HttpError('invalid_json', `The body is not valid JSON (${(err as Error).message}); send a JSON object such as ${example}.`);
  }
}

/** Checks a parsed body against a kind's schema, or throws `invalid_request` naming every problem. */
export function validateBody<T>(schema: z.ZodType<T>, body: unknown, shape: string, phrase: IssuePhraser = describeIssue): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap(specific);
  const problems = issues.slice(0, MAX_REPORTED_PROBLEMS).map(phrase);
  const more = issues.length > MAX_REPORTED_PROBLEMS ? ` (and ${issues.length - MAX_REPORTED_PROBLEMS} more)` : '';
  throw new HttpError('invalid_request', `The body does not match ${shape}: ${problems.join('; ')}${more}.`);
}

/** Describes one validation problem for a client. */
export type IssuePhraser = (issue: z.core.$ZodIssue) => string;

/** The body of the text kinds under the given limits: `{"inputs": string | string[]}`. */
export function textInputsSchema(limits: { maxInputs: number; maxInputChars: number }) {
  const text = z
    .string()
    .max(limits.maxInputChars, { error: `is longer than ${limits.maxInputChars} characters` })
    .superRefine((value, context) => {
      const problem = value.length > limits.maxInputChars ? undefined : tokenDensityProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
  return z.strictObject({
    inputs: z.union(
      [
        text,
        z
          .array(text)
          .min(1, { error: 'is empty; send at least one text' })
          .max(limits.maxInputs, { error: `has more than ${limits.maxInputs} texts` }),
      ],
      { error: `must be a string or a list of at most ${limits.maxInputs} strings` },
    ),
  });
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

/** How zod's built-in messages begin. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized)/;

/**
 * A union error says only "no branch matched". When one branch got past the type check (the client
 * did send a list, or an object), its problems are the useful ones.
 */
function specific(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branch = issue.errors.find(
    (errors) => errors.length > 0 && !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0),
  );
  if (!branch) return [issue];
  return branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue).flatMap(specific);
}

/** The phrasing of a problem: its path, then what is wrong, in the client's terms. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? formatPath(issue.path) : 'the body';
  // A schema's own message (they start with a verb: "must be ...") beats zod's generic one.
  if (issue.code !== 'unrecognized_keys' && !ZOD_DEFAULT_MESSAGE.test(issue.message)) return `${where} ${issue.message}`;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return `${where} has the wrong type`;
    case 'invalid_type':
      return issue.path.length === 0 ? 'the body must be a JSON object' : `${where} must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `${where} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return `${where} is invalid (${issue.message})`;
  }
}

function article(expected: string): string {
  return `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
}

/** A UTF-16 surrogate without its pair: text no UTF-8 body can have produced. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Decodes UTF-8, refusing ill-formed sequences instead of replacing them with U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

