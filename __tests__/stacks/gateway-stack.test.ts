import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { App } from 'cdktf';
import type { Construct } from 'constructs';
import { blocking } from '../../guardrails/engine';
import { scanSynthesizedOutput } from '../../guardrails/scan';
import { Naming } from '../../config/naming';
import { GatewayStack } from '../../stacks/gateway-stack';
import { testConfig } from '../support/config';

/** The smallest stack on the shared base. */
class PlainStack extends GatewayStack {
  constructor(scope: Construct, name: string) {
    const config = testConfig();
    super(scope, name, { config, naming: new Naming(config.app, config.environment), region: 'eu-west-1' });
  }
}

describe('GatewayStack', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-base-'));
  });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('skips cdktf’s cross-stack discovery: a token handed to another stack arrives undeclared, and AIGW-TF-1 refuses it', () => {
    const app = new App({ outdir });
    const origin = new PlainStack(app, 'origin');
    const consumer = new PlainStack(app, 'consumer');
    const group = new CloudwatchLogGroup(origin, 'group', { name: 'g', retentionInDays: 7 });
    new CloudwatchLogGroup(consumer, 'copy', { name: group.name, retentionInDays: 7 });
    app.synth();

    const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'consumer', 'cdk.tf.json'), 'utf8')) as { data?: unknown; output?: unknown };
    // No remote state or output was wired behind the code's back.
    expect(written.data).toBeUndefined();
    const failing = blocking(scanSynthesizedOutput(outdir).findings);
    expect(failing).toEqual([
      expect.objectContaining({
        rule: 'AIGW-TF-1',
        stack: 'consumer',
        address: 'aws_cloudwatch_log_group.copy',
        detail: 'aws_cloudwatch_log_group.group.name names aws_cloudwatch_log_group.group, which this stack does not declare',
      }),
    ]);
  });
});
