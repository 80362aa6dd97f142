/**
 * `npm run stub:bedrock`: a stand-in Bedrock runtime endpoint on localhost (tooling/bedrock-stub.ts),
 * so that `npm run serve` can stream a Bedrock model with no AWS account:
 *
 *   npm run stub:bedrock                     # listens on 127.0.0.1:4010
 *   AWS_ENDPOINT_URL_BEDROCK_RUNTIME=http://127.0.0.1:4010 AWS_ACCESS_KEY_ID=stub AWS_SECRET_ACCESS_KEY=stub npm run serve
 *   curl -N localhost:8080/v1/assistant -H 'content-type: application/json' \
 *     -d '{"messages":[{"role":"user","content":"Hi"}],"stream":true}'
 *
 * Environment: PORT (default 4010), STUB_THROTTLE (comma-separated model ids answered 429, to see a
 * fallback chain at work), STUB_FIRST_TOKEN_MS (default 300), STUB_TOKEN_MS (default 120),
 * STUB_REPLY (the words of every answer).
 */
import type { AddressInfo } from 'net';
import { reportFailure, runCli } from '../app/cli';
import { portUnavailable, usageError } from '../core/errors';
import { createBedrockStub } from '../tooling/bedrock-stub';

function numberFrom(name: string, fallback: number, max: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= max)) throw usageError(`${name}=${JSON.stringify(value)} is not valid; use an integer from 0 to ${max}, e.g. ${name}=${fallback}`);
  return n;
}

runCli(() => {
  const port = numberFrom('PORT', 4010, 65535);
  const throttle = (process.env['STUB_THROTTLE'] ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const { server, calls } = createBedrockStub({
    throttle,
    reply: process.env['STUB_REPLY'] || undefined,
    firstTokenMs: numberFrom('STUB_FIRST_TOKEN_MS', 300, 600_000),
    tokenMs: numberFrom('STUB_TOKEN_MS', 120, 600_000),
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    reportFailure(err.code === 'EADDRINUSE' ? portUnavailable(port, 'the port is in use') : err);
    server.close();
  });
  server.on('stream', (stream) => stream.once('close', () => calls.length && console.log(JSON.stringify(calls.at(-1)))));
  server.listen(port, '127.0.0.1', () => {
    const { port: bound } = server.address() as AddressInfo;
    console.log(`stub Bedrock listening on http://127.0.0.1:${bound}${throttle.length ? ` (throttling ${throttle.join(', ')})` : ''}`);
    console.log(`use it: AWS_ENDPOINT_URL_BEDROCK_RUNTIME=http://127.0.0.1:${bound} AWS_ACCESS_KEY_ID=stub AWS_SECRET_ACCESS_KEY=stub npm run serve`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
