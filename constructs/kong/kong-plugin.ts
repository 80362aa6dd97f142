import { Plugin } from '#gen/kong/plugin';
import { Fn, Token, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { contradictoryProps } from '../../core/errors';
import type { KongPluginName, PluginConfig } from '../../kong/facts';

/** Where a plugin applies; at least one of service, route, consumer. */
export interface KongPluginScope {
  /** The service the plugin applies to. @default not service-scoped */
  readonly serviceId?: string;
  /** The route the plugin applies to. @default not route-scoped */
  readonly routeId?: string;
  /** The consumer the plugin applies to. @default not consumer-scoped */
  readonly consumerId?: string;
}

/** Properties of a {@link KongPlugin}. */
export interface KongPluginProps {
  /** The plugin's name. */
  readonly name: KongPluginName;
  /** The plugin's configuration; strings may hold references to other resources or variables. */
  readonly config: PluginConfig;
  /** Where it applies. Global plugins are not created by this project. */
  readonly scope: KongPluginScope;
  /** Tags of the plugin. */
  readonly tags: readonly string[];
}

/**
 * One `kong_plugin`, with its `config_json` built safely:
 *
 * - a configuration without references is written as literal JSON, readable in a plan (the stack
 *   writes its template sequences in their literal forms, as it does for all literal text: see
 *   terraform/literals.ts);
 * - a configuration that holds a reference (a secret from a sensitive variable, another stack's
 *   output) is rendered with `jsonencode(...)`, so Terraform inserts and escapes the value at apply
 *   time and the secret never appears in the synthesized JSON. cdktf writes literal strings into that
 *   expression unescaped, so they are HCL-escaped here first.
 */
export class KongPlugin extends Construct {
  /** The plugin resource. */
  readonly plugin: Plugin;
  /** The configuration as given (tokens unresolved), for inspection. */
  readonly config: PluginConfig;

  constructor(scope: Construct, id: string, props: KongPluginProps) {
    super(scope, id);
    const { serviceId, routeId, consumerId } = props.scope;
    if (serviceId === undefined && routeId === undefined && consumerId === undefined) {
      throw contradictoryProps('KongPlugin', `${props.name} has no scope; give it a service, a route or a consumer`);
    }
    this.config = props.config;
    this.plugin = new Plugin(this, 'Resource', {
      name: props.name,
      serviceId,
      routeId,
      consumerId,
      enabled: true,
      configJson: renderConfigJson(props.config),
      tags: [...props.tags],
    });
  }
}

/**
 * Adds one {@link KongPlugin} per entry, all with the same scope and tags, as children of `scope`
 * (construct ids are the plugin names), and returns them by name.
 */
export function scopedPlugins(
  scope: Construct,
  pluginScope: KongPluginScope,
  tags: readonly string[],
  entries: ReadonlyArray<readonly [KongPluginName, PluginConfig]>,
): ReadonlyMap<KongPluginName, KongPlugin> {
  return new Map(entries.map(([name, config]) => [name, new KongPlugin(scope, `kong-plugin-${name}`, { name, config, scope: pluginScope, tags })]));
}

/** The `config_json` value for a plugin configuration (see {@link KongPlugin}). */
export function renderConfigJson(config: PluginConfig): string {
  if (!containsToken(config)) {
    return JSON.stringify(config);
  }
  return Fn.jsonencode(escapeLiterals(config));
}

function containsToken(value: unknown): boolean {
  if (typeof value === 'string') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsToken);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsToken);
  return false;
}

/** HCL-escapes every literal string (and key) so cdktf's jsonencode rendering stays valid HCL. */
function escapeLiterals(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!Token.isUnresolved(value)) return hclEscape(value);
    // A string mixing text and a reference: only the text around the reference may be escaped.
    // cdktf types literal fragments as IResolvable; at run time they are the literal strings.
    const literals = Tokenization.reverseString(value).literals.map((literal) => String(literal));
    if (literals.some((literal) => hclEscape(literal) !== literal || /\$\{|\n/.test(literal))) {
      throw contradictoryProps(
        'KongPlugin',
        'a configuration string combines a reference with quotes, backslashes or template sequences; keep such text out of strings that carry a reference',
      );
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(escapeLiterals);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [hclEscape(k), escapeLiterals(v)]));
  }
  return value;
}

/**
 * Escapes a literal for an HCL string inside the rendered expression. cdktf's own escaping (see its
 * TFExpression.escapeString) covers newlines and `${` only; everything else is done here.
 */
function hclEscape(text: string): string {
  return text
    .replace(/\\/g, () => '\\\\')
    .replace(/"/g, () => '\\"')
    .replace(/\r/g, () => '\\r')
    .replace(/\t/g, () => '\\t')
    .replace(/%\{/g, () => '%%{');
}
