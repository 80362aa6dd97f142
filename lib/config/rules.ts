/**
 * Rules the schema alone cannot express: clashes between entries, names that would break DNS or
 * AWS limits once assembled, and limits that depend on other fields. Each rule returns every
 * problem it finds; `validateConfig` runs them all, so the user sees every problem at once.
 */
import {
  DNS_LIMITS,
  IAM_LIMITS,
  LAMBDA_LIMITS,
  TAG_LIMITS,
} from '../aws';
import type { ConfigIssue } from '../errors';
import { Naming, regionalHostname } from '../naming';
import { STANDARD_TAG_KEYS } from '../tags';
import type { GatewayConfig } from './schema';

/**
 * What the rules see: every top-level field that passed the schema, and for list fields every
 * entry that passed (`undefined` where one did not). Rules run even when other parts of the file
 * are invalid, so one run reports every problem.
 */
export type ConfigView = {
  readonly [K in keyof GatewayConfig]?: GatewayConfig[K] extends readonly (infer E)[]
    ? readonly (E | undefined)[]
    : GatewayConfig[K];
};

type Rule = (config: ConfigView) => ConfigIssue[];

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
    problem: `clashes with models[${first}].name (same URL path /v1/${value} and same function name)`,
    received: value,
    accepted: 'a name no other model uses',
  }));

/** The API domain must be the zone itself or a name inside it, or its records cannot be created. */
const apiDomainInZone: Rule = ({ dns }) => {
  if (!dns) return [];
  const { zoneName, apiDomain } = dns;
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
  if (longest === undefined || !config.dns) return issues;
  const hostname = regionalHostname(longest, config.dns.apiDomain);
  if (hostname.length > DNS_LIMITS.maxHostnameLength) {
    issues.push({
      path: ['dns', 'apiDomain'],
      problem: `the regional hostname "${hostname.slice(0, 40)}..." would be ${hostname.length} characters`,
      received: config.dns.apiDomain,
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
    if (!model) return;
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

/** Every cross-field rule, in the order their problems are reported. */
export const CONFIG_RULES: readonly Rule[] = [
  uniqueRegions,
  apiDomainInZone,
  hostnamesFitDns,
  uniqueModelNames,
  resourceNamesFitAws,
  tagsFitAws,
];

/** Runs every rule over the valid parts of a configuration. */
export function checkConfigRules(config: ConfigView): ConfigIssue[] {
  return CONFIG_RULES.flatMap((rule) => rule(config));
}

function longestRegion(config: ConfigView) {
  return (config.regions ?? [])
    .filter((r) => r !== undefined)
    .sort((a, b) => b.length - a.length)[0];
}

function duplicates<T>(values: readonly (T | undefined)[]): { index: number; value: T; first: number }[] {
  const seen = new Map<T, number>();
  const found: { index: number; value: T; first: number }[] = [];
  values.forEach((value, index) => {
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else found.push({ index, value, first });
  });
  return found;
}
