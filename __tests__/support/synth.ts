import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import type { GatewayConfig } from '../../config/schema';
import { defineEnvironment } from '../../app/environment';

/** A synthesized Terraform JSON document (cdk.tf.json), loosely typed for assertions. */
export type TerraformJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown; sensitive?: boolean; description?: string }>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
} & Record<string, unknown>;

/** The manifest cdktf writes next to the stacks. */
export interface Manifest {
  stacks: Record<string, { name: string; dependencies: string[]; synthesizedStackPath: string; workingDirectory: string }>;
}

/** A whole environment synthesized into a temporary directory. */
export interface SynthesizedApp {
  readonly outdir: string;
  readonly manifest: Manifest;
  /** The cdk.tf.json of a stack, by stack name. */
  stack(name: string): TerraformJson;
  /** The raw text of a stack's cdk.tf.json. */
  stackText(name: string): string;
  /** Removes the output directory. */
  cleanup(): void;
}

/** Synthesizes every stack of an environment with a real `app.synth()`, as `cdktf synth` does. */
export function synthesizeEnvironment(config: GatewayConfig): SynthesizedApp {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-synth-'));
  const app = new App({ outdir });
  defineEnvironment(app, config);
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  const stackText = (name: string): string => {
    const entry = manifest.stacks[name];
    if (!entry) throw new Error(`no stack ${name}; stacks: ${Object.keys(manifest.stacks).join(', ')}`);
    return fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), 'utf8');
  };
  return {
    outdir,
    manifest,
    stackText,
    stack: (name) => JSON.parse(stackText(name)) as TerraformJson,
    cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }),
  };
}

/** The single resource of a type in a stack (fails when there is not exactly one). */
export function onlyResource(stack: TerraformJson, type: string): Record<string, unknown> {
  const all = Object.values(stack.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0] as Record<string, unknown>;
}

/** Every resource of a type in a stack. */
export function resources(stack: TerraformJson, type: string): Record<string, unknown>[] {
  return Object.values(stack.resource?.[type] ?? {}) as Record<string, unknown>[];
}

/** Counts resources per stack: `{ aws_lambda_function: 1, ... }`. */
export function resourceCounts(stack: TerraformJson): Record<string, number> {
  return Object.fromEntries(Object.entries(stack.resource ?? {}).map(([type, byName]) => [type, Object.keys(byName).length]));
}

/** Synthesizes the constructs `build` adds to a test stack and parses the result. */
export function synthConstructs(build: (scope: import('constructs').Construct) => void): TerraformJson {
  return JSON.parse(synthConstructsText(build)) as TerraformJson;
}

/**
 * What `synthConstructs` parses: the constructs rendered in a stack that, like every stack of the
 * project (stacks/gateway-stack.ts), writes literal text in Terraform's literal forms.
 */
export function synthConstructsText(build: (scope: import('constructs').Construct) => void): string {
  // Imported lazily so that support files stay cheap for tests that never synthesize constructs.
  const { Testing, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const { guardLiteralText } = require('../../terraform/literals') as typeof import('../../terraform/literals');
  class GuardedStack extends TerraformStack {
    override toTerraform(): ReturnType<InstanceType<typeof TerraformStack>['toTerraform']> {
      guardLiteralText(this);
      return super.toTerraform();
    }
  }
  const stack = new GuardedStack(Testing.app(), 'test');
  build(stack);
  return Testing.synth(stack);
}
