/**
 * Validates a parsed configuration document: the schema first, then the cross-field checks over
 * every part the schema accepted, so a single run reports every problem in the file.
 */
import { z } from 'zod';
import type { ConfigIssue } from '../core/errors';
import { translateIssues } from './issues';
import { runConfigChecks, type ConfigView } from './checks';
import { gatewayConfigSchema, type GatewayConfig } from './schema';

/** The outcome of validation: a configuration only when there is no issue at all. */
export type ValidationResult =
  | { readonly config: GatewayConfig; readonly issues: readonly [] }
  | { readonly config?: undefined; readonly issues: readonly ConfigIssue[] };

/** Options of {@link validateConfigDocument}. */
export interface ValidationOptions {
  /** The current day as an ISO date. @default today (UTC) */
  readonly today?: string;
}

/** Today as an ISO date (UTC): the day facts with an expiry are judged on. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Validates a configuration document (already parsed from YAML). */
export function validateConfigDocument(raw: Record<string, unknown>, options: ValidationOptions = {}): ValidationResult {
  const parsed = gatewayConfigSchema.safeParse(raw);
  const issues: ConfigIssue[] = parsed.success
    ? []
    : translateIssues(gatewayConfigSchema, raw, parsed.error.issues);
  issues.push(...runConfigChecks(parsed.success ? parsed.data : partialView(raw), { today: options.today ?? todayUtc() }));
  if (parsed.success && issues.length === 0) return { config: parsed.data, issues: [] };
  return { issues };
}

/**
 * The valid parts of a document: every field that is valid on its own, objects recursively, and for
 * lists every valid entry (`undefined` in place of an invalid one, so indexes still match paths).
 */
function partialView(raw: Record<string, unknown>): ConfigView {
  return (validParts(gatewayConfigSchema, raw) ?? {}) as ConfigView;
}

function validParts(schema: z.ZodType, value: unknown): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const parts: Record<string, unknown> = {};
    for (const [key, fieldSchema] of Object.entries(inner.shape)) {
      const part = validParts(fieldSchema as z.ZodType, (value as Record<string, unknown>)[key]);
      if (part !== undefined) parts[key] = part;
    }
    return parts;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const element = inner.element as z.ZodType;
    return value.map((item: unknown) => {
      const parsed = element.safeParse(item);
      return parsed.success ? parsed.data : undefined;
    });
  }
  return undefined;
}

/** The schema under `.default()`, `.prefault()` and `.optional()` wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodOptional) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
