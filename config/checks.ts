/**
 * Rules the schema alone cannot express: clashes between entries, names that would break DNS or
 * AWS limits once assembled, and limits that depend on other fields. Each rule returns every
 * problem it finds; `validateConfigDocument` runs them all, even over a document the schema
 * rejected in part, so the user sees every problem at once.
 */
import { DNS_LIMITS, IAM_LIMITS, TAG_LIMITS } from '../aws/facts';
import { resolveBedrockModel } from '../aws/bedrock';
import { secretKind } from '../core/secrets';
import { BEDROCK_AVAILABILITY_READ_ON } from '../aws/bedrock-availability';
import { egressCidrProblem, trustedCidrProblem } from '../aws/cidr';
import { reservedKeyHeader } from '../kong/facts';
import { upstreamKeySlug } from './naming';
import { PROMPT_PATTERN_ACCEPTED, promptPatternProblem } from '../kong/prompt-patterns';
import type { ConfigIssue } from '../core/errors';
import { Naming, regionalHostname } from './naming';
import { STANDARD_TAG_KEYS } from './tags';
import { HOSTED_MODEL_KINDS } from '../contract/model-host';
import { INITIAL_UPSTREAM_KEY, isHostedModel, type GatewayConfig } from './schema';
import { LAMBDA_LIMITS } from '../contract/limits';
import { modelPath } from '../contract/paths';

/**
 * What the rules see: every top-level field that passed the schema, and for list fields every
 * entry that passed (`undefined` where one did not). Rules run even when other parts of the file
 * are invalid, so one run reports every problem.
 */
export type ConfigView = View<GatewayConfig>;

/** Objects partial all the way down; list entries whole or missing. */
type View<T> = T extends readonly (infer E)[]
  ? readonly (E | undefined)[]
  : T extends Record<string, unknown>
    ? { readonly [K in keyof T]?: View<T[K]> }
    : T;

/** What rules may know besides the configuration. */
export interface RuleContext {
  /** The current day (ISO date), for facts that expire, such as a Bedrock model's end of life. */
  readonly today: string;
}

type Rule = (config: ConfigView, context: RuleContext) => ConfigIssue[];

/** Each region at most once: a second copy would be a second stack with the same name. */
const uniqueRegions: Rule = (config) =>
  duplicates(config.regions ?? []).map(({ index, value, first }) => ({
    path: ['regions', index],
    problem: `duplicate of regions[${first}]`,
    received: value,
    accepted: 'each region listed once',
  }));

/** Model names become URL paths and resource names, so two models may not share one. */
const uniqueModelNames: Rule = (config) =>
  duplicates((config.models ?? []).map((m) => m?.name)).map(({ index, value, first }) => ({
    path: ['models', index, 'name'],
    problem: `clashes with models[${first}].name (same URL path ${modelPath(String(value))} and same function name)`,
    received: value,
    accepted: 'a name no other model uses',
  }));

/** The API domain must be the zone itself or a name inside it, or its records cannot be created. */
const apiDomainInZone: Rule = ({ dns }) => {
  const { zoneName, apiDomain } = dns ?? {};
  if (zoneName === undefined || apiDomain === undefined) return [];
  if (apiDomain === zoneName || apiDomain.endsWith(`.${zoneName}`)) return [];
  return [
    {
      path: ['dns', 'apiDomain'],
      problem: `outside the hosted zone "${zoneName}"`,
      received: apiDomain,
      accepted: `"${zoneName}" or a name ending in ".${zoneName}" (e.g. "api.${zoneName}")`,
    },
  ];
};

