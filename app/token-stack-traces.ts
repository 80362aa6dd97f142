/**
 * cdktf records a full stack trace for every token it creates (each attribute reference, each
 * `Lazy`), with `Error.stackTraceLimit` raised to the maximum, and formats it at once
 * (cdktf 0.21.0, lib/tokens/private/stack-trace.js, called from lib/tokens/private/intrinsic.js,
 * lib/tokens/lazy.js and the complex list and dynamic block classes). The trace is used only to
 * say where a token was made when resolving it fails (lib/tokens/resolvable.js,
 * lib/tokens/private/intrinsic.js `newError`); it never reaches the output. Capturing it is about a
 * fifth of a synth here. The AWS CDK turns the same debugging aid off with the
 * `aws:cdk:disable-stack-trace` context; cdktf has no switch, so the app replaces the capture with
 * one that records nothing, unless `GATEWAY_TOKEN_STACK_TRACES=1` asks for the traces back.
 */
// A deep import of a cdktf internal: the module is a CommonJS object whose export is read at each
// call (`(0, stack_trace_1.captureStackTrace)()`), so replacing the property takes effect everywhere.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: Function) => string[] };

/** The environment variable that keeps cdktf's token creation traces. */
export const TOKEN_STACK_TRACES_ENV = 'GATEWAY_TOKEN_STACK_TRACES';

const original = stackTrace.captureStackTrace;

/** Stops cdktf from capturing a stack trace per token, unless the environment asks for them. */
export function configureTokenStackTraces(env: NodeJS.ProcessEnv = process.env): void {
  stackTrace.captureStackTrace = env[TOKEN_STACK_TRACES_ENV] === '1' ? original : () => [];
}
