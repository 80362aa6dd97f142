import { formatConfigIssue } from '../../core/errors';
import { validateConfigDocument } from '../../config/validate';
import { configWarnings } from '../../config/warnings';
import { configDocument, modelDocument, testConfig } from '../support/config';

const TODAY = '2026-11-22';

function chat(extra: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  return modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0', ...settings }, ...extra });
}

function problems(doc: Record<string, unknown>): string[] {
  return validateConfigDocument(doc, { today: TODAY }).issues.map((issue) => formatConfigIssue('f.yaml', issue).trim());
}

describe('streaming models: the limits are proven before synth', () => {
  test('a buffered model answers within 29 s; longer is refused, saying streaming allows it', () => {
    expect(problems(configDocument({ models: [chat({ timeoutSeconds: 29 })] }))).toEqual([]);
    expect(problems(configDocument({ models: [chat({ timeoutSeconds: 30 })] }))).toEqual([
      "f.yaml  models[0].timeoutSeconds: a buffered model's answer must arrive within the 29 s integration timeout; a longer function keeps running after the client got 504; received 30; accepted: at most 29, or a streaming section (streaming: {}) to stream answers for up to 300 s",
    ]);
  });

  test('a streaming model may run up to the 300 s the pinned provider accepts for a STREAM integration, not more', () => {
    expect(problems(configDocument({ models: [chat({ timeoutSeconds: 300, streaming: {} })] }))).toEqual([]);
    expect(problems(configDocument({ models: [chat({ timeoutSeconds: 301, streaming: {} })] }))).toEqual([
      expect.stringMatching(/^f\.yaml {2}models\[0\]\.timeoutSeconds: .*301/),
    ]);
  });

  test('on EDGE a first token that may take 30 s or more is refused, naming REGIONAL', () => {
    const edge = (firstTokenTimeoutSeconds: number) =>
      problems(configDocument({ endpointType: 'EDGE', models: [chat({ timeoutSeconds: 120, streaming: { firstTokenTimeoutSeconds } })] }));
    expect(edge(29)).toEqual([]);
    expect(edge(30)).toEqual([
      'f.yaml  models[0].streaming.firstTokenTimeoutSeconds: a EDGE endpoint cuts a stream that sends nothing for 30 s, and nothing is sent before the first byte; received 30; accepted: less than 30, or endpointType: REGIONAL (whose streams may idle for 300 s) for a model that may take longer to its first token',
    ]);
  });

  test('on REGIONAL the first token may take up to the 5-minute idle limit, inside the function timeout', () => {
    const regional = (firstTokenTimeoutSeconds: number, timeoutSeconds = 300) =>
      problems(configDocument({ endpointType: 'REGIONAL', models: [chat({ timeoutSeconds, streaming: { firstTokenTimeoutSeconds } })] }));
    expect(regional(120)).toEqual([]);
    expect(regional(60, 60)).toEqual([
      "f.yaml  models[0].streaming.firstTokenTimeoutSeconds: the wait for the first byte must end before the function's timeout (60 s), so that the host can still answer; received 60; accepted: less than timeoutSeconds (60)",
    ]);
  });

  test('a fallback attempt fits inside its budget: the function timeout, or for a stream the first-byte wait', () => {
    const fallbacks = (attemptTimeoutSeconds: number) => ({ fallbacks: { modelIds: ['amazon.nova-lite-v1:0'], attemptTimeoutSeconds } });
    expect(problems(configDocument({ models: [chat({ timeoutSeconds: 20 }, fallbacks(21))] }))).toEqual([
      "f.yaml  models[0].settings.fallbacks.attemptTimeoutSeconds: one attempt may not outlast the request's budget (timeoutSeconds, 20 s); received 21; accepted: at most 20",
    ]);
    expect(problems(configDocument({ models: [chat({ timeoutSeconds: 120, streaming: { firstTokenTimeoutSeconds: 10 } }, fallbacks(11))] }))).toEqual([
      "f.yaml  models[0].settings.fallbacks.attemptTimeoutSeconds: one attempt may not outlast the request's budget (streaming.firstTokenTimeoutSeconds, 10 s: a stream falls back only before its first byte); received 11; accepted: at most 10",
    ]);
  });
});

describe('fallback chains: every model of the chain, in every region', () => {
  test('a fallback Bedrock cannot serve in a region is refused where it sits in the chain', () => {
    const doc = configDocument({ regions: ['us-east-1', 'eu-west-1'], models: [chat({}, { fallbacks: { modelIds: ['amazon.nova-lite-v1:0', 'meta.llama3-1-8b-instruct-v1:0'] } })] });
    expect(problems(doc)).toEqual([expect.stringMatching(/^f\.yaml {2}models\[0\]\.settings\.fallbacks\.modelIds\[1\]: Bedrock cannot serve it in one region \(eu-west-1: /)]);
  });

  test('a model listed twice in the chain is refused', () => {
    expect(problems(configDocument({ models: [chat({}, { fallbacks: { modelIds: ['amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0'] } })] }))).toEqual([
      'f.yaml  models[0].settings.fallbacks.modelIds[1]: received "amazon.nova-micro-v1:0"; accepted: a model not already earlier in the chain (amazon.nova-micro-v1:0 is); list each model once',
    ]);
  });

  test('the conditions are throttled, unavailable and timeout; all three by default', () => {
    expect(problems(configDocument({ models: [chat({}, { fallbacks: { modelIds: ['amazon.nova-lite-v1:0'], on: ['overloaded'] } })] }))).toEqual([
      expect.stringMatching(/^f\.yaml {2}models\[0\]\.settings\.fallbacks\.on\[0\]: .*"throttled".*"unavailable".*"timeout"/),
    ]);
    const config = testConfig({ models: [chat({}, { fallbacks: { modelIds: ['amazon.nova-lite-v1:0'] } })] });
    expect(config.models[0]).toMatchObject({ settings: { fallbacks: { on: ['throttled', 'unavailable', 'timeout'] } } });
  });

  test('a fallback missing from the availability table is warned about at its place in the chain', () => {
    const config = testConfig({ models: [chat({}, { fallbacks: { modelIds: ['amazon.nova-lite-v1:0', 'example.unlisted-v1:0'] } })] });
    expect(configWarnings(config, TODAY).map((w) => w.path)).toEqual(['models[0].settings.fallbacks.modelIds[1]']);
  });
});