/** `<region>.<apiDomain>` must fit DNS limits for every region. */
const hostnamesFitDns: Rule = (config) => {
  const issues: ConfigIssue[] = [];
  const longest = longestRegion(config);
  const apiDomain = config.dns?.apiDomain;
  if (longest === undefined || apiDomain === undefined) return issues;
  const hostname = regionalHostname(longest, apiDomain);
  if (hostname.length > DNS_LIMITS.maxHostnameLength) {
    issues.push({
      path: ['dns', 'apiDomain'],
      problem: `the regional hostname "${hostname.slice(0, 40)}..." would be ${hostname.length} characters`,
      received: apiDomain,
      accepted: `an API domain of at most ${DNS_LIMITS.maxHostnameLength - longest.length - 1} characters, so that "<region>.<apiDomain>" stays within ${DNS_LIMITS.maxHostnameLength}`,
    });
  }
  return issues;
};

/** Function and role names are assembled from app, environment, region and model; AWS caps them. */
const resourceNamesFitAws: Rule = (config) => {
  if (config.app === undefined || config.environment === undefined) return [];
  const naming = new Naming(config.app, config.environment);
  const longest = longestRegion(config);
  const issues: ConfigIssue[] = [];
  (config.models ?? []).forEach((model, index) => {
    if (!model || !isHostedModel(model)) return;
    const functionName = naming.functionName(model.name);
    if (functionName.length > LAMBDA_LIMITS.maxFunctionNameLength) {
      issues.push({
        path: ['models', index, 'name'],
        problem: `the function name "${functionName}" would be ${functionName.length} characters`,
        received: model.name,
        accepted: `a name of at most ${LAMBDA_LIMITS.maxFunctionNameLength - naming.prefix.length - 1} characters with app "${config.app}" and environment "${config.environment}" (Lambda allows ${LAMBDA_LIMITS.maxFunctionNameLength})`,
      });
      return;
    }
    if (longest === undefined) return;
    const roleName = naming.functionRoleName(longest, model.name);
    if (roleName.length > IAM_LIMITS.maxRoleNameLength) {
      issues.push({
        path: ['models', index, 'name'],
        problem: `the IAM role name "${roleName}" would be ${roleName.length} characters`,
        received: model.name,
        accepted: `a name of at most ${IAM_LIMITS.maxRoleNameLength - naming.functionRoleName(longest, '').length} characters with region ${longest} (IAM allows ${IAM_LIMITS.maxRoleNameLength})`,
      });
    }
  });
  return issues;
};

/** The project's own tags are not the user's to set, and AWS allows 50 tags per resource. */
const tagsFitAws: Rule = (config) => {
  const issues: ConfigIssue[] = [];
  const keys = Object.keys(config.tags ?? {});
  for (const key of keys) {
    if ((STANDARD_TAG_KEYS as readonly string[]).includes(key.toLowerCase())) {
      issues.push({
        path: ['tags', key],
        problem: 'reserved tag key (the project sets it on every resource)',
        received: key,
        accepted: `any key except ${STANDARD_TAG_KEYS.join(', ')}`,
      });
    }
  }
  const max = TAG_LIMITS.maxTagsPerResource - STANDARD_TAG_KEYS.length;
  if (keys.length > max) {
    issues.push({
      path: ['tags'],
      problem: `${keys.length} tags`,
      accepted: `at most ${max} tags (AWS allows ${TAG_LIMITS.maxTagsPerResource} per resource and the project sets ${STANDARD_TAG_KEYS.length})`,
    });
  }
  return issues;
};

/** Groups are declared once in kong.groups; a consumer or model naming another one is a typo. */
const knownGroups: Rule = ({ kong, models }) => {
  const declared = kong?.groups?.filter((g) => g !== undefined);
  if (!declared) return [];
  const unknown = (group: string | undefined, path: PropertyKey[]): ConfigIssue[] =>
    group === undefined || declared.includes(group)
      ? []
      : [{ path, problem: 'unknown group', received: group, accepted: `one of kong.groups: ${declared.join(', ')}` }];
  return [
    ...(kong?.consumers ?? []).flatMap((consumer, i) =>
      (consumer?.groups ?? []).flatMap((group, j) => unknown(group, ['kong', 'consumers', i, 'groups', j])),
    ),
    ...(models ?? []).flatMap((model, i) =>
      (model?.allowedGroups ?? []).flatMap((group, j) => unknown(group, ['models', i, 'allowedGroups', j])),
    ),
  ];
};

