/**
 * Where a streamed answer goes: Lambda's response stream in AWS, a Node HTTP response locally, a
 * recorder in tests. The status and headers are sent once, before the first byte of the body.
 */

/** A response written as it is produced. */
export interface ResponseSink {
  /** Sends the status and headers; called once, before any write. */
  start(statusCode: number, headers: Readonly<Record<string, string>>): void;
  /** Sends part of the body. */
  write(text: string): void;
  /** Ends the response. */
  end(): Promise<void>;
}

/** The Writable Lambda hands a streaming handler, as far as the sink needs it. */
export interface LambdaResponseStream {
  write(chunk: string): boolean;
  end(callback?: () => void): void;
}

/** Lambda's `awslambda.HttpResponseStream`, which sends the status and headers as a prelude. */
export interface HttpResponseStreamFactory {
  from(stream: LambdaResponseStream, prelude: { statusCode: number; headers: Record<string, string> }): LambdaResponseStream;
}

/**
 * A sink over Lambda's response stream. `HttpResponseStream.from` writes the JSON prelude (status,
 * headers) and the 8 NUL bytes API Gateway reads before the body (aws-lambda-nodejs-runtime-interface-client
 * v3.3.0 src/HttpResponseStream.js:20-27; "Only headers, multiValueHeaders, cookies and the
 * statusCode keys are supported", response-transfer-mode-lambda.html).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html
 */
export function lambdaResponseSink(stream: LambdaResponseStream, http: HttpResponseStreamFactory): ResponseSink {
  let body: LambdaResponseStream | undefined;
  return {
    start(statusCode, headers) {
      body = http.from(stream, { statusCode, headers: { ...headers } });
    },
    write(text) {
      body!.write(text);
    },
    end() {
      return new Promise((resolve) => (body ?? stream).end(resolve));
    },
  };
}
