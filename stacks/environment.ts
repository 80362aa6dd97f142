import type { Construct } from 'constructs';
import type { GatewayConfig } from '../lib/config/schema';
import { GlobalStack } from './global-stack';
import { RegionStack } from './region-stack';

/** The stacks of one environment. */
export interface EnvironmentStacks {
  /** `<app>-<env>-global`. */
  readonly global: GlobalStack;
  /** `<app>-<env>-<region>`, in configuration order. */
  readonly regions: readonly RegionStack[];
}

/**
 * Defines every stack of one environment in an app. Dependencies point one way: each region
 * depends on global (through its certificate, zone and key); nothing depends on a region.
 */
export function defineEnvironment(app: Construct, config: GatewayConfig): EnvironmentStacks {
  const global = new GlobalStack(app, { config });
  const regions = config.regions.map((region) => new RegionStack(app, { config, region, global }));
  return { global, regions };
}
