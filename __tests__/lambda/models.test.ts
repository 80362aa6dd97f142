import { createEntitiesRuntime } from '../../lambda/models/entities';
import { createKeywordsRuntime } from '../../lambda/models/keywords';
import { createSentimentRuntime } from '../../lambda/models/sentiment';
import { hostConfig } from '../support/hosts';

const context = { requestId: 'r1', annotate: () => undefined };

describe('sentiment', () => {
  test('labels clear cases, with scores in [-1, 1]', async () => {
    const runtime = createSentimentRuntime(hostConfig('sentiment'));
    const { body } = await runtime.invoke({ inputs: ['I love this wonderful product', 'This is awful and broken', 'The invoice has three lines'] }, context);
    expect((body as { results: { label: string }[] }).results.map((r) => r.label)).toEqual(['positive', 'negative', 'neutral']);
  });
});

describe('entities', () => {
  const text = 'On March 3rd, 2025 Acme paid $1.5 million to 42 engineers. Email ceo@acme.com or see https://acme.com #growth';

  test('finds dates, money, numbers, e-mail addresses, URLs and hashtags', async () => {
    const { body } = await createEntitiesRuntime(hostConfig('entities')).invoke({ inputs: text }, context);
    expect((body as { results: unknown[] }).results).toEqual([
      {
        entities: [
          { text: 'March 3rd, 2025', type: 'DATE' },
          { text: '$1.5 million', type: 'MONEY' },
          { text: '42', type: 'CARDINAL' },
          { text: 'ceo@acme.com', type: 'EMAIL' },
          { text: 'https://acme.com', type: 'URL' },
          { text: '#growth', type: 'HASHTAG' },
        ],
      },
    ]);
  });

  test('returns only the configured types', async () => {
    const runtime = createEntitiesRuntime(hostConfig('entities', { settings: { types: ['EMAIL', 'URL'] } }));
    const { body } = await runtime.invoke({ inputs: [text, 'nothing here'] }, context);
    expect((body as { results: unknown[] }).results).toEqual([
      { entities: [{ text: 'ceo@acme.com', type: 'EMAIL' }, { text: 'https://acme.com', type: 'URL' }] },
      { entities: [] },
    ]);
  });
});

describe('keywords', () => {
  const text = 'The cloud platform helps teams. Cloud tools and cloud platforms scale for teams of engineers.';

  test('ranks lemmas of nouns, proper nouns and adjectives by frequency, never stop words', async () => {
    const { body } = await createKeywordsRuntime(hostConfig('keywords', { settings: { maxKeywords: 3 } })).invoke({ inputs: text }, context);
    expect((body as { results: unknown[] }).results).toEqual([
      {
        keywords: [
          { keyword: 'cloud', count: 3, score: expect.any(Number) },
          { keyword: 'platform', count: 2, score: expect.any(Number) },
          { keyword: 'team', count: 2, score: expect.any(Number) },
        ],
      },
    ]);
  });

  test('scores are shares of the candidate words and sum to at most 1', async () => {
    const { body } = await createKeywordsRuntime(hostConfig('keywords', { settings: { maxKeywords: 100 } })).invoke({ inputs: text }, context);
    const keywords = (body as { results: { keywords: { score: number; keyword: string }[] }[] }).results[0]!.keywords;
    expect(keywords.reduce((sum, k) => sum + k.score, 0)).toBeLessThanOrEqual(1.0001);
    expect(keywords.map((k) => k.keyword)).not.toEqual(expect.arrayContaining(['the', 'and', 'of', 'for']));
  });

  test('a text without candidates has no keywords', async () => {
    const { body } = await createKeywordsRuntime(hostConfig('keywords')).invoke({ inputs: ['', 'and the of'] }, context);
    expect((body as { results: unknown[] }).results).toEqual([{ keywords: [] }, { keywords: [] }]);
  });
});
