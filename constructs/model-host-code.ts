import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import type { ModelKind } from '../contract/model-host';
import { modelHostPackage, type ModelHostPackage } from './model-host-bundle';
import { contradictoryProps } from '../core/errors';

/** Properties of a {@link ModelHostCode}. */
export interface ModelHostCodeProps {
  /** The model kind the package serves. */
  readonly kind: ModelKind;
  /** The package to ship. @default the kind's package from the build cache, built from `lambda/` if missing or stale */
  readonly package?: ModelHostPackage;
}

/**
 * The model host's deployment package for one model kind, shipped as a file asset: cdktf copies the
 * already-zipped package into the stack's output directory (no archiving at synth). One per kind per
 * stack serves every model of that kind (the function's environment says which model).
 */
export class ModelHostCode extends Construct {
  /** The zip inside the stack's output directory. */
  readonly asset: TerraformAsset;
  /** The archive's path, relative to the stack's working directory, for `filename`. */
  readonly filename: string;
  /**
   * Base64 SHA-256 of the zip's bytes for `source_code_hash`: the value Lambda reports as
   * `CodeSha256`, so an unchanged package never shows a diff. Computed at synth from the bytes
   * shipped, so Terraform need not read the file to know it.
   * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#source_code_hash
   */
  readonly sourceCodeHash: string;
  /** The kind it serves. */
  readonly kind: ModelKind;

  constructor(scope: Construct, id: string, props: ModelHostCodeProps) {
    super(scope, id);
    this.kind = props.kind;
    const pkg = props.package ?? modelHostPackage(props.kind);
    if (pkg.kind !== props.kind) {
      throw contradictoryProps('ModelHostCode', `the package serves ${pkg.kind}, not ${props.kind}`);
    }
    // The asset's directory is named after the package's own hash, so the path changes exactly when
    // the bytes do (cdktf would otherwise hash the file again).
    this.asset = new TerraformAsset(this, 'archive', { path: pkg.zipPath, type: AssetType.FILE, assetHash: pkg.sha256.slice(0, 32).toUpperCase() });
    this.filename = this.asset.path;
    this.sourceCodeHash = pkg.sourceCodeHash;
  }
}
