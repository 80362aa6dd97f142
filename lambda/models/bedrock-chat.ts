/**
 * A chat model on Amazon Bedrock through the Converse API, served with the OpenAI chat completions
 * shape so that ordinary OpenAI clients and Kong's AI plugins work against it unchanged.
 *
 * Request: `{"messages": [{"role": "system"|"user"|"assistant", "content": "..."}], "max_tokens",
 * "temperature", "top_p", "stop"}` (plus `model`, `user`, `n: 1`, `stream: false`, accepted and
 * ignored). Response: `{"id", "object": "chat.completion", "created", "model", "choices":
 * [{"index": 0, "message": {"role": "assistant", "content"}, "finish_reason"}], "usage"}`.
 *
 * Bedrock failures become honest answers: throttling 429 with Retry-After, timeouts 504, access
 * denied or a model not enabled 502 saying what to enable, invalid parameters 400.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 */
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  type Message,
  type SystemContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import type { HostConfigOf } from '../../contract/model-host';
import { HttpError } from '../http';
import type { ModelRuntime } from './runtime';

/** The Converse operation, as far as the runtime needs it (a real client, or a test double). */
export type ConverseClient = Pick<BedrockRuntimeClient, 'send'>;

/** Options of {@link createBedrockChatRuntime}. */
export interface BedrockChatOptions {
  /** The Bedrock client. @default a client for the function's region (AWS_REGION) */
  readonly client?: ConverseClient;
  /** Deadline when the Lambda context gives none (local serving, tests). @default 25 s */
  readonly defaultTimeoutMs?: number;
}

/** Time kept back from Lambda's deadline to answer 504 before Lambda kills the function. */
const DEADLINE_MARGIN_MS = 1000;

type ChatSettings = HostConfigOf<'bedrock-chat'>['settings'];
type ChatLimits = HostConfigOf<'bedrock-chat'>['limits'];

/** The OpenAI chat completions request, under the model's limits and token ceiling. */
export function chatRequestSchema(settings: ChatSettings, limits: ChatLimits) {
  const contentPart = z.strictObject({
    type: z.literal('text', { error: 'must be "text" (only text content is supported)' }),
    text: z.string({ error: 'must be a string' }),
  });
  const message = z.strictObject({
    role: z.enum(['system', 'user', 'assistant'], { error: 'must be "system", "user" or "assistant"' }),
    content: z.union([z.string(), z.array(contentPart).min(1, { error: 'is empty' })], {
      error: 'must be a string or a list of {"type": "text", "text": ...} parts',
    }),
    name: z.string().optional(),
  });
  const maxTokens = z
    .int({ error: 'must be an integer' })
    .min(1, { error: 'must be at least 1' })
    .max(settings.maxTokensCeiling, { error: `must be at most ${settings.maxTokensCeiling} for this model` })
    .optional();
  const unit = (name: string) =>
    z
      .number({ error: 'must be a number' })
      .min(0, { error: `must be between 0 and 1 (${name} on Bedrock)` })
      .max(1, { error: `must be between 0 and 1 (${name} on Bedrock)` })
      .optional();
  return z
    .strictObject({
      model: z.string({ error: 'must be a string' }).optional(),
      messages: z
        .array(message, { error: 'must be a list of messages' })
        .min(1, { error: 'is empty; send at least one message' })
        .max(limits.maxMessages, { error: `has more than ${limits.maxMessages} messages` }),
      max_tokens: maxTokens,
      max_completion_tokens: maxTokens,
      temperature: unit('temperature'),
      top_p: unit('top_p'),
      stop: z
        .union([z.string().min(1), z.array(z.string().min(1)).max(4, { error: 'has more than 4 sequences' })], {
          error: 'must be a string or a list of at most 4 strings',
        })
        .optional(),
      stream: z.literal(false, { error: 'must be false: streaming is not supported' }).optional(),
      n: z.literal(1, { error: 'must be 1: one choice per request' }).optional(),
      user: z.string({ error: 'must be a string' }).optional(),
    })
    .superRefine((body, ctx) => {
      const chars = body.messages.reduce((n, m) => n + textOf(m.content).length, 0);
      if (chars > limits.maxInputChars) {
        ctx.addIssue({ code: 'custom', path: ['messages'], message: `hold ${chars} characters; this model accepts at most ${limits.maxInputChars}` });
      }
      if (!body.messages.some((m) => m.role !== 'system')) {
        ctx.addIssue({ code: 'custom', path: ['messages'], message: 'hold only system messages; add a user message' });
      }
    });
}

