import { AssetType, Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { bundleModelHost, type ModelHostBundle } from '../lib/bundle';

/** Properties of a {@link ModelHostCode}. */
export interface ModelHostCodeProps {
  /** The bundle to ship. @default the model host bundled from `lambda/` by esbuild at synth time */
  readonly bundle?: ModelHostBundle;
}

/**
 * The model host's deployment package: the esbuild bundle zipped as a Terraform asset. One per
 * stack serves every model function of that stack (the function's environment picks the model).
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

  constructor(scope: Construct, id: string, props: ModelHostCodeProps = {}) {
    super(scope, id);
    const bundle = props.bundle ?? bundleModelHost();
    this.asset = new TerraformAsset(this, 'archive', { path: bundle.directory, type: AssetType.ARCHIVE });
    this.filename = this.asset.path;
    this.sourceCodeHash = Fn.filebase64sha256(this.asset.path);
  }
}
