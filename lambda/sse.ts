/**
 * Server-sent events as OpenAI's streaming API sends them: `data: <json>` events, `data: [DONE]` at
 * the end, and here a `: keep-alive` comment whenever the stream has been quiet for
 * {@link STREAM_KEEPALIVE_SECONDS}, because API Gateway cuts a stream that stays idle (contract/limits.ts).
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation (comments: lines starting with ":")
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 */
import { STREAM_KEEPALIVE_SECONDS } from '../contract/chat';
import { REQUEST_ID_HEADER } from '../contract/errors';
import type { ResponseSink } from './response-sink';

/** The content type of a server-sent event stream. */
export const EVENT_STREAM_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/** The comment line sent to keep a quiet stream open. */
export const KEEPALIVE_COMMENT = ': keep-alive\n\n';

/** An event stream over a {@link ResponseSink}, with its keep-alive and what it sent. */
export class EventStream {
  private timer: NodeJS.Timeout | undefined;
  private openedAt: number | undefined;
  private closed = false;
  /** Bytes of body sent. */
  bytes = 0;
  /** Data events sent (keep-alive comments are not counted). */
  events = 0;
  /** Keep-alive comments sent. */
  keepAlives = 0;
  private readonly extraHeaders: Record<string, string> = {};

  constructor(
    private readonly sink: ResponseSink,
    private readonly requestId: string,
    private readonly keepAliveMs: number = STREAM_KEEPALIVE_SECONDS * 1000,
  ) {}

  /** Whether the status and headers are sent: from here on, failures are events, not statuses. */
  get opened(): boolean {
    return this.openedAt !== undefined;
  }

  /** Adds headers to those {@link open} will send (e.g. the consumer's remaining budget). */
  addHeaders(headers: Readonly<Record<string, string>>): void {
    Object.assign(this.extraHeaders, headers);
  }

  /** Sends 200 and the stream's headers (the first byte), and starts the keep-alive. */
  open(headers: Readonly<Record<string, string>> = {}): void {
    if (this.opened) return;
    this.openedAt = performance.now();
    this.sink.start(200, {
      'content-type': EVENT_STREAM_CONTENT_TYPE,
      'cache-control': 'no-cache',
      // Any nginx in the path (Kong is one) passes this response on unbuffered: nginx honours the
      // upstream's X-Accel-Buffering (ngx_http_proxy_module, proxy_buffering), and Kong 3.9.1's
      // template does not ignore it (kong/templates/nginx_kong.lua sets no proxy_ignore_headers).
      'x-accel-buffering': 'no',
      [REQUEST_ID_HEADER]: this.requestId,
      ...this.extraHeaders,
      ...headers,
    });
    this.arm();
  }

  /** Sends one `data:` event with a JSON payload. */
  data(payload: unknown): void {
    this.events++;
    this.send(`data: ${JSON.stringify(payload)}\n\n`);
  }

  /** Sends OpenAI's end-of-stream marker. */
  done(): void {
    this.send('data: [DONE]\n\n');
  }

  /** Stops the keep-alive and ends the response, if it was opened (else the caller answers). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    if (this.opened) await this.sink.end();
  }

  private send(text: string): void {
    if (this.closed) return;
    this.open();
    this.bytes += Buffer.byteLength(text);
    this.sink.write(text);
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.closed) return;
      this.keepAlives++;
      this.bytes += KEEPALIVE_COMMENT.length;
      this.sink.write(KEEPALIVE_COMMENT);
      this.arm();
    }, this.keepAliveMs);
  }
}
