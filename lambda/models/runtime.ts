/** What every model kind implements, and what an invocation reports back to the handler. */
import type { z } from 'zod';
import type { EventStream } from '../sse';

/** Tokens a generative model consumed and produced. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
}

/** What the handler needs to answer and log a request. */
export interface Invocation {
  /** The 200 response body. */
  readonly body: unknown;
  /** How many inputs (texts or messages) the request carried. */
  readonly inputs: number;
  /** Characters of input text. */
  readonly inputChars: number;
  /** Characters of generated or returned text. */
  readonly outputChars: number;
  /** Token usage, for generative models. */
  readonly usage?: TokenUsage;
  /** The input and output text, logged only when payload logging is on. */
  readonly payload: { readonly input: unknown; readonly output: unknown };
  /** Response headers beyond the host's own (e.g. the model that answered). @default none */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the handler logs about a streamed answer (its body went out as it was produced). */
export type StreamedInvocation = Omit<Invocation, 'body' | 'headers'>;

/** Per-request facts a model may need. */
export interface InvokeContext {
  readonly requestId: string;
  /** The consumer Kong authenticated (X-Consumer-Username), when the request names one. */
  readonly consumer?: string;
  /** Milliseconds left before Lambda stops the function, when known. */
  readonly remainingTimeMs?: number;
  /** Adds fields to the request's log line (e.g. the attempts of a fallback chain). */
  annotate(fields: Readonly<Record<string, unknown>>): void;
}

/** One model kind's behaviour: the request shape it accepts and how it answers. */
export interface ModelRuntime<Request = unknown> {
  /** A JSON example of a valid body, for error messages. */
  readonly example: string;
  /** The request shape, in words, for error messages. */
  readonly shape: string;
  /** Validates a body under the model's limits. */
  readonly requestSchema: z.ZodType<Request>;
  /** Runs the model. Failures a client should see are thrown as HttpError. */
  invoke(request: Request, context: InvokeContext): Promise<Invocation>;
  /** For models that can stream their answer. @default buffered answers only */
  readonly streaming?: StreamingRuntime<Request>;
}

/** How a model streams: which requests ask for it, and the streamed call. */
export interface StreamingRuntime<Request> {
  /** Whether the request asks for a streamed answer. */
  wants(request: Request): boolean;
  /**
   * Streams the answer into `out`. Failures before `out.open()` are thrown as HttpError and answered
   * with their status; after it, the handler turns a failure into an error event.
   */
  stream(request: Request, context: InvokeContext, out: EventStream): Promise<StreamedInvocation>;
}
