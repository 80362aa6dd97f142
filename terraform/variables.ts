/** Sensitive Terraform input variables: how secrets enter the synthesized output without being in it. */
import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';

/** Options of {@link sensitiveVariable}. */
export interface SensitiveVariableOptions {
  /** What the value is and where it comes from. */
  readonly description: string;
  /**
   * Whether the variable may be left unset (null), e.g. so a provider falls back to its own
   * environment variable. @default false: Terraform asks for it
   */
  readonly optional?: boolean;
}

/** A string variable marked sensitive: Terraform redacts it in plans and output. */
export function sensitiveVariable(scope: Construct, name: string, options: SensitiveVariableOptions): TerraformVariable {
  const variable = new TerraformVariable(scope, name, {
    type: 'string',
    sensitive: true,
    description: options.description,
    nullable: options.optional ? true : false,
  });
  // cdktf cannot write `default = null` through props; an override can.
  if (options.optional) variable.addOverride('default', null);
  return variable;
}

/** A Terraform variable name for a configured name: letters, digits and underscores. */
export function variableName(...parts: string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');
}