type ChatRequest = z.output<ReturnType<typeof chatRequestSchema>>;

/** The runtime of one Bedrock chat model. The client is created once, at cold start. */
export function createBedrockChatRuntime(config: HostConfigOf<'bedrock-chat'>, options: BedrockChatOptions = {}): ModelRuntime<ChatRequest> {
  const { settings, limits } = config;
  const client = options.client ?? new BedrockRuntimeClient({ maxAttempts: 2 });
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 25_000;

  return {
    example: '{"messages": [{"role": "user", "content": "Hello"}]}',
    shape: 'an OpenAI chat completions request',
    requestSchema: chatRequestSchema(settings, limits),
    async invoke(request, context) {
      const system: SystemContentBlock[] = request.messages.filter((m) => m.role === 'system').map((m) => ({ text: textOf(m.content) }));
      const messages: Message[] = request.messages
        .filter((m) => m.role !== 'system')
        .map((m) => ({ role: m.role as 'user' | 'assistant', content: [{ text: textOf(m.content) }] }));
      const stop = request.stop === undefined ? [] : typeof request.stop === 'string' ? [request.stop] : request.stop;
      const temperature = request.temperature ?? settings.temperature;
      const topP = request.top_p ?? settings.topP;

      const budget = context.remainingTimeMs !== undefined ? context.remainingTimeMs - DEADLINE_MARGIN_MS : defaultTimeoutMs;
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // The SDK honours the abort signal; the race makes the deadline hold even if a call does not.
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abort.abort();
          reject(Object.assign(new Error('deadline passed'), { name: 'TimeoutError' }));
        }, Math.max(budget, 1));
      });
      let output: ConverseCommandOutput;
      try {
        const call = client.send(
          new ConverseCommand({
            modelId: settings.modelId,
            messages,
            ...(system.length ? { system } : {}),
            inferenceConfig: {
              maxTokens: request.max_completion_tokens ?? request.max_tokens ?? settings.defaultMaxTokens,
              ...(temperature !== undefined ? { temperature } : {}),
              ...(topP !== undefined ? { topP } : {}),
              ...(stop.length || settings.stopSequences.length ? { stopSequences: [...settings.stopSequences, ...stop].slice(0, 4) } : {}),
            },
          }),
          { abortSignal: abort.signal },
        );
        call.catch(() => undefined); // settled after the deadline: nobody is waiting any more
        output = await Promise.race([call, deadline]);
      } catch (err) {
        throw toHttpError(err, settings.modelId, abort.signal.aborted);
      } finally {
        clearTimeout(timer);
      }

      const content = (output.output?.message?.content ?? []).map((block) => ('text' in block && block.text) || '').join('');
      const usage = {
        inputTokens: output.usage?.inputTokens ?? 0,
        outputTokens: output.usage?.outputTokens ?? 0,
        totalTokens: output.usage?.totalTokens ?? (output.usage?.inputTokens ?? 0) + (output.usage?.outputTokens ?? 0),
      };
      return {
        body: {
          id: `chatcmpl-${context.requestId}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: settings.modelId,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason(output.stopReason) }],
          usage: { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.totalTokens },
        },
        inputs: request.messages.length,
        inputChars: request.messages.reduce((n, m) => n + textOf(m.content).length, 0),
        outputChars: content.length,
        usage,
        payload: { input: request.messages, output: content },
      };
    },
  };
}

/** OpenAI's finish_reason for a Bedrock stopReason. */
export function finishReason(stopReason: string | undefined): string {
  switch (stopReason) {
    case 'max_tokens':
      return 'length';
    case 'content_filtered':
    case 'guardrail_intervened':
      return 'content_filter';
    case 'tool_use':
      return 'tool_calls';
    default:
      return 'stop';
  }
}

function textOf(content: string | readonly { text: string }[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('\n');
}

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
