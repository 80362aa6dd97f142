/**
 * The one boundary where text becomes Terraform: in Terraform's JSON syntax every string, and
 * every object key, is a template, so `${...}` in a value is evaluated and `%{...}` is a directive
 * (Terraform docs, "JSON Configuration Syntax" › "Expression Mapping"; "Strings and Templates" ›
 * "Escape Sequences": `$${` and `%%{` are the literal forms). Text from the configuration (a stop
 * sequence, a tag, a model name) must reach Terraform as exactly that text, never as an expression:
 * `${file("...")}` would read the deploy runner's files, `${aws_api_gateway_api_key.x.value}` would
 * copy a secret, and a harmless `%{` breaks the plan.
 *
 * cdktf leaves such text as it is. What the project itself means as an expression reaches this
 * point as a cdktf token (a marker such as `${TfToken[TOKEN.12]}`), which cdktf replaces by the
 * expression afterwards (cdktf 0.21.0 lib/terraform-stack.js `toTerraform`: each element's
 * `toTerraform()` is resolved after it returns; lib/tokens/private/encoding.js: the markers). So
 * each element's output is escaped here, between the two: every `${` and `%{` outside a token
 * marker is written in its literal form. No configuration field can inject, whichever field it is
 * and whenever it is added. (Text inside a token, such as the string arguments of a `jsonencode`
 * call, is expression syntax, not template text; the constructs that build such calls escape it
 * for HCL, see constructs/kong/kong-plugin.ts.)
 *
 * Backend blocks are the exception: Terraform reads them as plain values, never as templates
 * (a `terraform.backend` or `terraform.cloud` string holding `${` or `$${` is used exactly as
 * written, shown with terraform 1.11 in __tests__/terraform/injection.test.ts), so they are left as
 * they are; the same values in a `terraform_remote_state` data source's `config`, which Terraform
 * does evaluate, are escaped like everything else.
 */
import { TerraformBackend, TerraformElement, TerraformRemoteState, type TerraformStack } from 'cdktf';

/** A cdktf string token as it appears before resolution (cdktf lib/tokens/private/encoding.js). */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/** Keys cdktf and Terraform treat as comments, not configuration. */
const COMMENT_KEY = '//';

/** Terraform's literal forms of the template sequences in one piece of plain text. */
export function escapeTemplateText(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A string with its literal text escaped and its token markers kept. */
function escapeOutsideTokens(text: string): string {
  if (!text.includes('{')) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(STRING_TOKEN)) {
    out += escapeTemplateText(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeTemplateText(text.slice(last));
}

/** Every string and key of an element's unresolved output, escaped outside token markers. */
export function escapeLiteralText(value: unknown): unknown {
  if (typeof value === 'string') return escapeOutsideTokens(value);
  if (Array.isArray(value)) return value.map(escapeLiteralText);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => (key === COMMENT_KEY ? [key, inner] : [escapeOutsideTokens(key), escapeLiteralText(inner)])),
    );
  }
  // Tokens held as objects (IResolvable) are resolved by cdktf: project expressions.
  return value;
}

/**
 * The one expression cdktf writes as plain text: a remote state data source reads the state of the
 * workspace Terraform runs in (cdktf 0.21.0 lib/backends/local-backend.js:34, s3-backend.js:24:
 * `workspace: "${terraform.workspace}"`). Kept as written.
 */
const CDKTF_WORKSPACE_EXPRESSION = '${terraform.workspace}';

/** A remote state element's output with its escaped workspace expression restored. */
function restoreWorkspace(original: unknown, escaped: unknown): unknown {
  const states = (original as { data?: { terraform_remote_state?: Record<string, { workspace?: unknown }> } }).data?.terraform_remote_state ?? {};
  const out = escaped as { data: { terraform_remote_state: Record<string, { workspace?: unknown }> } };
  for (const [name, block] of Object.entries(states)) {
    if (block.workspace === CDKTF_WORKSPACE_EXPRESSION) out.data.terraform_remote_state[name]!.workspace = CDKTF_WORKSPACE_EXPRESSION;
  }
  return out;
}

const guarded = new WeakSet<TerraformElement>();

/**
 * Escapes the literal text of every element of `stack` (resources, data sources, providers,
 * backends, variables, outputs) as cdktf renders it. Idempotent; call before the stack renders.
 */
export function guardLiteralText(stack: TerraformStack): void {
  for (const node of stack.node.findAll()) {
    if (!(node instanceof TerraformElement) || node instanceof TerraformBackend || guarded.has(node)) continue;
    guarded.add(node);
    const render = node.toTerraform.bind(node);
    node.toTerraform =
      node instanceof TerraformRemoteState
        ? () => {
            const original: unknown = render();
            return restoreWorkspace(original, escapeLiteralText(original));
          }
        : () => escapeLiteralText(render());
  }
}
