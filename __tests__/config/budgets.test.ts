import { Naming } from '../../config/naming';
import { meteringFor, priceOf } from '../../config/metering';
import { validateConfigDocument } from '../../config/validate';
import { configWarnings } from '../../config/warnings';
import { formatConfigIssue } from '../../core/errors';
import { configDocument, kongDocument, modelDocument, testConfig } from '../support/config';

const TODAY = '2026-11-22';
const problems = (doc: Record<string, unknown>) => validateConfigDocument(doc, { today: TODAY }).issues.map((issue) => formatConfigIssue('f.yaml', issue).trim());
const price = (inputPer1k: number, outputPer1k: number) => ({ inputPer1k, outputPer1k, readOn: '2026-11-01' });
const chat = modelDocument({ name: 'assistant', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0', fallbacks: { modelIds: ['amazon.nova-lite-v1:0'] } }, allowedGroups: ['llm'] });
const external = modelDocument({ name: 'gpt', kind: 'external-llm', provider: 'openai', model: 'gpt-4o-mini', allowedGroups: ['llm'] });
/** `basic` (the default) reaches everything; `pro` is acme's tier, and acme is only in `nlp`. */
const kong = (tiers: Record<string, unknown>) =>
  kongDocument({
    groups: ['nlp', 'llm'],
    tiers,
    consumers: [
      { username: 'acme', groups: ['nlp'], tier: 'pro' },
      { username: 'initech', groups: ['llm'], tier: 'team' },
    ],
  });

describe('budgets and prices in the configuration', () => {
  test('a dollar budget must price every LLM its tier reaches, each model of a fallback chain included', () => {
    const doc = configDocument({
      models: [modelDocument(), chat, external],
      prices: { 'amazon.nova-micro-v1:0': price(0.000035, 0.00014) },
      kong: kong({ basic: { minute: 60 }, pro: { minute: 60, budget: { usdPerDay: 5 } }, team: { minute: 60, budget: { usdPerDay: 5 } } }),
    });
    // pro (acme, nlp only) reaches no LLM: nothing to price; team (initech, llm) reaches both.
    expect(problems(doc)).toEqual([
      'f.yaml  kong.tiers.team.budget.usdPerDay: a dollar budget, but the tier reaches models without a price: amazon.nova-lite-v1:0 (model assistant), gpt-4o-mini (model gpt); accepted: a price for each under prices (inputPer1k, outputPer1k, readOn), or no usdPerDay',
    ]);
  });

  test('the default tier reaches every model (consumers made outside the file are in it)', () => {
    const doc = configDocument({ models: [modelDocument(), external], kong: kong({ basic: { minute: 60, budget: { usdPerDay: 1 } }, pro: { minute: 60 }, team: { minute: 60 } }) });
    expect(problems(doc)).toEqual([expect.stringMatching(/^f\.yaml {2}kong\.tiers\.basic\.budget\.usdPerDay: .*gpt-4o-mini \(model gpt\); accepted: .*the default tier reaches every model/)]);
  });

  test('token budgets need no prices; a price read in the future is refused', () => {
    const doc = configDocument({
      models: [modelDocument(), chat],
      prices: { 'amazon.nova-micro-v1:0': { ...price(1, 1), readOn: '2026-12-01' } },
      kong: kong({ basic: { minute: 60, budget: { tokens: { perMinute: 5000 } } }, pro: { minute: 60 }, team: { minute: 60 } }),
    });
    expect(problems(doc)).toEqual(['f.yaml  prices["amazon.nova-micro-v1:0"].readOn: a date in the future; received "2026-12-01"; accepted: the day the price was read, at the latest today (2026-11-22)']);
  });

  test('every region that takes traffic must get a share of each token budget', () => {
    const doc = configDocument({
      regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
      kong: kong({ basic: { minute: 60, budget: { tokens: { perMinute: 2, perDay: 3 } } }, pro: { minute: 60 }, team: { minute: 60 } }),
    });
    expect(problems(doc)).toEqual([
      'f.yaml  kong.tiers.basic.budget.tokens.perMinute: split by the upstream weights, it leaves us-east-1, eu-west-1, ap-southeast-2 no tokens; received 2; accepted: at least 3 (each region enforces its weight\'s share)',
    ]);
  });

  test('a budget must say what it limits', () => {
    const doc = configDocument({ kong: kong({ basic: { minute: 60, budget: {} }, pro: { minute: 60, budget: { tokens: { counts: 'input' } } }, team: { minute: 60 } }) });
    expect(problems(doc)).toEqual([
      'f.yaml  kong.tiers.basic.budget: received {}; accepted: set tokens, usdPerDay or both',
      'f.yaml  kong.tiers.pro.budget.tokens: received {"counts":"input"}; accepted: set perMinute, perDay or both',
    ]);
  });
});

describe('alarm topics', () => {
  test('each region’s alarms notify a topic in that region, of a region the environment deploys to', () => {
    const doc = (notify: Record<string, string>) => configDocument({ alarms: { notify } });
    expect(problems(doc({ 'eu-west-1': 'arn:aws:sns:eu-west-1:123456789012:alerts' }))).toEqual([]);
    expect(problems(doc({ 'eu-west-1': 'arn:aws:sns:us-east-1:123456789012:alerts', 'ap-southeast-2': 'arn:aws:sns:ap-southeast-2:123456789012:alerts' }))).toEqual([
      'f.yaml  alarms.notify.eu-west-1: a topic in us-east-1, but alarms notify only topics in their own region; received "arn:aws:sns:us-east-1:123456789012:alerts"; accepted: an SNS topic in eu-west-1',
      'f.yaml  alarms.notify.ap-southeast-2: a region this environment does not deploy to; accepted: one of regions: us-east-1, eu-west-1',
    ]);
    expect(problems(doc({ 'eu-west-1': 'alerts' }))).toEqual(['f.yaml  alarms.notify.eu-west-1: received "alerts"; accepted: an SNS topic ARN, arn:aws:sns:<region>:<account>:<name>']);
  });
});

describe('price dates', () => {
  test('a price read more than 180 days ago is a warning naming it, not an error', () => {
    const config = testConfig({ prices: { 'gpt-4o-mini': { inputPer1k: 0.00015, outputPer1k: 0.0006, readOn: '2026-05-16' }, 'amazon.nova-micro-v1:0': price(1, 1) } });
    expect(configWarnings(config, TODAY)).toEqual([
      { path: 'prices.gpt-4o-mini.readOn', message: expect.stringMatching(/^the price of gpt-4o-mini was read 190 days ago \(2026-05-16\): check it/) },
    ]);
  });
});

describe('what a region’s host meters', () => {
  const config = testConfig({
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    models: [chat],
    prices: { 'amazon.nova-micro-v1:0': price(0.000035, 0.00014), 'amazon.nova-lite-v1:0': price(0.00006, 0.00024) },
    kong: {
      ...kong({ basic: { minute: 60 }, pro: { minute: 60 }, team: { minute: 60, budget: { tokens: { perMinute: 30001, perDay: 600000 }, usdPerDay: 3 } } }),
      upstream: { weights: { 'us-east-1': 300, 'eu-west-1': 100, 'ap-southeast-2': 0 } },
    },
  });
  const naming = new Naming('aigw', 'test');
  const chain = [
    { configuredId: 'amazon.nova-micro-v1:0', invokeId: 'eu.amazon.nova-micro-v1:0' },
    { configuredId: 'amazon.nova-lite-v1:0', invokeId: 'eu.amazon.nova-lite-v1:0' },
  ];

  test('its region’s share of each budget by the upstream weights, rounded down; prices by the ids it invokes', () => {
    expect(meteringFor(config, naming, { region: 'eu-west-1', table: 'budgets' }, chain)).toEqual({
      namespace: 'GlobalAiGateway/aigw-test',
      region: 'eu-west-1',
      table: 'budgets',
      defaultTier: 'basic',
      consumers: { acme: 'pro', initech: 'team' },
      tiers: { team: { tokens: { perMinute: 7500, perDay: 150000, counts: 'total' }, usdPerDay: 0.75 } },
      prices: { 'eu.amazon.nova-micro-v1:0': { inputPer1k: 0.000035, outputPer1k: 0.00014 }, 'eu.amazon.nova-lite-v1:0': { inputPer1k: 0.00006, outputPer1k: 0.00024 } },
    });
    expect(meteringFor(config, naming, { region: 'us-east-1', table: 'budgets' }, chain).tiers['team']).toEqual({ tokens: { perMinute: 22500, perDay: 450000, counts: 'total' }, usdPerDay: 2.25 });
    expect(meteringFor(config, naming, { region: 'ap-southeast-2', table: 'budgets' }, chain).tiers['team']).toEqual({ tokens: { perMinute: 0, perDay: 0, counts: 'total' }, usdPerDay: 0 });
  });

  test('without budgets there is no table to name', () => {
    const plain = testConfig({ models: [chat], kong: kong({ basic: { minute: 60 }, pro: { minute: 60 }, team: { minute: 60 } }) });
    expect(meteringFor(plain, naming, { region: 'eu-west-1', table: 'budgets' }, chain)).not.toHaveProperty('table');
  });

  test('an inference profile id is priced as its foundation model, unless priced itself', () => {
    const prices = { 'amazon.nova-micro-v1:0': { inputPer1k: 1, outputPer1k: 2 }, 'global.amazon.nova-lite-v1:0': { inputPer1k: 3, outputPer1k: 4 } };
    expect(priceOf(prices, 'eu.amazon.nova-micro-v1:0')).toEqual({ inputPer1k: 1, outputPer1k: 2 });
    expect(priceOf(prices, 'global.amazon.nova-lite-v1:0')).toEqual({ inputPer1k: 3, outputPer1k: 4 });
    expect(priceOf(prices, 'eu.amazon.nova-lite-v1:0')).toBeUndefined();
  });
});
