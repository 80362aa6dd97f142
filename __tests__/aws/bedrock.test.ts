import { AWS_REGIONS, type AwsRegion } from '../../aws/facts';
import { resolveBedrockModel, type CrossRegionInference } from '../../aws/bedrock';
import { ANY_COMMERCIAL_REGION, BEDROCK_AVAILABILITY_READ_ON, BEDROCK_MODELS } from '../../aws/bedrock-availability';

/** The id invoked in a region, or the problem. */
function invoked(modelId: string, region: AwsRegion, routing: CrossRegionInference = 'fallback', today?: string): string {
  const resolution = resolveBedrockModel(modelId, region, routing, today);
  return 'model' in resolution ? resolution.model.invokeId : `refused: ${resolution.problem}`;
}

describe('the Bedrock availability table', () => {
  test('states the day it was read', () => {
    expect(BEDROCK_AVAILABILITY_READ_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('every model: profiles of known geographies, each source region routed once, destinations listed once', () => {
    for (const [id, model] of Object.entries(BEDROCK_MODELS)) {
      expect(id).toMatch(/^[a-z0-9-]+\.[a-z0-9.:-]+$/);
      expect(new Set(model.inRegion).size).toBe(model.inRegion.length);
      const geographies = model.profiles.map((p) => p.geography);
      expect(new Set(geographies).size).toBe(geographies.length);
      for (const profile of model.profiles) {
        expect(['us', 'eu', 'apac', 'jp', 'au', 'ca', 'global']).toContain(profile.geography);
        const sources = profile.routes.flatMap((r) => r.from);
        expect(new Set(sources).size).toBe(sources.length);
        for (const route of profile.routes) {
          if (route.to === ANY_COMMERCIAL_REGION) expect(profile.geography).toBe('global');
          else expect(new Set(route.to).size).toBe(route.to.length);
        }
      }
      if (model.endOfLife) expect(model.endOfLife.legacyFrom < model.endOfLife.date).toBe(true);
      for (const region of [...model.inRegion, ...model.profiles.flatMap((p) => p.routes.flatMap((r) => r.from))]) {
        expect(AWS_REGIONS).toContain(region);
      }
    }
  });
});

describe('resolveBedrockModel', () => {
  test("dev's nova-micro: in-Region in us-east-1, through eu. in eu-west-1 and apac. in ap-southeast-2", () => {
    expect(invoked('amazon.nova-micro-v1:0', 'us-east-1')).toBe('amazon.nova-micro-v1:0');
    expect(invoked('amazon.nova-micro-v1:0', 'eu-west-1')).toBe('eu.amazon.nova-micro-v1:0');
    expect(invoked('amazon.nova-micro-v1:0', 'ap-southeast-2')).toBe('apac.amazon.nova-micro-v1:0');
  });

  test('prefer takes the geographic profile where one serves the region; never stays in-Region', () => {
    expect(invoked('amazon.nova-micro-v1:0', 'us-east-1', 'prefer')).toBe('us.amazon.nova-micro-v1:0');
    expect(invoked('amazon.nova-lite-v1:0', 'eu-west-2', 'prefer')).toBe('amazon.nova-lite-v1:0');
    expect(invoked('amazon.nova-micro-v1:0', 'eu-west-1', 'never')).toBe(
      'refused: amazon.nova-micro-v1:0 is not offered in-Region in eu-west-1; eu.amazon.nova-micro-v1:0 takes requests from eu-west-1: set crossRegionInference: fallback to use it',
    );
  });

  test('the narrowest geography wins where several serve a region', () => {
    expect(invoked('anthropic.claude-haiku-4-5-20251001-v1:0', 'ap-northeast-1')).toBe('jp.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(invoked('anthropic.claude-haiku-4-5-20251001-v1:0', 'ap-southeast-2')).toBe('au.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(invoked('amazon.nova-lite-v1:0', 'ca-central-1', 'prefer')).toBe('ca.amazon.nova-lite-v1:0');
  });

  test('never picks a global profile by itself, and says when it is the only way', () => {
    expect(invoked('anthropic.claude-haiku-4-5-20251001-v1:0', 'sa-east-1')).toBe(
      'refused: anthropic.claude-haiku-4-5-20251001-v1:0 is not offered in-Region in sa-east-1 and no geographic inference profile takes requests from there; only global.anthropic.claude-haiku-4-5-20251001-v1:0 takes requests from sa-east-1, routing them to any commercial region: set it as modelId to accept that',
    );
    expect(invoked('global.anthropic.claude-haiku-4-5-20251001-v1:0', 'sa-east-1')).toBe('global.anthropic.claude-haiku-4-5-20251001-v1:0');
  });

  test('a configured profile must take requests from the region', () => {
    expect(invoked('us.amazon.nova-micro-v1:0', 'eu-west-1')).toBe(
      'refused: us.amazon.nova-micro-v1:0 takes no requests from eu-west-1 (it does from us-east-1, us-east-2, us-west-2)',
    );
    expect(invoked('ca.amazon.nova-micro-v1:0', 'ca-central-1')).toBe(
      'refused: Bedrock has no ca. inference profile for amazon.nova-micro-v1:0 (it has us.amazon.nova-micro-v1:0, eu.amazon.nova-micro-v1:0, apac.amazon.nova-micro-v1:0)',
    );
    expect(invoked('eu.amazon.nova-micro-v1:0', 'eu-west-1', 'never')).toMatch(/^refused: .* crossRegionInference: never forbids$/);
  });

  test('a model nowhere near the region names where it is offered', () => {
    expect(invoked('meta.llama3-1-8b-instruct-v1:0', 'eu-west-1')).toBe(
      'refused: meta.llama3-1-8b-instruct-v1:0 is not offered in-Region in eu-west-1 and no geographic inference profile takes requests from there; it is offered in us-east-1, us-east-2, us-west-2',
    );
  });

  test('end of life, by region and day; synthesis (no day) leaves it to validation', () => {
    const haiku3 = 'anthropic.claude-3-haiku-20240307-v1:0';
    expect(invoked(haiku3, 'eu-west-1', 'fallback', '2026-09-09')).toBe(haiku3);
    expect(invoked(haiku3, 'eu-west-1', 'fallback', '2026-09-10')).toBe(
      `refused: ${haiku3} reached its end of life on 2026-09-10 (Bedrock model lifecycle)`,
    );
    expect(invoked(haiku3, 'ap-northeast-2', 'fallback', '2026-11-22')).toBe(haiku3);
    expect(invoked(haiku3, 'eu-west-1')).toBe(haiku3);
    expect(invoked('us.anthropic.claude-3-5-haiku-20241022-v1:0', 'us-east-1', 'fallback', '2026-11-22')).toMatch(/end of life on 2026-06-19/);
  });

  test('a model missing from the table is invoked as configured, marked unlisted', () => {
    const resolution = resolveBedrockModel('example.unlisted-model-v1:0', 'eu-west-1', 'fallback', '2026-11-22');
    expect(resolution).toEqual({
      model: { region: 'eu-west-1', invokeId: 'example.unlisted-model-v1:0', foundationModelId: 'example.unlisted-model-v1:0', listed: false },
    });
  });
});
