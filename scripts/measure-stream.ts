/**
 * `npm run measure:stream -- <url>`: sends one streamed chat request and prints how the answer
 * arrived: the status, the time to the first byte and to the first token, and the gaps between the
 * reads that carried the stream (count, median, 90th percentile, largest). It measures any endpoint
 * that speaks the OpenAI streaming shape: `npm run serve`, a regional API, or Kong.
 *
 *   npm run measure:stream -- http://localhost:8080/v1/assistant
 *
 * Environment: STREAM_PROMPT (the user message), STREAM_HEADERS (extra request headers, one
 * `name: value` per line, e.g. `apikey: ...` for Kong).
 */
import { runCliAsync } from '../app/cli';
import { usageError } from '../core/errors';

function headersFrom(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const line of (text ?? '').split('\n').filter((l) => l.trim())) {
    const colon = line.indexOf(':');
    if (colon < 1) throw usageError(`STREAM_HEADERS line ${JSON.stringify(line)} is not "name: value"`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

runCliAsync(async () => {
  const url = process.argv[2];
  if (!url || !/^https?:\/\//.test(url)) throw usageError('give the model URL, e.g. npm run measure:stream -- http://localhost:8080/v1/assistant');
  const body = JSON.stringify({
    messages: [{ role: 'user', content: process.env['STREAM_PROMPT'] ?? 'Say hello in ten words.' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: headersFrom(process.env['STREAM_HEADERS']), body });
  const headersAt = performance.now() - started;
  const reads: { at: number; text: string }[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    reads.push({ at: performance.now() - started, text: decoder.decode(chunk, { stream: true }) });
  }
  const text = reads.map((r) => r.text).join('');
  console.log(`status ${response.status} ${response.headers.get('content-type') ?? ''}; model ${response.headers.get('x-model-id') ?? 'not named'}`);
  console.log(`headers after ${ms(headersAt)}; first body byte after ${reads.length ? ms(reads[0]!.at) : 'never'}`);
  const firstToken = reads.find((r) => /"delta":\{"content":"[^"]/.test(r.text));
  console.log(`first token after ${firstToken ? ms(firstToken.at) : 'never'}; done after ${ms(performance.now() - started)}`);
  const gaps = reads.slice(1).map((r, i) => r.at - reads[i]!.at).sort((a, b) => a - b);
  console.log(
    `${reads.length} reads, ${text.split('\n\n').filter((e) => e.startsWith('data: ')).length} events, ${text.split('\n\n').filter((e) => e.startsWith(':')).length} keep-alives; ` +
      `gaps between reads: median ${ms(quantile(gaps, 0.5))}, p90 ${ms(quantile(gaps, 0.9))}, max ${ms(gaps.at(-1) ?? 0)}`,
  );
  if (!response.ok) console.log(text);
});
