/**
 * How Kong 3.9.1 runs the plugins of a synthesized control stack, as far as tests need it: which
 * instance of a plugin runs for a request, and the counter a rate-limiting instance counts in.
 */
import type { SynthesizedPlugin } from './kong';

/** A request, by the Terraform references of what it matched. */
export interface KongRequest {
  readonly routeRef: string;
  readonly serviceRef: string;
  /** The authenticated consumer's `${kong_consumer.x.id}`; undefined when unauthenticated. */
  readonly consumerRef?: string;
}

/**
 * The one instance of a plugin that runs: the most specific scope wins (route+service+consumer,
 * route+consumer, service+consumer, route+service, consumer, route, service, global; Kong 3.9.1
 * kong/runloop/plugins_iterator.lua:198-267), one per plugin name (lines 384-397).
 */
export function instanceFor(instances: readonly SynthesizedPlugin[], request: KongRequest): SynthesizedPlugin | undefined {
  const scopeOf = (p: SynthesizedPlugin) => ({
    route: p.raw['route_id'] as string | undefined,
    service: p.raw['service_id'] as string | undefined,
    consumer: p.raw['consumer_id'] as string | undefined,
  });
  const matches = (p: SynthesizedPlugin, route: boolean, service: boolean, consumer: boolean) => {
    const s = scopeOf(p);
    return (
      (route ? s.route === request.routeRef : s.route === undefined) &&
      (service ? s.service === request.serviceRef : s.service === undefined) &&
      (consumer ? request.consumerRef !== undefined && s.consumer === request.consumerRef : s.consumer === undefined)
    );
  };
  const order: [boolean, boolean, boolean][] = [
    [true, true, true],
    [true, false, true],
    [false, true, true],
    [true, true, false],
    [false, false, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ];
  for (const [route, service, consumer] of order) {
    const found = instances.find((p) => matches(p, route, service, consumer));
    if (found) return found;
  }
  return undefined;
}

const EMPTY_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The counter a rate-limiting instance counts a request in (minute period): its own route and
 * service ids, or the empty UUID when it is not scoped to one (Kong 3.9.1
 * kong/plugins/rate-limiting/policies/init.lua:16, 56-72), and the consumer (limit_by consumer,
 * kong/plugins/rate-limiting/handler.lua:60-85).
 */
export function counterKey(instance: SynthesizedPlugin, request: KongRequest): string {
  const route = (instance.raw['route_id'] as string | undefined) ?? EMPTY_UUID;
  const service = (instance.raw['service_id'] as string | undefined) ?? EMPTY_UUID;
  return `ratelimit:${route}:${service}:${request.consumerRef ?? 'client-ip'}:<minute>:minute`;
}

/**
 * What Kong's health checker makes of a response status: lua-resty-healthcheck 3.1.0 (the version
 * Kong 3.9.1 pins) counts it for the target when it is in the healthy list, against it when it is in
 * the unhealthy list or missing (0), and otherwise ignores it, neither counting it nor resetting the
 * counters (lib/resty/healthcheck.lua:823, 841-852).
 */
export function classifyStatus(status: number, lists: { healthy: readonly number[]; unhealthy: readonly number[] }): 'healthy' | 'unhealthy' | 'ignored' {
  if (lists.healthy.includes(status)) return 'healthy';
  if (lists.unhealthy.includes(status) || status === 0) return 'unhealthy';
  return 'ignored';
}

/** An OpenAI-style chat body, as ai-prompt-guard reads it. */
export interface ChatBody {
  readonly messages?: readonly { readonly role: string; readonly content: unknown }[];
  readonly prompt?: string;
}

/**
 * What Kong 3.9.1's ai-prompt-guard decides for a chat body under a plugin config
 * (kong/plugins/ai-prompt-guard/filters/guard-prompt.lua:36-117): it joins the messages it checks,
 * latest first (every message when allow_all_conversation_history is false, the latest only
 * otherwise; `user` messages only unless match_all_roles), refuses on any deny pattern, then
 * requires one allow pattern when there are any. Patterns run here as JavaScript expressions, which
 * for the patterns the configuration accepts (kong/prompt-patterns.ts) read as PCRE reads them.
 */
export function promptGuardVerdict(config: Record<string, unknown>, body: ChatBody): 'allowed' | 'blocked' | 'bad request' {
  let prompt: string;
  if (Array.isArray(body.messages)) {
    const parts: string[] = [];
    for (const message of [...body.messages].reverse()) {
      if (message.role === 'user' || config['match_all_roles'] === true) {
        if (typeof message.content !== 'string') return 'bad request';
        parts.push(message.content);
        if (config['allow_all_conversation_history'] === true) break;
      }
    }
    prompt = parts.join(' ');
  } else if (typeof body.prompt === 'string') {
    prompt = body.prompt;
  } else {
    return 'bad request';
  }
  const compile = (pattern: string) => {
    const inline = /^\(\?([ims]+)\)/.exec(pattern);
    return new RegExp(inline ? pattern.slice(inline[0].length) : pattern, inline?.[1] ?? '');
  };
  const deny = (config['deny_patterns'] ?? []) as string[];
  const allow = (config['allow_patterns'] ?? []) as string[];
  if (deny.some((p) => compile(p).test(prompt))) return 'blocked';
  if (allow.length === 0 || allow.some((p) => compile(p).test(prompt))) return 'allowed';
  return 'blocked';
}
