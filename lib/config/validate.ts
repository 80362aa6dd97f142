/**
 * Validates a parsed configuration document: the schema first, then the cross-field rules over
 * every part the schema accepted, so a single run reports every problem in the file.
 */
import { z } from 'zod';
import type { ConfigIssue } from '../errors';
import { translateIssues } from './issues';
import { checkConfigRules, type ConfigView } from './rules';
import { gatewayConfigSchema, type GatewayConfig } from './schema';

/** The outcome of validation: a configuration only when there is no issue at all. */
export type ValidationResult =
  | { readonly config: GatewayConfig; readonly issues: readonly [] }
  | { readonly config?: undefined; readonly issues: readonly ConfigIssue[] };

/** Validates a configuration document (already parsed from YAML). */
export function validateConfigDocument(raw: Record<string, unknown>): ValidationResult {
  const parsed = gatewayConfigSchema.safeParse(raw);
  const issues: ConfigIssue[] = parsed.success
    ? []
    : translateIssues(gatewayConfigSchema, raw, parsed.error.issues);
  issues.push(...checkConfigRules(parsed.success ? parsed.data : partialView(raw)));
  if (parsed.success && issues.length === 0) return { config: parsed.data, issues: [] };
  return { issues };
}

/** Every top-level field that is valid on its own, and for lists every valid entry. */
function partialView(raw: Record<string, unknown>): ConfigView {
  const view: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(gatewayConfigSchema.shape)) {
    const value = raw[key];
    const whole = (fieldSchema as z.ZodType).safeParse(value);
    if (whole.success) {
      view[key] = whole.data;
    } else if (fieldSchema instanceof z.ZodArray && Array.isArray(value)) {
      const element = fieldSchema.element as z.ZodType;
      view[key] = value.map((item: unknown) => {
        const parsed = element.safeParse(item);
        return parsed.success ? parsed.data : undefined;
      });
    }
  }
  return view as ConfigView;
}
