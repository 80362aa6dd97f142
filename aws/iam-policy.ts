/**
 * IAM policy documents as literal JSON strings. Literal JSON (with Terraform references inside
 * string values) is what policy scanners such as checkov can read; a `jsonencode(...)` expression
 * would pass them blindly.
 */

/** One statement of a policy document. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Principal?: { readonly Service: string } | { readonly AWS: string };
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** A policy document with the current policy language version. */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A trust policy that lets one AWS service assume the role. */
export function serviceTrustPolicy(service: string): string {
  return policyDocument([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);
}
