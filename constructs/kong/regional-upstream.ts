import { Target } from '#gen/kong/target';
import { Upstream } from '#gen/kong/upstream';
import { Construct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { upstreamHealthchecks, type UpstreamHealthcheckSettings } from './plugin-configs';

/** One regional target of the upstream. */
export interface UpstreamTarget {
  /** A stable key for the target's construct id (the region): hostnames may change, ids must not. */
  readonly key: string;
  /** The region's hostname, e.g. `eu-west-1.api.example.com`. */
  readonly host: string;
  /** The port (443 for the regional custom domains). */
  readonly port: number;
  /** The load-balancing weight; 0 drains the region: it gets no target, so Kong sends it nothing. */
  readonly weight: number;
}

/** Properties of a {@link RegionalUpstream}. */
export interface RegionalUpstreamProps {
  /** The upstream name; services use it as their host. */
  readonly name: string;
  /** One target per region. */
  readonly targets: readonly UpstreamTarget[];
  /** Health-check thresholds. */
  readonly healthchecks: UpstreamHealthcheckSettings;
  /** Tags of every entity. */
  readonly tags: readonly string[];
}

/**
 * A Kong upstream balancing across the regions, one target per regional hostname (none for a
 * drained region, weight 0), with active
 * HTTPS health checks of `GET /health` and passive checks of proxied traffic, so a failing region is
 * taken out of rotation. `host_header` is deliberately not set: Kong then sends each target's own
 * hostname as Host and TLS SNI, which is what each regional custom domain answers to.
 */
export class RegionalUpstream extends Construct {
  /** The upstream. */
  readonly upstream: Upstream;
  /** One target per region that takes traffic (weight above 0), in configuration order. */
  readonly targets: readonly Target[];

  constructor(scope: Construct, id: string, props: RegionalUpstreamProps) {
    super(scope, id);
    if (!props.targets.some((t) => t.weight > 0)) {
      throw invalidProp('RegionalUpstream', 'targets', props.targets.map((t) => `${t.host}:${t.port} weight ${t.weight}`), 'at least one target with a weight above 0');
    }
    this.upstream = new Upstream(this, 'Resource', {
      name: props.name,
      healthchecks: toBindings(upstreamHealthchecks(props.healthchecks)),
      tags: [...props.tags],
    });
    // Draining is removing the target: the provider never sends a weight of 0 (it reads it with
    // GetOk and go-kong omits it), so Kong would store its default, 100 (guardrails/kong-provider-wire.ts).
    this.targets = props.targets.filter((target) => target.weight > 0).map(
      (target) =>
        new Target(this, `target-${target.key}`, {
          upstreamId: this.upstream.id,
          target: `${target.host}:${target.port}`,
          weight: target.weight,
          tags: [...props.tags],
        }),
    );
  }

  /** The upstream's name, as a reference: services point their host at it. */
  get name(): string {
    return this.upstream.name;
  }
}

/** The provider models each nested health-check object as a one-item list block. */
function toBindings(checks: ReturnType<typeof upstreamHealthchecks>) {
  const { active, passive } = checks;
  return {
    active: { ...active, healthy: { ...active.healthy }, unhealthy: { ...active.unhealthy } },
    passive: { ...passive, healthy: { ...passive.healthy }, unhealthy: { ...passive.unhealthy } },
  };
}