/** Each group once. */
const uniqueGroups: Rule = ({ kong }) =>
  duplicates(kong?.groups ?? []).map(({ index, value, first }) => ({
    path: ['kong', 'groups', index],
    problem: `duplicate of kong.groups[${first}]`,
    received: value,
    accepted: 'each group listed once',
  }));

/** A username is a Kong consumer's identity: two entries would be one consumer configured twice. */
const uniqueConsumers: Rule = ({ kong }) =>
  duplicates((kong?.consumers ?? []).map((c) => c?.username)).map(({ index, value, first }) => ({
    path: ['kong', 'consumers', index, 'username'],
    problem: `duplicate of kong.consumers[${first}].username`,
    received: value,
    accepted: 'a username no other consumer uses',
  }));

/** Every tier a consumer or the default names must be defined in kong.tiers. */
const tiersDefined: Rule = ({ kong }) => {
  if (!kong?.tiers) return [];
  const defined = Object.keys(kong.tiers);
  const undefinedTier = (tier: string | undefined, path: PropertyKey[]): ConfigIssue[] =>
    tier === undefined || defined.includes(tier)
      ? []
      : [{ path, problem: 'tier not defined', received: tier, accepted: defined.length ? `one of kong.tiers: ${defined.join(', ')}` : 'a tier defined in kong.tiers' }];
  return [
    ...undefinedTier(kong.defaultTier, ['kong', 'defaultTier']),
    ...(kong.consumers ?? []).flatMap((consumer, i) => undefinedTier(consumer?.tier, ['kong', 'consumers', i, 'tier'])),
  ];
};

/** Redis settings exactly when the policy is redis. */
const redisSettingsMatchPolicy: Rule = ({ kong }) => {
  const limiting = kong?.rateLimiting;
  if (!limiting?.policy) return [];
  if (limiting.policy === 'redis' && !limiting.redis) {
    return [{ path: ['kong', 'rateLimiting', 'redis'], problem: 'missing', accepted: 'host (and optionally port, ssl, database, timeoutMs) when policy is redis' }];
  }
  if (limiting.policy !== 'redis' && limiting.redis) {
    return [{ path: ['kong', 'rateLimiting', 'redis'], problem: `set, but policy is ${limiting.policy}`, accepted: 'no redis settings, or policy: redis' }];
  }
  return [];
};

/**
 * The provider configures Kong through its Admin API, which a DB-less node refuses to write to: its
 * off strategy answers every create and update with "cannot create '<entity>' entities when not
 * using a database" (Kong 3.9.1 kong/db/strategies/off/init.lua:374-395; 405 from
 * kong/api/api_helpers.lua:376-378).
 */
const kongModeSupported: Rule = ({ kong }) =>
  kong?.deployment?.mode === 'dbless'
    ? [
        {
          path: ['kong', 'deployment', 'mode'],
          problem: 'a DB-less Kong refuses Admin API writes, so Terraform cannot configure it',
          received: 'dbless',
          accepted: 'traditional (nodes with a database) or hybrid (a control plane with a database; its data planes run without one)',
        },
      ]
    : [];

/**
 * Kong refuses rate-limiting's cluster policy where there is no database to count in: with
 * `database = off` or on a control plane (Kong 3.9.1 kong/plugins/rate-limiting/schema.lua:39-58:
 * policy is then "one_of local, redis"; data planes always run with `database = off`,
 * kong/conf_loader/parse.lua:766-768).
 */
const rateLimitingPolicyFitsMode: Rule = ({ kong }) =>
  kong?.deployment?.mode === 'hybrid' && kong.rateLimiting?.policy === 'cluster'
    ? [
        {
          path: ['kong', 'rateLimiting', 'policy'],
          problem: 'Kong rejects the cluster policy in hybrid mode ("expected one of: local, redis")',
          received: 'cluster',
          accepted: 'redis (one budget shared by every node), or local (each node counts its own)',
        },
      ]
    : [];

