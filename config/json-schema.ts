/** The configuration schema as a JSON Schema document, for editors and other tools. */
import * as path from 'path';
import { z } from 'zod';
import { CONFIG_DIR } from './load';
import { gatewayConfigSchema } from './schema';

/** Where the published JSON Schema lives, next to the YAML files that reference it. */
export const CONFIG_JSON_SCHEMA_FILE = path.join(CONFIG_DIR, 'gateway-config.schema.json');

/** The JSON Schema text, as committed (stable key order, trailing newline). */
export function renderConfigJsonSchema(): string {
  const schema = z.toJSONSchema(gatewayConfigSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    title: 'global-ai-gateway environment configuration',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
