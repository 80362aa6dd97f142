import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../aws/facts';
import type { GatewayConfig } from '../config/schema';
import type { Naming } from '../config/naming';
import { resourceTags } from '../config/tags';
import { TERRAFORM_REQUIRED_VERSION } from '../terraform/facts';
import { guardLiteralText } from '../terraform/literals';
import { addStateBackend } from './state-backend';

/** Properties every stack of an environment takes. */
export interface GatewayStackProps {
  /** The validated configuration of the environment. */
  readonly config: GatewayConfig;
  /** The environment's names, built once for all its stacks. */
  readonly naming: Naming;
  /** The region the stack's AWS provider works in. @default no AWS provider (e.g. the Kong control stack) */
  readonly region?: AwsRegion;
}

/**
 * The base of every stack: the configured state backend; for stacks with a region, one AWS provider there with the
 * environment's tags on every resource through `default_tags`. (The guardrails are attached by
 * whoever synthesizes the environment: see app/synth.ts.)
 */
export abstract class GatewayStack extends TerraformStack {
  /** The environment's configuration. */
  readonly config: GatewayConfig;
  /** Names of the environment's stacks and resources. */
  readonly naming: Naming;
  /** The stack's AWS provider, when it has a region. */
  readonly awsProvider: AwsProvider | undefined;

  protected constructor(scope: Construct, name: string, props: GatewayStackProps) {
    super(scope, name);
    this.config = props.config;
    this.naming = props.naming;
    addStateBackend(this, name, props.config.backend);
    // Every stack states the Terraform it needs; providers are pinned exactly by their bindings.
    this.addOverride('terraform.required_version', TERRAFORM_REQUIRED_VERSION);
    this.awsProvider =
      props.region === undefined
        ? undefined
        : new AwsProvider(this, 'aws', {
            region: props.region,
            defaultTags: [{ tags: resourceTags(props.config) }],
            // The provider compares the credentials' account (from STS) with this list while Terraform
            // configures it, before any plan or apply touches a resource, and stops with "AWS
            // account ID not allowed" (hashicorp/aws 6.25.0 internal/conns/config.go ConfigureProvider,
            // VerifyAccountIDAllowed; Terraform configures providers on every plan and apply walk).
            ...(props.config.aws.accountId ? { allowedAccountIds: [props.config.aws.accountId] } : {}),
          });
  }

  /**
   * cdktf resolves every element of every stack once more before synthesis (`prepareStack`), only
   * to discover cross-stack token references and wire outputs and remote state for them (cdktf
   * 0.21.0: lib/terraform-stack.js `prepareStack`; lib/tfExpression.js `Reference.resolve` is the one
   * reader of `preparing`). These stacks never pass tokens across: the global stack's values reach
   * the others through named outputs and remote state (`GlobalStack.readFrom`). So the pass would
   * find nothing and is skipped; it was some 40% of cdktf's work. Should a cross-stack token ever
   * be used, its reference reaches the output undeclared, and guardrail AIGW-TF-1 fails the synth.
   */
  override prepareStack(): void {
    this.ensureBackendExists();
  }

  /**
   * Renders the stack with every piece of literal text escaped, so no text (configuration values
   * above all) is ever read by Terraform as an expression: see terraform/literals.ts.
   */
  override toTerraform(): ReturnType<TerraformStack['toTerraform']> {
    guardLiteralText(this);
    return super.toTerraform();
  }
}
