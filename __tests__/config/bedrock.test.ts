import { formatConfigIssue } from '../../core/errors';
import { validateConfigDocument } from '../../config/validate';
import { configWarnings } from '../../config/warnings';
import { configDocument, modelDocument, testConfig } from '../support/config';

const TODAY = '2026-11-22';

function chat(modelId: string, extra: Record<string, unknown> = {}) {
  return modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId }, ...extra });
}

function problems(doc: Record<string, unknown>, today = TODAY): string[] {
  return validateConfigDocument(doc, { today }).issues.map((issue) => formatConfigIssue('f.yaml', issue).trim());
}

describe('Bedrock models by region (configuration)', () => {
  test("dev's model in dev's regions is served everywhere (eu-west-1 through eu.)", () => {
    expect(problems(configDocument({ regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], models: [chat('amazon.nova-micro-v1:0')] }))).toEqual([]);
  });

  test('refused naming every region Bedrock cannot serve it in, and why', () => {
    expect(
      problems(configDocument({ regions: ['us-west-2', 'eu-west-1', 'ap-southeast-2'], models: [chat('meta.llama3-1-8b-instruct-v1:0')] })),
    ).toEqual([
      'f.yaml  models[0].settings.modelId: Bedrock cannot serve it in 2 regions (' +
        'eu-west-1: meta.llama3-1-8b-instruct-v1:0 is not offered in-Region in eu-west-1 and no geographic inference profile takes requests from there; it is offered in us-east-1, us-east-2, us-west-2; ' +
        'ap-southeast-2: meta.llama3-1-8b-instruct-v1:0 is not offered in-Region in ap-southeast-2 and no geographic inference profile takes requests from there; it is offered in us-east-1, us-east-2, us-west-2); ' +
        'received "meta.llama3-1-8b-instruct-v1:0"; accepted: a model Bedrock serves in every region of the environment (availability table read 2026-11-22: aws/bedrock-availability.ts), or fewer regions',
    ]);
  });

  test('crossRegionInference: never keeps requests in the region, and says what would serve it', () => {
    const [problem] = problems(configDocument({ models: [chat('amazon.nova-micro-v1:0', { crossRegionInference: 'never' })] }));
    expect(problem).toMatch(/^f\.yaml {2}models\[0\]\.settings\.modelId: Bedrock cannot serve it in one region \(eu-west-1: .*set crossRegionInference: fallback to use it\)/);
  });

  test('a model past its end of life is refused on and after that day', () => {
    const doc = configDocument({ regions: ['us-east-1'], models: [chat('us.anthropic.claude-3-5-haiku-20241022-v1:0')] });
    expect(problems(doc, '2026-06-18')).toEqual([]);
    expect(problems(doc, '2026-06-19')).toEqual([
      expect.stringContaining('us-east-1: anthropic.claude-3-5-haiku-20241022-v1:0 reached its end of life on 2026-06-19 (Bedrock model lifecycle)'),
    ]);
  });

  test('crossRegionInference accepts only its three values', () => {
    expect(problems(configDocument({ models: [chat('amazon.nova-micro-v1:0', { crossRegionInference: 'always' })] }))).toEqual([
      expect.stringMatching(/^f\.yaml {2}models\[0\]\.crossRegionInference: .*"always".*fallback.*prefer.*never/),
    ]);
  });
});

describe('Bedrock warnings', () => {
  test('a legacy model: the day it ends, in the regions it ends in', () => {
    const config = testConfig({ regions: ['us-east-1', 'ap-northeast-2'], models: [chat('anthropic.claude-3-haiku-20240307-v1:0')] });
    expect(configWarnings(config, '2026-05-01')).toEqual([
      {
        path: 'models[0].settings.modelId',
        message: 'anthropic.claude-3-haiku-20240307-v1:0 is a legacy model since 2026-03-10: Bedrock ends it on 2026-09-10 in us-east-1. Move to a current model before then.',
      },
    ]);
    expect(configWarnings(config, '2026-03-09')).toEqual([]);
  });

  test('a model missing from the table is used as configured, with a warning', () => {
    const config = testConfig({ models: [chat('eu.example.unlisted-model-v1:0')] });
    expect(configWarnings(config, TODAY)).toEqual([
      {
        path: 'models[0].settings.modelId',
        message:
          'example.unlisted-model-v1:0 is not in the Bedrock availability table (read 2026-11-22, aws/bedrock-availability.ts): it is invoked as configured in us-east-1, eu-west-1, with its foundation model allowed in every region through the profile. Check that Bedrock offers it there, then add it to the table.',
      },
    ]);
    expect(problems(configDocument({ models: [chat('eu.example.unlisted-model-v1:0')] }))).toEqual([]);
  });
});
