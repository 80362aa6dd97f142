import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { accountSettingsIssues, accountSettingsWarnings, otherEnvironments, type OtherEnvironment } from '../../config/environments';
import { formatConfigIssue } from '../../core/errors';
import { configDocument, testConfig } from '../support/config';

const env = (environment: string, aws: Record<string, unknown>, regions = ['us-east-1', 'eu-west-1']): OtherEnvironment => ({
  environment,
  file: `config/${environment}.yaml`,
  config: testConfig({ environment, regions, aws }),
});

describe('API Gateway’s CloudWatch role: one manager per account and region', () => {
  test('a second environment managing it in the same account and a shared region is refused, naming both and the regions', () => {
    const config = testConfig({ aws: { accountId: '111122223333' }, regions: ['us-east-1', 'ap-southeast-2'] });
    const issues = accountSettingsIssues(config, [env('staging', { accountId: '111122223333' })]);
    expect(issues.map((i) => formatConfigIssue('config/test.yaml', i).trim())).toEqual([
      'config/test.yaml  aws.apiGatewayAccountSettings: environment staging (config/staging.yaml) also manages API Gateway\'s CloudWatch role in account 111122223333, us-east-1: one would overwrite the other\'s, and destroying either would stop logging for both; received "manage"; accepted: rely here or in staging, so that one environment per account and region manages it',
    ]);
  });

  test('another account, no shared region, or rely here: no conflict', () => {
    const config = testConfig({ aws: { accountId: '111122223333' } });
    expect(accountSettingsIssues(config, [env('prod', { accountId: '444455556666' })])).toEqual([]);
    expect(accountSettingsIssues(config, [env('x', { accountId: '111122223333' }, ['sa-east-1'])])).toEqual([]);
    expect(accountSettingsIssues(testConfig({ aws: { accountId: '111122223333', apiGatewayAccountSettings: 'rely' } }), [env('s', { accountId: '111122223333' })])).toEqual([]);
  });

  test('relying where no environment of the account manages it warns, naming the regions', () => {
    const config = testConfig({ aws: { accountId: '111122223333', apiGatewayAccountSettings: 'rely' }, regions: ['us-east-1', 'eu-west-1'] });
    expect(accountSettingsWarnings(config, [env('staging', { accountId: '111122223333' }, ['us-east-1'])])).toEqual([
      {
        path: 'aws.apiGatewayAccountSettings',
        message: "no environment in config/ with account 111122223333 manages API Gateway's CloudWatch role in eu-west-1; stage logging fails at apply without it. Manage it in one environment, or make sure it is set outside this project.",
      },
    ]);
    expect(accountSettingsWarnings(config, [env('staging', { accountId: '111122223333' })])).toEqual([]);
  });

  test('otherEnvironments reads the other valid files of a config directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-envs-'));
    try {
      for (const name of ['one', 'two']) fs.writeFileSync(path.join(dir, `${name}.yaml`), stringify(configDocument({ environment: name })));
      fs.writeFileSync(path.join(dir, 'broken.yaml'), 'app: [');
      expect(otherEnvironments(dir, 'one').map((o) => o.environment)).toEqual(['two']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the account id is twelve digits', () => {
    expect(() => testConfig({ aws: { accountId: '1234' } })).toThrow();
    expect(testConfig().aws).toEqual({ apiGatewayAccountSettings: 'manage' });
  });
});
