import type { TerraformJson } from './synth';

/** A synthesized kong_plugin, with its config parsed when it is literal JSON. */
export interface SynthesizedPlugin {
  readonly name: string;
  readonly scope: 'service' | 'route' | 'consumer';
  readonly scopeRef: string;
  /** The parsed config for literal JSON; the raw expression string when rendered with jsonencode. */
  readonly config: Record<string, unknown> | string;
  readonly raw: Record<string, unknown>;
}

/** Every kong_plugin of a synthesized stack. */
export function kongPlugins(stack: TerraformJson): SynthesizedPlugin[] {
  return Object.values(stack.resource?.['kong_plugin'] ?? {}).map((raw) => {
    const json = raw['config_json'] as string;
    const scope = raw['route_id'] !== undefined ? 'route' : raw['consumer_id'] !== undefined ? 'consumer' : 'service';
    return {
      name: raw['name'] as string,
      scope,
      scopeRef: raw[`${scope}_id`] as string,
      config: json.startsWith('${') ? json : (JSON.parse(json) as Record<string, unknown>),
      raw,
    };
  });
}

/** The single plugin of a name (and scope reference, when given). */
export function plugin(stack: TerraformJson, name: string, scopeRef?: RegExp): SynthesizedPlugin {
  const found = kongPlugins(stack).filter((p) => p.name === name && (!scopeRef || scopeRef.test(p.scopeRef)));
  if (found.length !== 1) throw new Error(`expected one ${name} plugin${scopeRef ? ` on ${scopeRef}` : ''}, found ${found.length}`);
  return found[0]!;
}