/**
 * Behind a load balancer that ends TLS, Kong sees plain HTTP: it takes the scheme from
 * X-Forwarded-Proto only from `trusted_ips` (Kong 3.9.1 kong/runloop/handler.lua:1234-1244), and
 * answers an HTTPS-only route 426 otherwise (lines 1261-1267).
 */
const loadBalancerSettings: Rule = ({ kong }) => {
  const deployment = kong?.deployment;
  if (!deployment) return [];
  const cidrs = deployment.loadBalancerCidrs;
  if (deployment.tlsTermination === 'load-balancer' && !cidrs) {
    return [
      {
        path: ['kong', 'deployment', 'loadBalancerCidrs'],
        problem: 'missing: TLS ends at a load balancer, so Kong must trust its X-Forwarded-Proto, or every HTTPS-only route answers 426',
        accepted: "the load balancer's address ranges, e.g. [10.0.0.0/16]",
      },
    ];
  }
  if (deployment.tlsTermination === 'kong' && cidrs) {
    return [{ path: ['kong', 'deployment', 'loadBalancerCidrs'], problem: 'set, but TLS ends at Kong', accepted: 'no loadBalancerCidrs, or tlsTermination: load-balancer' }];
  }
  return (cidrs ?? []).flatMap((cidr, index) => {
    if (cidr === undefined) return [];
    const bad = trustedCidrProblem(cidr);
    return bad ? [{ path: ['kong', 'deployment', 'loadBalancerCidrs', index], problem: bad.problem, received: cidr, accepted: bad.accepted }] : [];
  });
};

/** Weights may only name configured regions, and some region must take traffic. */
const weightsMatchRegions: Rule = ({ kong, regions }) => {
  const weights = kong?.upstream?.weights;
  const configured = (regions ?? []).filter((r) => r !== undefined);
  if (!weights || configured.length === 0) return [];
  const issues: ConfigIssue[] = Object.keys(weights)
    .filter((region) => !(configured as string[]).includes(region))
    .map((region) => ({
      path: ['kong', 'upstream', 'weights', region],
      problem: 'not one of the configured regions',
      received: region,
      accepted: `one of ${configured.join(', ')}`,
    }));
  const effective = configured.map((region) => (weights as Record<string, number | undefined>)[region] ?? 100);
  if (effective.every((w) => w === 0)) {
    issues.push({ path: ['kong', 'upstream', 'weights'], problem: 'every region has weight 0', accepted: 'at least one region with a weight above 0' });
  }
  return issues;
};

/** Regions exist to host models: with only external LLMs there is nothing for them to serve. */
const hostedModelPresent: Rule = ({ models }) => {
  const valid = (models ?? []).filter((m) => m !== undefined);
  if (valid.length === 0 || valid.length !== (models ?? []).length || valid.some(isHostedModel)) return [];
  return [{ path: ['models'], problem: 'no model runs in Lambda', accepted: `at least one hosted model (kind ${HOSTED_MODEL_KINDS.join(', ')}) for the regions to serve` }];
};

/** Each accepted earlier upstream key is another key than the current one, listed once. */
const upstreamKeysDistinct: Rule = ({ upstreamKeyRotation, upstreamKeysAccepted }) => {
  const labels = upstreamKeysAccepted ?? [];
  const current = upstreamKeySlug(upstreamKeyRotation ?? INITIAL_UPSTREAM_KEY);
  const isCurrent = (label: string | undefined): label is string => typeof label === 'string' && upstreamKeySlug(label) === current;
  return [
    ...labels.flatMap((label, index) =>
      isCurrent(label) ? [{ path: ['upstreamKeysAccepted', index], problem: 'the current key (upstreamKeyRotation), which is accepted anyway', received: label, accepted: 'the label of an earlier key' }] : [],
    ),
    ...duplicates(labels.map((label) => (typeof label === 'string' && !isCurrent(label) ? label : undefined)), upstreamKeySlug).map(({ index, value, first }) => ({
      path: ['upstreamKeysAccepted', index],
      problem: `the same key as upstreamKeysAccepted[${first}]`,
      received: value,
      accepted: 'each label once',
    })),
  ];
};

