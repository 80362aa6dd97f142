/**
 * Checks that span the environments in `config/`: API Gateway's CloudWatch role is one setting per
 * account and region (`aws_api_gateway_account`), and destroying the resource resets it (hashicorp/aws
 * 6.x always resets on destroy; `reset_on_delete` was removed in 6.0.0). Two environments that
 * manage it in one account and region overwrite each other's role, and destroying either stops
 * logging for both; so exactly one may manage it, and the others rely on it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ConfigIssue } from '../core/errors';
import { parseConfig } from './load';
import type { GatewayConfig } from './schema';
import type { ConfigWarning } from './warnings';

/** Another environment's validated configuration. */
export interface OtherEnvironment {
  readonly environment: string;
  readonly file: string;
  readonly config: GatewayConfig;
}

/**
 * The other environments of `configDir` that validate (one that does not is reported when it is
 * synthesized itself, not here).
 */
export function otherEnvironments(configDir: string, current: string): OtherEnvironment[] {
  if (!fs.existsSync(configDir)) return [];
  return fs
    .readdirSync(configDir)
    .filter((name) => name.endsWith('.yaml') && name !== `${current}.yaml`)
    .sort()
    .flatMap((name) => {
      const file = path.join(configDir, name);
      const environment = name.slice(0, -'.yaml'.length);
      try {
        return [{ environment, file: path.join(path.basename(configDir), name), config: parseConfig(fs.readFileSync(file, 'utf8'), file, environment) }];
      } catch {
        return [];
      }
    });
}

const sharesAccount = (config: GatewayConfig, other: GatewayConfig) => config.aws.accountId !== undefined && other.aws.accountId === config.aws.accountId;

/** Another environment that also manages the setting in a region of this one. */
export function accountSettingsIssues(config: GatewayConfig, others: readonly OtherEnvironment[]): ConfigIssue[] {
  if (config.aws.apiGatewayAccountSettings !== 'manage') return [];
  return others
    .filter((other) => sharesAccount(config, other.config) && other.config.aws.apiGatewayAccountSettings === 'manage')
    .flatMap((other) => {
      const overlap = config.regions.filter((region) => other.config.regions.includes(region));
      if (overlap.length === 0) return [];
      return [
        {
          path: ['aws', 'apiGatewayAccountSettings'],
          problem: `environment ${other.environment} (${other.file}) also manages API Gateway's CloudWatch role in account ${config.aws.accountId!}, ${overlap.join(', ')}: one would overwrite the other's, and destroying either would stop logging for both`,
          received: 'manage',
          accepted: `rely here or in ${other.environment}, so that one environment per account and region manages it`,
        },
      ];
    });
}

/** Regions where this environment relies on a setting no environment in `config/` manages. */
export function accountSettingsWarnings(config: GatewayConfig, others: readonly OtherEnvironment[]): ConfigWarning[] {
  if (config.aws.apiGatewayAccountSettings !== 'rely') return [];
  const managed = new Set(
    others.filter((o) => sharesAccount(config, o.config) && o.config.aws.apiGatewayAccountSettings === 'manage').flatMap((o) => o.config.regions),
  );
  const unmanaged = config.regions.filter((region) => !managed.has(region));
  if (unmanaged.length === 0) return [];
  return [
    {
      path: 'aws.apiGatewayAccountSettings',
      message: `no environment in config/${config.aws.accountId ? ` with account ${config.aws.accountId}` : ''} manages API Gateway's CloudWatch role in ${unmanaged.join(', ')}; stage logging fails at apply without it. Manage it in one environment, or make sure it is set outside this project.`,
    },
  ];
}
