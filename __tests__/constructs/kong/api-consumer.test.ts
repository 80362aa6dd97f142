import { Consumer } from '#gen/kong/consumer';
import { ConsumerAcl } from '#gen/kong/consumer-acl';
import { ConsumerBasicAuth } from '#gen/kong/consumer-basic-auth';
import { ConsumerKeyAuth } from '#gen/kong/consumer-key-auth';
import { Password } from '@cdktf/provider-random/lib/password';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import { ApiConsumer, type ConsumerSecret } from '../../../constructs/kong/api-consumer';
import { testConfig } from '../../support/config';
import { plugin } from '../../support/kong';
import { onlyResource, resources, synthConstructsText, type TerraformJson } from '../../support/synth';

const kong = testConfig().kong;

function synthConsumer(authentication: 'key-auth' | 'basic-auth', secret: 'generated' | 'supplied'): string {
  return synthConstructsText((scope) => {
    const variable = new TerraformVariable(scope, 'consumer_secret_acme', { type: 'string', sensitive: true });
    const value: ConsumerSecret = secret === 'supplied' ? { source: 'supplied', value: variable.stringValue } : { source: 'generated' };
    const consumer = new ApiConsumer(scope, 'acme', {
      username: 'acme',
      groups: ['nlp', 'llm'],
      authentication,
      secret: value,
      tier: kong.tiers['pro']!,
      rateLimiting: kong.rateLimiting,
      tags: ['app:aigw'],
    });
    new TerraformOutput(scope, 'secret', { value: consumer.secret, sensitive: true });
  });
}

describe('ApiConsumer', () => {
  test('is a Kong consumer with one ACL membership per group', () => {
    const synthesized = synthConsumer('key-auth', 'generated');
    expect(synthesized).toHaveResourceWithProperties(Consumer, { username: 'acme', tags: ['app:aigw'] });
    expect(synthesized).toHaveResourceWithProperties(ConsumerAcl, { group: 'nlp' });
    expect(synthesized).toHaveResourceWithProperties(ConsumerAcl, { group: 'llm' });
    expect(resources(JSON.parse(synthesized), 'kong_consumer_acl')).toHaveLength(2);
  });

  test('key-auth, generated: Kong makes the key; only a sensitive reference to it leaves the construct', () => {
    const synthesized = synthConsumer('key-auth', 'generated');
    expect(synthesized).toHaveResource(ConsumerKeyAuth);
    const json = JSON.parse(synthesized) as TerraformJson;
    expect(onlyResource(json, 'kong_consumer_key_auth')).not.toHaveProperty('key');
    expect(json.output?.['secret']?.value).toMatch(/^\$\{kong_consumer_key_auth\.acme_key-auth_\w+\.key\}$/);
  });

  test('key-auth, supplied: the key is the sensitive variable', () => {
    const json = JSON.parse(synthConsumer('key-auth', 'supplied')) as TerraformJson;
    expect(onlyResource(json, 'kong_consumer_key_auth')['key']).toBe('${var.consumer_secret_acme}');
  });

  test('basic-auth, generated: Terraform generates the password', () => {
    const synthesized = synthConsumer('basic-auth', 'generated');
    expect(synthesized).toHaveResourceWithProperties(Password, { length: 32, special: false });
    expect(synthesized).toHaveResourceWithProperties(ConsumerBasicAuth, { username: 'acme' });
    const json = JSON.parse(synthesized) as TerraformJson;
    expect(onlyResource(json, 'kong_consumer_basic_auth')['password']).toMatch(/^\$\{random_password\.acme_password_\w+\.result\}$/);
  });

  test('basic-auth, supplied: the password is the sensitive variable and nothing is generated', () => {
    const json = JSON.parse(synthConsumer('basic-auth', 'supplied')) as TerraformJson;
    expect(onlyResource(json, 'kong_consumer_basic_auth')['password']).toBe('${var.consumer_secret_acme}');
    expect(resources(json, 'random_password')).toHaveLength(0);
  });

  test('its tier’s rate limit applies to the consumer itself (overriding route defaults)', () => {
    const json = JSON.parse(synthConsumer('key-auth', 'generated')) as TerraformJson;
    const limit = plugin(json, 'rate-limiting');
    expect(limit.scope).toBe('consumer');
    expect(limit.scopeRef).toMatch(/^\$\{kong_consumer\.acme_\w+\.id\}$/);
    expect(limit.config).toMatchObject({ second: 10, minute: 600, limit_by: 'consumer', error_code: 429 });
  });
});
