import { Logger } from '@aws-lambda-powertools/logger';
import { createHandler, LOG_SERVICE, powertoolsLog } from '../../lambda/handler';
import { createSentimentRuntime } from '../../lambda/models/sentiment';
import { proxyEvent } from '../support/events';
import { hostConfig } from '../support/hosts';

/** Collects what the Powertools logger writes: JSON lines, on stdout (errors on stderr). */
function captureStdout(run: () => Promise<void>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  const spies = [jest.spyOn(process.stdout, 'write').mockImplementation(capture), jest.spyOn(process.stderr, 'write').mockImplementation(capture)];
  return run()
    .finally(() => spies.forEach((spy) => spy.mockRestore()))
    .then(() => lines.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>));
}

describe('request logs through Powertools for AWS Lambda', () => {
  test('one JSON line per request with the service, level and request facts', async () => {
    const config = hostConfig('sentiment');
    const log = powertoolsLog(new Logger({ serviceName: LOG_SERVICE, logLevel: 'INFO' }));
    const handler = createHandler(config, { runtime: createSentimentRuntime(config), log });
    const lines = await captureStdout(async () => {
      await handler(proxyEvent({ headers: { 'content-type': 'application/json', 'Kong-Request-ID': 'kong-1' } }));
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'request',
        service: LOG_SERVICE,
        timestamp: expect.any(String),
        requestId: 'req-0001',
        correlationId: 'kong-1',
        model: 'sentiment',
        status: 200,
        inputs: 1,
      }),
    ]);
  });

  test('errors are logged at ERROR, and the log level filters lower levels', async () => {
    const log = powertoolsLog(new Logger({ serviceName: LOG_SERVICE, logLevel: 'ERROR' }));
    const lines = await captureStdout(async () => {
      log({ level: 'INFO', message: 'hidden' });
      log({ level: 'ERROR', message: 'shown', detail: 'x' });
    });
    expect(lines).toEqual([expect.objectContaining({ level: 'ERROR', message: 'shown', detail: 'x' })]);
  });
});
