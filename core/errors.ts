/**
 * Every error a user can see, as a named factory, so tests match them and reviewers read them side
 * by side. A {@link GatewayError} is a user's mistake or an environment problem: the CLI prints its
 * message and exits non-zero, with no stack trace. Anything else is a bug.
 */
import { formatPath } from '../contract/paths';
import { maskSecrets } from './secrets';

/** An error the user can fix; printed without a stack trace. */
export class GatewayError extends Error {
  constructor(
    /** A stable identifier, e.g. `CONFIG_INVALID`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/** One problem in a configuration file. */
export interface ConfigIssue {
  /** Where the problem is, as a path into the YAML document, e.g. `['models', 1, 'memoryMb']`. */
  readonly path: readonly PropertyKey[];
  /** What is wrong when the value alone does not say it, e.g. `unknown key` or `duplicate`. */
  readonly problem?: string;
  /** The value found at `path`; omitted when there is none. */
  readonly received?: unknown;
  /** What would be valid, phrased so the user can act on it. */
  readonly accepted: string;
  /** 1-based line and column in the file, when known. */
  readonly position?: { readonly line: number; readonly column: number };
}

/** A configuration file with one or more problems; every problem is listed together. */
export class ConfigError extends GatewayError {
  constructor(
    /** The file as the user named it. */
    readonly file: string,
    /** Every problem found, in document order. */
    readonly issues: readonly ConfigIssue[],
  ) {
    super('CONFIG_INVALID', formatConfigError(file, issues));
    this.name = 'ConfigError';
  }
}


/**
 * Shows a received value compactly: strings quoted, long values cut (strings inside their quotes),
 * anything that looks like a secret masked (these messages end up in CI logs).
 */
export function formatValue(value: unknown): string {
  const max = 80;
  if (typeof value === 'string') {
    const shown = maskSecrets(value);
    return JSON.stringify(shown.length > max ? `${shown.slice(0, max - 3)}...` : shown);
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  text = maskSecrets(text);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** One line of the report: `file:line:col  path: problem; received X; accepted: Y`. */
export function formatConfigIssue(file: string, issue: ConfigIssue): string {
  const where = issue.position ? `${file}:${issue.position.line}:${issue.position.column}` : file;
  const parts: string[] = [];
  if (issue.problem) parts.push(issue.problem);
  if ('received' in issue && issue.received !== undefined) parts.push(`received ${formatValue(issue.received)}`);
  parts.push(`accepted: ${issue.accepted}`);
  return `  ${where}  ${formatPath(issue.path)}: ${parts.join('; ')}`;
}

/** Problems a configuration error lists; the rest are counted (a hostile file could have millions). */
export const MAX_LISTED_CONFIG_ISSUES = 50;

function formatConfigError(file: string, issues: readonly ConfigIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const unlisted = issues.length - MAX_LISTED_CONFIG_ISSUES;
  return [
    `Invalid configuration in ${file} (${count}):`,
    ...issues.slice(0, MAX_LISTED_CONFIG_ISSUES).map((issue) => formatConfigIssue(file, issue)),
    ...(unlisted > 0 ? [`  ... and ${unlisted} more, not listed: fix these first.`] : []),
    'Nothing was synthesized. Fix the file and run the command again; config/gateway-config.schema.json lists every field.',
  ].join('\n');
}

/** The environment selected with GATEWAY_ENV has no configuration file. */
export const unknownEnvironment = (environment: string, file: string, available: readonly string[]) =>
  new GatewayError(
    'CONFIG_UNKNOWN_ENVIRONMENT',
    `GATEWAY_ENV=${formatValue(environment)} has no configuration file (${file} does not exist). ` +
      (available.length
        ? `Available environments: ${available.join(', ')}. `
        : 'No environment files exist in config/. ') +
      'Set GATEWAY_ENV to one of them, or point GATEWAY_CONFIG at a YAML file.',
  );

/** GATEWAY_ENV holds something that cannot name a file in config/. */
export const invalidEnvironmentName = (environment: string, available: readonly string[]) =>
  new GatewayError(
    'CONFIG_INVALID_ENVIRONMENT_NAME',
    `GATEWAY_ENV=${formatValue(environment)} is not an environment name: use 1-12 lowercase letters and digits ` +
      'starting with a letter, matching a file config/<name>.yaml. ' +
      (available.length ? `Available environments: ${available.join(', ')}.` : 'No environment files exist in config/.'),
  );

/** The configuration path is a FIFO, a device, a directory: reading it could hang or never end. */
export const configFileNotRegular = (file: string, kind: string) =>
  new GatewayError(
    'CONFIG_NOT_A_FILE',
    `The configuration ${file} is ${kind}, not a regular file; it was not read. Point GATEWAY_CONFIG at a YAML file, or unset it and use GATEWAY_ENV.`,
  );

/** The configuration file is far larger than any configuration. */
export const configFileTooLarge = (file: string, bytes: number, max: number) =>
  new GatewayError(
    'CONFIG_TOO_LARGE',
    `The configuration ${file} is ${bytes.toLocaleString('en-US')} bytes or more; at most ${max.toLocaleString('en-US')} are read (a configuration is a few kilobytes). It was not parsed: check that GATEWAY_CONFIG names the right file.`,
  );

/** GATEWAY_CONFIG names a file that cannot be read. */
export const configFileUnreadable = (file: string, reason: string) =>
  new GatewayError(
    'CONFIG_UNREADABLE',
    `Cannot read the configuration file ${file}: ${reason}. Check GATEWAY_CONFIG, or unset it and use GATEWAY_ENV.`,
  );

/** The configuration file (or one of its values) breaks one or more rules. */
export const invalidConfig = (file: string, issues: readonly ConfigIssue[]) => new ConfigError(file, issues);

/** A construct was given props that contradict each other. */
export const contradictoryProps = (construct: string, detail: string) =>
  new GatewayError('CONSTRUCT_INVALID_PROPS', `${construct}: ${detail}`);

/** A construct prop is outside what the construct (or AWS) accepts. */
export const invalidProp = (construct: string, prop: string, value: unknown, accepted: string) =>
  new GatewayError('CONSTRUCT_INVALID_PROP', `${construct}: ${prop} is ${formatValue(value)}; accepted: ${accepted}`);

/** The synthesized stacks break one or more guardrails (see guardrails/). */
export const guardrailViolations = (report: string, count: number, explanations: string) =>
  new GatewayError(
    'GUARDRAILS_FAILED',
    `Guardrails failed: ${count} finding${count === 1 ? '' : 's'} must be fixed before this environment can be synthesized.\n${report}\n\n${explanations}\n\nNothing was written: the previous output is untouched. The guardrails are listed in docs/security.md.`,
  );

/** A command that reads a synthesized output (scan, diff) was pointed at something that is not one. */
export const synthesizedOutputInvalid = (dir: string, reason: string) =>
  new GatewayError(
    'SYNTHESIZED_OUTPUT_INVALID',
    `Cannot scan the synthesized output in ${dir}: ${reason}.`,
  );

/** The model host bundle could not be built from lambda/. */
export const bundleFailed = (entry: string, detail: string) =>
  new GatewayError(
    'MODEL_HOST_BUNDLE_FAILED',
    `Could not bundle the model host from ${entry}:\n${detail}\nFix the errors above in lambda/ and synthesize again.`,
  );

/** A resource acknowledges a finding of a rule the guardrails pack does not have. */
export const unknownAcknowledgedRules = (problems: readonly { path: string; rule: string }[], ruleIds: readonly string[]) =>
  new GatewayError(
    'GUARDRAILS_UNKNOWN_ACKNOWLEDGEMENT',
    `Guardrails failed: ${problems.length} acknowledgement${problems.length === 1 ? ' names' : 's name'} no rule of the pack:\n` +
      problems.map((p) => `  ${p.path}: ${formatValue(p.rule)}`).join('\n') +
      `\nAcknowledge one of: ${ruleIds.join(', ')}. Nothing was written: the previous output is untouched.`,
  );

/** A command was called with arguments it does not take. */
export const usageError = (detail: string) => new GatewayError('USAGE', `Usage: ${detail}.`);

/** The local server cannot listen on the port it was given. */
export const portUnavailable = (port: number, reason: string) =>
  new GatewayError('PORT_UNAVAILABLE', `Cannot listen on 127.0.0.1:${port}: ${reason}. Set PORT to a free port (PORT=0 picks one).`);
