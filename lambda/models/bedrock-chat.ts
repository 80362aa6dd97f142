/**
 * A chat model on Amazon Bedrock through the Converse API, served with the OpenAI chat completions
 * shape so that ordinary OpenAI clients and Kong's AI plugins work against it unchanged.
 *
 * Request: see chat-request.ts. Response: `{"id", "object": "chat.completion", "created", "model",
 * "choices": [{"index": 0, "message": {"role": "assistant", "content"}, "finish_reason"}], "usage"}`,
 * or, for `"stream": true` on a streaming model, `chat.completion.chunk` server-sent events
 * (chat-stream.ts) through ConverseStream.
 *
 * The model's fallback chain (settings.fallbacks) is tried in order until one answers
 * (model-chain.ts); `model` and the `x-model-id` header name the one that did. A stream never falls
 * back after its first byte. Bedrock failures become honest answers (bedrock-errors.ts): throttling
 * 429 with Retry-After, timeouts 504, a model not enabled 502, invalid parameters 400.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 */
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  type ConverseStreamOutput,
  type Message,
  type SystemContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { ANSWERING_MODEL_HEADER, modelChain } from '../../contract/chat';
import type { HostConfigOf } from '../../contract/model-host';
import { HttpError } from '../http';
import { toHttpError } from './bedrock-errors';
import { chatRequestSchema, messageChars, textOf, type ChatRequest } from './chat-request';
import { chunksFor, finishReason, usageChunk, type StreamTally } from './chat-stream';
import { ChainFailure, runChain, type ChainAttempt } from './model-chain';
import type { InvokeContext, ModelRuntime } from './runtime';

export { chatRequestSchema } from './chat-request';
export { finishReason } from './chat-stream';
export { toHttpError } from './bedrock-errors';

/** The Converse operations, as far as the runtime needs them (a real client, or a test double). */
export type ConverseClient = Pick<BedrockRuntimeClient, 'send'>;

/** Options of {@link createBedrockChatRuntime}. */
export interface BedrockChatOptions {
  /** The Bedrock client. @default a client for the function's region (AWS_REGION) */
  readonly client?: ConverseClient;
  /** Deadline when the Lambda context gives none (local serving, tests). @default 25 s */
  readonly defaultTimeoutMs?: number;
}

/** Time kept back from Lambda's deadline to answer before Lambda kills the function. */
const DEADLINE_MARGIN_MS = 1000;