/** key-auth reads consumer keys from headers nobody else sets, each named once (header names ignore case). */
const keyNamesAvailable: Rule = ({ kong }) => {
  const names = (kong?.keyNames ?? []).map((name) => (typeof name === 'string' ? name : undefined));
  const reserved = names.map((name) => (name === undefined ? undefined : reservedKeyHeader(name)));
  return [
    ...names.flatMap((name, index) =>
      reserved[index] ? [{ path: ['kong', 'keyNames', index], problem: `a header ${reserved[index]}; key-auth would remove it from requests (hide_credentials) or read what was put there`, received: name, accepted: 'a header of your own, such as apikey or x-consumer-key' }] : [],
    ),
    ...duplicates(names.map((name, index) => (reserved[index] ? undefined : name)), (name) => name.toLowerCase()).map(({ index, value, first }) => ({
      path: ['kong', 'keyNames', index],
      problem: `the same header as kong.keyNames[${first}] (header names ignore case)`,
      received: value,
      accepted: 'each header once',
    })),
  ];
};

/** Kong's egress ranges must be real, public, canonical ranges, each once. */
const egressCidrsValid: Rule = ({ kong }) => {
  const cidrs = kong?.egressCidrs ?? [];
  const issues: ConfigIssue[] = cidrs.flatMap((cidr, index) => {
    if (cidr === undefined) return [];
    const bad = egressCidrProblem(cidr);
    return bad ? [{ path: ['kong', 'egressCidrs', index], problem: bad.problem, received: cidr, accepted: bad.accepted }] : [];
  });
  issues.push(
    ...duplicates(cidrs).map(({ index, value, first }) => ({
      path: ['kong', 'egressCidrs', index],
      problem: `duplicate of kong.egressCidrs[${first}]`,
      received: value,
      accepted: 'each range listed once',
    })),
  );
  return issues;
};

/** Browsers refuse credentialed CORS answers for the wildcard origin. */
const corsCredentialsNeedOrigins: Rule = ({ kong }) => {
  const cors = kong?.cors;
  const origins = (cors?.origins ?? []).filter((o) => o !== undefined);
  if (!cors?.credentials || !origins.includes('*')) return [];
  return [{ path: ['kong', 'cors', 'origins'], problem: 'credentials with the wildcard origin', received: '*', accepted: 'explicit origins (https://app.example.com) when credentials is true' }];
};

/**
 * Prompt-guard patterns must run in Kong as they read here: the syntax PCRE and JavaScript share,
 * without exponential backtracking (kong/prompt-patterns.ts says why and cites Kong).
 */
const promptPatternsCompile: Rule = ({ models }) =>
  (models ?? []).flatMap((model, i) => {
    if (model?.kind !== 'external-llm' || !model.promptGuard) return [];
    const guard = model.promptGuard;
    return (['allowPatterns', 'denyPatterns'] as const).flatMap((key) =>
      guard[key].flatMap((pattern, j) => {
        const problem = promptPatternProblem(pattern);
        return problem ? [{ path: ['models', i, 'promptGuard', key, j], problem, received: pattern, accepted: PROMPT_PATTERN_ACCEPTED }] : [];
      }),
    );
  });

/**
 * Bedrock must serve every `bedrock-chat` model in every region of the environment: in-Region or
 * through the geographic inference profile its crossRegionInference allows (aws/bedrock.ts), and
 * not past its end of life. One issue per model names every region it fails in.
 */
