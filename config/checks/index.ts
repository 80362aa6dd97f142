/**
 * Configuration checks the schema alone cannot express: clashes between entries, names that would
 * break DNS or AWS limits once assembled, and limits that depend on other fields. One check per
 * file beside this one; each returns every problem it finds. `validateConfigDocument` runs them
 * all, even over a document the schema rejected in part, so the user sees every problem at once.
 *
 * These are checks of the configuration file, run before any construct exists; the guardrail rules
 * of `guardrails/rules/` judge the synthesized output instead.
 */
import type { ConfigIssue } from '../../core/errors';
import type { CheckContext, ConfigCheck, ConfigView } from './types';
import { uniqueRegions } from './unique-regions';
import { apiDomainInZone } from './api-domain-in-zone';
import { edgeCertificateGenerations } from './edge-certificate-generations';
import { hostnamesFitDns } from './hostnames-fit-dns';
import { uniqueModelNames } from './unique-model-names';
import { resourceNamesFitAws } from './resource-names-fit-aws';
import { tagsFitAws } from './tags-fit-aws';
import { hostedModelPresent } from './hosted-model-present';
import { uniqueGroups } from './unique-groups';
import { knownGroups } from './known-groups';
import { uniqueConsumers } from './unique-consumers';
import { tiersDefined } from './tiers-defined';
import { redisSettingsMatchPolicy } from './redis-settings-match-policy';
import { kongModeSupported } from './kong-mode-supported';
import { rateLimitingPolicyFitsMode } from './rate-limiting-policy-fits-mode';
import { loadBalancerSettings } from './load-balancer-settings';
import { weightsMatchRegions } from './weights-match-regions';
import { corsCredentialsNeedOrigins } from './cors-credentials-need-origins';
import { egressCidrsValid } from './egress-cidrs-valid';
import { keyNamesAvailable } from './key-names-available';
import { upstreamKeysDistinct } from './upstream-keys-distinct';
import { promptPatternsCompile } from './prompt-patterns-compile';
import { bedrockModelsAvailable } from './bedrock-models-available';
import { modelTimingFitsEndpoint } from './model-timing-fits-endpoint';
import { noSecretsInConfiguration } from './no-secrets-in-configuration';
import { budgetsPriced } from './budgets-priced';
import { budgetsFitRegions } from './budgets-fit-regions';
import { alarmTopicsInRegion } from './alarm-topics-in-region';

export type { CheckContext, ConfigCheck, ConfigView } from './types';

/** Every cross-field check, in the order their problems are reported. */
export const CONFIG_CHECKS: readonly ConfigCheck[] = [
  uniqueRegions,
  apiDomainInZone,
  edgeCertificateGenerations,
  hostnamesFitDns,
  uniqueModelNames,
  resourceNamesFitAws,
  tagsFitAws,
  hostedModelPresent,
  uniqueGroups,
  knownGroups,
  uniqueConsumers,
  tiersDefined,
  redisSettingsMatchPolicy,
  kongModeSupported,
  rateLimitingPolicyFitsMode,
  loadBalancerSettings,
  weightsMatchRegions,
  corsCredentialsNeedOrigins,
  egressCidrsValid,
  keyNamesAvailable,
  upstreamKeysDistinct,
  promptPatternsCompile,
  bedrockModelsAvailable,
  modelTimingFitsEndpoint,
  budgetsPriced,
  budgetsFitRegions,
  alarmTopicsInRegion,
  noSecretsInConfiguration,
];

/** Runs every check over the valid parts of a configuration. */
export function runConfigChecks(config: ConfigView, context: CheckContext): ConfigIssue[] {
  return CONFIG_CHECKS.flatMap((check) => check(config, context));
}
