/** What a configuration check is: the part of the configuration it sees, what else it may know, its signature. */
import type { ConfigIssue } from '../../core/errors';
import type { GatewayConfig } from '../schema';

/**
 * What the checks see: every top-level field that passed the schema, and for list fields every
 * entry that passed (`undefined` where one did not). Checks run even when other parts of the file
 * are invalid, so one run reports every problem.
 */
export type ConfigView = View<GatewayConfig>;

/** Objects partial all the way down; list entries whole or missing. */
type View<T> = T extends readonly (infer E)[]
  ? readonly (E | undefined)[]
  : T extends Record<string, unknown>
    ? { readonly [K in keyof T]?: View<T[K]> }
    : T;

/** What checks may know besides the configuration. */
export interface CheckContext {
  /** The current day (ISO date), for facts that expire, such as a Bedrock model's end of life. */
  readonly today: string;
}

/** One cross-field check: every problem it finds in the valid parts of a configuration. */
export type ConfigCheck = (config: ConfigView, context: CheckContext) => ConfigIssue[];