const bedrockModelsAvailable: Rule = ({ models, regions }, { today }) => {
  const valid = (regions ?? []).filter((r) => r !== undefined);
  return (models ?? []).flatMap((model, i) => {
    if (model?.kind !== 'bedrock-chat') return [];
    const failures = valid.flatMap((region) => {
      const resolution = resolveBedrockModel(model.settings.modelId, region, model.crossRegionInference, today);
      return 'problem' in resolution ? [`${region}: ${resolution.problem}`] : [];
    });
    if (failures.length === 0) return [];
    return [
      {
        path: ['models', i, 'settings', 'modelId'],
        problem: `Bedrock cannot serve it in ${failures.length === 1 ? 'one region' : `${failures.length} regions`} (${failures.join('; ')})`,
        received: model.settings.modelId,
        accepted: `a model Bedrock serves in every region of the environment (availability table read ${BEDROCK_AVAILABILITY_READ_ON}: aws/bedrock-availability.ts), or fewer regions`,
      },
    ];
  });
};

/**
 * Generations are retired only up to the current one; the setting is for EDGE endpoints, whose
 * certificate lives in the global stack while the region stacks use it.
 */
const edgeCertificateGenerations: Rule = ({ dns, endpointType }) => {
  const certificate = dns?.edgeCertificate;
  if (!certificate) return [];
  const path = ['dns', 'edgeCertificate'];
  if (endpointType === 'REGIONAL') {
    const set = (certificate.generation ?? 1) !== 1 || (certificate.retireBelow ?? 1) !== 1 || certificate.preventDestroy === false;
    return set
      ? [{ path, problem: 'applies to EDGE endpoints only', accepted: 'no edgeCertificate with endpointType REGIONAL (each region stack replaces its own certificate in one apply)' }]
      : [];
  }
  const { generation, retireBelow } = certificate;
  if (generation === undefined || retireBelow === undefined || retireBelow <= generation) return [];
  return [
    {
      path: [...path, 'retireBelow'],
      problem: `would delete the current generation ${generation}, which every region uses`,
      received: retireBelow,
      accepted: `at most ${generation} (the current generation)`,
    },
  ];
};

/**
 * No value of the file looks like a secret, in any field or key: the file is in git, and what it
 * holds can reach the synthesized output (tags, labels, names). The value is masked in the report.
 */
const noSecretsInConfiguration: Rule = (config) => {
  const issues: ConfigIssue[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const kind = secretKind(value);
      if (kind) {
        issues.push({
          path,
          problem: `looks like ${kind}; a secret never goes in the configuration file (it is in git, and can reach the synthesized output)`,
          received: value,
          accepted: "no secret: consumer credentials are generated or read from a sensitive variable (credential: variable); LLM keys and the Redis password come from the Kong nodes' environment (kong-node.env names the variables)",
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        visit(key, [...path, key]);
        visit(inner, [...path, key]);
      }
    }
  };
  visit(config, []);
  return issues;
};

/** Every cross-field rule, in the order their problems are reported. */
export const CONFIG_RULES: readonly Rule[] = [
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
  noSecretsInConfiguration,
];

/** Runs every rule over the valid parts of a configuration. */
export function checkConfigRules(config: ConfigView, context: RuleContext): ConfigIssue[] {
  return CONFIG_RULES.flatMap((rule) => rule(config, context));
}

function longestRegion(config: ConfigView) {
  return (config.regions ?? [])
    .filter((r) => r !== undefined)
    .sort((a, b) => b.length - a.length)[0];
}

/** Every value equal (by `keyOf`) to an earlier one, with the index of that first one; undefined entries are skipped. */
function duplicates<T>(values: readonly (T | undefined)[], keyOf: (value: T) => unknown = (value) => value): { index: number; value: T; first: number }[] {
  const seen = new Map<unknown, number>();
  const found: { index: number; value: T; first: number }[] = [];
  values.forEach((value, index) => {
    if (value === undefined) return;
    const key = keyOf(value);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else found.push({ index, value, first });
  });
  return found;
}
