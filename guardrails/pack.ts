/** The rule pack: every guardrail, in report order. */
import { acmReplacement } from './rules/acm-replacement';
import { acmTransparencyLogging } from './rules/acm-transparency-logging';
import { apigCacheEncryption } from './rules/apig-cache-encryption';
import { apigDataTrace } from './rules/apig-data-trace';
import { apigDeploymentReplacement } from './rules/apig-deployment-replacement';
import { apigDomainTls } from './rules/apig-domain-tls';
import { apigExecuteApiEndpoint } from './rules/apig-execute-api-endpoint';
import { apigMethodAuthorization } from './rules/apig-method-authorization';
import { apigRestApiReplacement } from './rules/apig-rest-api-replacement';
import { apigStageAccessLogs } from './rules/apig-stage-access-logs';
import { apigSourceRestriction } from './rules/apig-source-restriction';
import { apigStageMethodSettings } from './rules/apig-stage-method-settings';
import { guardrailAcknowledgements } from './rules/guardrail-acknowledgements';
import { iamAdminPolicies } from './rules/iam-admin-policies';
import { iamLiteralDocuments } from './rules/iam-literal-documents';
import { iamPermissionManagement } from './rules/iam-permission-management';
import { iamTrustPrincipals } from './rules/iam-trust-principals';
import { iamUnscopedWrites } from './rules/iam-unscoped-writes';
import { iamWildcardActions } from './rules/iam-wildcard-actions';
import { kongConfigLiterals } from './rules/kong-config-literals';
import { kongCorsOrigins } from './rules/kong-cors-origins';
import { kongDroppedSettings } from './rules/kong-dropped-settings';
import { kongHiddenCredentials } from './rules/kong-hidden-credentials';
import { kongKeyReplacement } from './rules/kong-key-replacement';
import { kongPromptGuard } from './rules/kong-prompt-guard';
import { kongRouteAcl } from './rules/kong-route-acl';
import { kongRouteAuthentication } from './rules/kong-route-authentication';
import { kongRouteRateLimit } from './rules/kong-route-rate-limit';
import { kongRouteSizeLimit } from './rules/kong-route-size-limit';
import { kongRedisTls, kongRouteHttpsOnly, kongServiceVerifiedTls } from './rules/kong-transport';
import { lambdaConcurrency } from './rules/lambda-concurrency';
import { lambdaEnvironmentSecrets } from './rules/lambda-environment-secrets';
import { lambdaEntryPoints } from './rules/lambda-entry-points';
import { lambdaIntegrationTimeout } from './rules/lambda-integration-timeout';
import { lambdaPermissionCaller } from './rules/lambda-permission-caller';
import { lambdaPermissionPrincipal } from './rules/lambda-permission-principal';
import { lambdaPermissionSource } from './rules/lambda-permission-source';
import { lambdaRuntime } from './rules/lambda-runtime';
import { lambdaTracing } from './rules/lambda-tracing';
import { logsRetention } from './rules/logs-retention';
import { route53AliasTargets } from './rules/route53-alias-targets';
import { secretLiterals } from './rules/secret-literals';
import { terraformProjectExpressions } from './rules/terraform-project-expressions';
import { terraformReferencesInStack } from './rules/terraform-references-in-stack';
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
