import { AssetType, Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import type { ModelKind } from '../lambda/contract';
import { bundleModelHost, type ModelHostBundle } from '../lib/bundle';
import { contradictoryProps } from '../lib/errors';

/** Properties of a {@link ModelHostCode}. */
export interface ModelHostCodeProps {
  /** The model kind the package serves. */
  readonly kind: ModelKind;
  /** The bundle to ship. @default the kind's entry bundled from `lambda/` by esbuild at synth time */
  readonly bundle?: ModelHostBundle;
}

/**
 * The model host's deployment package for one model kind: the esbuild bundle zipped as a Terraform
 * asset. One per kind per stack serves every model of that kind (the function's environment says
 * which model).
 */
export class ModelHostCode extends Construct {
  /** The zipped bundle inside the stack's output directory. */
  readonly asset: TerraformAsset;
  /** The archive's path, relative to the stack's working directory, for `filename`. */
  readonly filename: string;
  /**
   * `filebase64sha256` of the archive for `source_code_hash`. (The asset's own hash is an MD5 of
   * the sources, which Lambda would report back differently and so show a permanent diff.)
   */
  readonly sourceCodeHash: string;

  /** The kind it serves. */
  readonly kind: ModelKind;

  constructor(scope: Construct, id: string, props: ModelHostCodeProps) {
    super(scope, id);
    this.kind = props.kind;
    const bundle = props.bundle ?? bundleModelHost(props.kind);
    if (bundle.kind !== props.kind) {
      throw contradictoryProps('ModelHostCode', `the bundle serves ${bundle.kind}, not ${props.kind}`);
    }
    this.asset = new TerraformAsset(this, 'archive', { path: bundle.directory, type: AssetType.ARCHIVE });
    this.filename = this.asset.path;
    this.sourceCodeHash = Fn.filebase64sha256(this.asset.path);
  }
}
