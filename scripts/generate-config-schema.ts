/**
 * Writes config/gateway-config.schema.json from the zod schema, so editors (through the
 * `yaml-language-server` comment at the top of each config file) autocomplete and validate the
 * YAML. Run `npm run schema` after changing config/schema/; a test fails when it is stale.
 */
import * as fs from 'fs';
import { CONFIG_JSON_SCHEMA_FILE, renderConfigJsonSchema } from '../config/json-schema';
import { runCli } from '../app/cli';

runCli(() => {
  fs.writeFileSync(CONFIG_JSON_SCHEMA_FILE, renderConfigJsonSchema());
  console.log(`wrote ${CONFIG_JSON_SCHEMA_FILE}`);
});