/** The runtime of one Bedrock chat model. The client is created once, at cold start. */
export function createBedrockChatRuntime(config: HostConfigOf<'bedrock-chat'>, options: BedrockChatOptions = {}): ModelRuntime<ChatRequest> {
  const { settings, limits, streaming } = config;
  const fallbacks = settings.fallbacks;
  const chain = modelChain(settings);
  // With a chain, the next model beats the SDK's own retry of a throttled call (and its backoff).
  const client = options.client ?? new BedrockRuntimeClient({ maxAttempts: fallbacks ? 1 : 2 });
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 25_000;

  /** Milliseconds the whole request may take, and (streaming models) the wait for the first byte. */
  const budgets = (context: InvokeContext) => {
    const totalMs = context.remainingTimeMs !== undefined ? context.remainingTimeMs - DEADLINE_MARGIN_MS : defaultTimeoutMs;
    // On a streaming model nothing is sent before the first byte, so the endpoint's idle limit
    // bounds the wait for it (contract/chat.ts firstTokenTimeoutSeconds), buffered answers included.
    const firstByteMs = streaming ? Math.min(totalMs, streaming.firstTokenTimeoutSeconds * 1000) : totalMs;
    return { totalMs: Math.max(totalMs, 1), firstByteMs: Math.max(firstByteMs, 1) };
  };

  /** Runs the chain, recording its attempts in the log line; a failure becomes its HTTP answer. */
  async function firstAnswer<T>(context: InvokeContext, budgetMs: number, attempt: (modelId: string, signal: AbortSignal) => Promise<T>) {
    const attempts: ChainAttempt[] = [];
    context.annotate({ attempts });
    try {
      return await runChain({
        chain,
        on: fallbacks?.on ?? [],
        budgetMs,
        attemptTimeoutMs: fallbacks?.attemptTimeoutSeconds !== undefined ? fallbacks.attemptTimeoutSeconds * 1000 : undefined,
        attempts,
        attempt,
      });
    } catch (err) {
      if (err instanceof ChainFailure) throw toHttpError(err.cause, err.modelId, err.timedOut);
      throw err;
    }
  }

  const converseInput = (request: ChatRequest, modelId: string) => {
    const system: SystemContentBlock[] = request.messages.filter((m) => m.role === 'system').map((m) => ({ text: textOf(m.content) }));
    const messages: Message[] = request.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role as 'user' | 'assistant', content: [{ text: textOf(m.content) }] }));
    const stop = request.stop === undefined ? [] : typeof request.stop === 'string' ? [request.stop] : request.stop;
    const temperature = request.temperature ?? settings.temperature;
    const topP = request.top_p ?? settings.topP;
    return {
      modelId,
      messages,
      ...(system.length ? { system } : {}),
      inferenceConfig: {
        maxTokens: request.max_completion_tokens ?? request.max_tokens ?? settings.defaultMaxTokens,
        ...(temperature !== undefined ? { temperature } : {}),
        ...(topP !== undefined ? { topP } : {}),
        ...(stop.length || settings.stopSequences.length ? { stopSequences: [...settings.stopSequences, ...stop].slice(0, 4) } : {}),
      },
    };
  };
  const inputChars = (request: ChatRequest) => messageChars(request.messages);

  return {
    example: '{"messages": [{"role": "user", "content": "Hello"}]}',
    shape: 'an OpenAI chat completions request',
    requestSchema: chatRequestSchema(settings, limits, streaming),
    async invoke(request, context) {
      const answer = await firstAnswer(context, budgets(context).firstByteMs, (modelId, signal) =>
        client.send(new ConverseCommand(converseInput(request, modelId)), { abortSignal: signal }),
      );
      const output = answer.value;
      const content = (output.output?.message?.content ?? []).map((block) => ('text' in block && block.text) || '').join('');
      const usage = {
        inputTokens: output.usage?.inputTokens ?? 0,
        outputTokens: output.usage?.outputTokens ?? 0,
        totalTokens: output.usage?.totalTokens ?? (output.usage?.inputTokens ?? 0) + (output.usage?.outputTokens ?? 0),
      };
      context.annotate({ answeredBy: answer.modelId });
      return {
        body: {
          id: `chatcmpl-${context.requestId}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: answer.modelId,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason(output.stopReason) }],
          usage: { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.totalTokens },
        },
        headers: { [ANSWERING_MODEL_HEADER]: answer.modelId },
        inputs: request.messages.length,
        inputChars: inputChars(request),
        outputChars: content.length,
        usage,
        payload: { input: request.messages, output: content },
      };
    },
    streaming: streaming && {
      wants: (request) => request.stream === true,
      async stream(request, context, out) {
        const started = Date.now();
        const { totalMs, firstByteMs } = budgets(context);
        // An attempt succeeds when Bedrock's stream yields its first event; exceptions before it
        // (thrown by send, or as the stream's first message) may still fall back.
        const answer = await firstAnswer(context, firstByteMs, async (modelId, signal) => {
          const output = await client.send(new ConverseStreamCommand(converseInput(request, modelId)), { abortSignal: signal });
          const events = output.stream?.[Symbol.asyncIterator]();
          if (!events) throw new HttpError('upstream_error', `Bedrock returned no stream for ${modelId}; retry later.`);
          return { events, first: await events.next() };
        });
        context.annotate({ answeredBy: answer.modelId });
        const envelope = {
          id: `chatcmpl-${context.requestId}`,
          created: Math.floor(Date.now() / 1000),
          model: answer.modelId,
          includeUsage: request.stream_options?.include_usage === true,
        };
        const tally: StreamTally = { text: '' };
        out.open({ [ANSWERING_MODEL_HEADER]: answer.modelId });
        context.annotate({ firstByteMs: Date.now() - started });

        // After the first byte the function's own deadline applies; past it the stream ends with an error event.
        let timer: NodeJS.Timeout | undefined;
        const expiry = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            answer.abort.abort();
            reject(Object.assign(new Error('deadline passed'), { name: 'TimeoutError' }));
          }, Math.max(totalMs - (Date.now() - started), 1));
        });
        try {
          let next: IteratorResult<ConverseStreamOutput> = answer.value.first;
          while (!next.done) {
            for (const chunk of chunksFor(next.value, envelope, tally)) out.data(chunk);
            const pending = answer.value.events.next();
            pending.catch(() => undefined);
            next = await Promise.race([pending, expiry]);
          }
        } catch (err) {
          throw toHttpError(err, answer.modelId, false);
        } finally {
          clearTimeout(timer);
        }
        const usage = usageChunk(envelope, tally);
        if (usage) out.data(usage);
        return {
          inputs: request.messages.length,
          inputChars: inputChars(request),
          outputChars: tally.text.length,
          usage: tally.usage,
          payload: { input: request.messages, output: tally.text },
        };
      },
    },
  };
}
