import type { Construct } from 'constructs';
import { Naming } from '../config/naming';
import { modelHostPackages } from '../constructs/model-host-bundle';
import { isHostedModel, type GatewayConfig } from '../config/schema';
import { ControlStack } from '../stacks/control-stack';
import { GlobalStack } from '../stacks/global-stack';
import { RegionStack } from '../stacks/region-stack';

/** The stacks of one environment. */
export interface EnvironmentStacks {
  /** `<app>-<env>-global`. */
  readonly global: GlobalStack;
  /** `<app>-<env>-<region>`, in configuration order. */
  readonly regions: readonly RegionStack[];
  /** The environment's names, shared by every stack. */
  readonly naming: Naming;
  /** `<app>-<env>-control`: Kong. */
  readonly control: ControlStack;
}

/**
 * Defines every stack of one environment in an app. Dependencies point one way: each region and
 * the control stack depend on global (certificate, zone, API key); nothing depends on a region, and
 * the control stack reaches the regions by their deterministic hostnames.
 */
export function defineEnvironment(app: Construct, config: GatewayConfig): EnvironmentStacks {
  // One Naming for the environment: every stack and construct name comes from it.
  const naming = new Naming(config.app, config.environment);
  const global = new GlobalStack(app, { config, naming });
  // Every region ships the same packages: built (or read from the cache) once.
  const packages = modelHostPackages(config.models.filter(isHostedModel).map((m) => m.kind));
  const regions = config.regions.map((region) => new RegionStack(app, { config, naming, region, global, packages }));
  const control = new ControlStack(app, { config, naming, global });
  return { naming, global, regions, control };
}
