import * as fc from 'fast-check';
import { createHandler } from '../../lambda/handler';
import { createKeywordsRuntime } from '../../lambda/models/keywords';
import { boundText, DENSITY_FREE_TOKENS, MAX_RUN, MAX_SYMBOL_RUN, tokenDensityProblem } from '../../lambda/models/text-bounds';
import { jsonBody, proxyEvent } from '../support/events';
import { hostConfig } from '../support/hosts';

describe('what the offline models read', () => {
  test('no run without whitespace is longer than MAX_RUN, and no run of symbols longer than MAX_SYMBOL_RUN, whatever the text', () => {
    const piece = fc.constantFrom('!', '?', '#', 'a', 'é', '1', '.', '😀', ' ', '\n', 'word', '!?');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (parts) => {
        const bounded = boundText(parts.join(''));
        for (const run of bounded.match(/\S+/gu) ?? []) expect([...run].length <= MAX_RUN || run.length <= MAX_RUN).toBe(true);
        for (const run of bounded.match(/[^\p{L}\p{N}\s]+/gu) ?? []) expect([...run].length).toBeLessThanOrEqual(MAX_SYMBOL_RUN);
      }),
    );
  });

  test('prose is read as written', () => {
    const prose = 'The release is fast and reliable!!! Isn’t it? See https://example.com/docs/getting-started.';
    expect(boundText(prose)).toBe(prose);
  });

  test('a long run keeps its first symbols, and a long word is cut in pieces', () => {
    expect(boundText(`wow${'!'.repeat(1000)}`)).toBe(`wow${'!'.repeat(MAX_SYMBOL_RUN)}`);
    expect(boundText('a'.repeat(MAX_RUN * 2 + 1))).toBe(`${'a'.repeat(MAX_RUN)} ${'a'.repeat(MAX_RUN)} a`);
  });

  test('a text of almost only one-character tokens is refused beyond the free allowance; prose never', () => {
    expect(tokenDensityProblem('1 '.repeat(DENSITY_FREE_TOKENS))).toBeUndefined();
    expect(tokenDensityProblem('1 '.repeat(DENSITY_FREE_TOKENS + 1))).toMatch(/^has 2049 tokens in 4098 characters; beyond 2048 tokens a text must average at least 4 characters per token/);
    expect(tokenDensityProblem('The new release is fast and reliable, although the guide could be clearer. '.repeat(900))).toBeUndefined();
  });
});

describe('a text kind, given what once cost it seconds', () => {
  const config = hostConfig('keywords', { limits: { maxBodyBytes: 300_000, maxInputChars: 65_536 } });
  const handler = createHandler(config, { runtime: createKeywordsRuntime(config), log: () => undefined });

  test('a 64 KB run of punctuation is answered, as the bounded text', async () => {
    const response = await handler(proxyEvent(jsonBody({ inputs: `great product${'!'.repeat(65_000)}` })));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).results[0].keywords).toEqual([{ keyword: 'great', count: 1, score: 0.5 }, { keyword: 'product', count: 1, score: 0.5 }]);
  });

  test('a text too dense to analyse in time gets 400 naming it and the rule', async () => {
    const response = await handler(proxyEvent(jsonBody({ inputs: ['fine', '1 '.repeat(30_000)] })));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.message).toMatch(/inputs\[1\] has 30000 tokens in 60000 characters; beyond 2048 tokens a text must average at least 4 characters per token/);
  });
});
