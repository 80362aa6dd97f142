/** The rule pack: every guardrail, in report order. */
import { acmReplacement } from './rules/acm-1-replacement';
import { acmTransparencyLogging } from './rules/acm-2-transparency-logging';
import { apigCacheEncryption } from './rules/apig-8-cache-encryption';
import { apigDataTrace } from './rules/apig-7-data-trace';
import { apigDeploymentReplacement } from './rules/apig-4-deployment-replacement';
import { apigDomainTls } from './rules/apig-6-domain-tls';
import { apigExecuteApiEndpoint } from './rules/apig-9-execute-api-endpoint';
import { apigMethodAuthorization } from './rules/apig-1-method-authorization';
import { apigRestApiReplacement } from './rules/apig-5-rest-api-replacement';
import { apigStageAccessLogs } from './rules/apig-2-stage-access-logs';
import { apigSourceRestriction } from './rules/apig-10-source-restriction';
import { apigStreamIntegrationUri } from './rules/apig-11-stream-integration-uri';
import { apigStageMethodSettings } from './rules/apig-3-stage-method-settings';
import { guardrailAcknowledgements } from './rules/gr-1-acknowledgements';
import { iamAdminPolicies } from './rules/iam-3-admin-policies';
import { iamLiteralDocuments } from './rules/iam-5-literal-documents';
import { iamPermissionManagement } from './rules/iam-6-permission-management';
import { iamTrustPrincipals } from './rules/iam-1-trust-principals';
import { iamUnscopedWrites } from './rules/iam-4-unscoped-writes';
import { iamWildcardActions } from './rules/iam-2-wildcard-actions';
import { kongConfigLiterals } from './rules/kong-7-config-literals';
import { kongCorsOrigins } from './rules/kong-12-cors-origins';
import { kongDroppedSettings } from './rules/kong-8-dropped-settings';
import { kongHiddenCredentials } from './rules/kong-5-hidden-credentials';
import { kongKeyReplacement } from './rules/kong-6-key-replacement';
import { kongPromptGuard } from './rules/kong-13-prompt-guard';
import { kongRouteAcl } from './rules/kong-2-route-acl';
import { kongRouteAuthentication } from './rules/kong-1-route-authentication';
import { kongRouteRateLimit } from './rules/kong-3-route-rate-limit';
import { kongRouteSizeLimit } from './rules/kong-4-route-size-limit';
import { kongRedisTls } from './rules/kong-11-redis-tls';
import { kongRouteHttpsOnly } from './rules/kong-9-route-https-only';
import { kongServiceVerifiedTls } from './rules/kong-10-service-verified-tls';
import { lambdaConcurrency } from './rules/lmbd-4-concurrency';
import { lambdaEnvironmentSecrets } from './rules/lmbd-2-environment-secrets';
import { lambdaEntryPoints } from './rules/lmbd-9-entry-points';
import { lambdaIntegrationTimeout } from './rules/lmbd-5-integration-timeout';
import { lambdaPermissionCaller } from './rules/lmbd-8-permission-caller';
import { lambdaPermissionPrincipal } from './rules/lmbd-6-permission-principal';
import { lambdaPermissionSource } from './rules/lmbd-7-permission-source';
import { lambdaRuntime } from './rules/lmbd-1-runtime';
import { lambdaTracing } from './rules/lmbd-3-tracing';
import { logsRetention } from './rules/logs-1-retention';
import { dynamodbEncryption } from './rules/ddb-1-encryption';
import { dynamodbPointInTimeRecovery } from './rules/ddb-2-point-in-time-recovery';
import { dynamodbItemAccess } from './rules/ddb-3-item-access';
import { route53AliasTargets } from './rules/r53-1-alias-targets';
import { secretLiterals } from './rules/sec-1-secret-literals';
import { terraformProjectExpressions } from './rules/tf-2-project-expressions';
import { terraformReferencesInStack } from './rules/tf-1-references-in-stack';
import type { GuardrailRule } from './rule';

export const RULES: readonly GuardrailRule[] = [
  apigMethodAuthorization,
  apigStageAccessLogs,
  apigStageMethodSettings,
  apigDeploymentReplacement,
  apigRestApiReplacement,
  apigDomainTls,
  apigDataTrace,
  apigCacheEncryption,
  apigExecuteApiEndpoint,
  apigSourceRestriction,
  apigStreamIntegrationUri,
  lambdaRuntime,
  lambdaEnvironmentSecrets,
  lambdaTracing,
  lambdaConcurrency,
  lambdaIntegrationTimeout,
  lambdaPermissionPrincipal,
  lambdaPermissionSource,
  lambdaPermissionCaller,
  lambdaEntryPoints,
  logsRetention,
  dynamodbEncryption,
  dynamodbPointInTimeRecovery,
  dynamodbItemAccess,
  iamTrustPrincipals,
  iamWildcardActions,
  iamAdminPolicies,
  iamUnscopedWrites,
  iamLiteralDocuments,
  iamPermissionManagement,
  acmReplacement,
  acmTransparencyLogging,
  route53AliasTargets,
  kongRouteAuthentication,
  kongRouteAcl,
  kongRouteRateLimit,
  kongRouteSizeLimit,
  kongHiddenCredentials,
  kongKeyReplacement,
  kongConfigLiterals,
  kongDroppedSettings,
  kongRouteHttpsOnly,
  kongServiceVerifiedTls,
  kongRedisTls,
  kongCorsOrigins,
  kongPromptGuard,
  terraformReferencesInStack,
  terraformProjectExpressions,
  secretLiterals,
  guardrailAcknowledgements(() => RULES),
];

/** Every rule id. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
