import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { CONFIG_JSON_SCHEMA_FILE, renderConfigJsonSchema } from '../../config/json-schema';
import { availableEnvironments, CONFIG_DIR } from '../../config/load';
import { configDocument, modelDocument } from '../support/config';

describe('published JSON Schema', () => {
  const schema = JSON.parse(fs.readFileSync(CONFIG_JSON_SCHEMA_FILE, 'utf8')) as object;
  // `format: date` fields carry zod's date pattern too, which Ajv checks; the format name alone adds nothing.
  const validate = new Ajv2020({ strict: false, allErrors: true, formats: { date: true } }).compile(schema);

  test('is up to date with config/schema/ (run `npm run schema` to regenerate)', () => {
    expect(fs.readFileSync(CONFIG_JSON_SCHEMA_FILE, 'utf8')).toBe(renderConfigJsonSchema());
  });

  test.each(availableEnvironments())('accepts config/%s.yaml, so editors show no false errors', (environment) => {
    const document = parse(fs.readFileSync(path.join(CONFIG_DIR, `${environment}.yaml`), 'utf8')) as unknown;
    expect(validate(document)).toBe(true);
  });

  test('every config file points editors at it', () => {
    for (const environment of availableEnvironments()) {
      const firstLine = fs.readFileSync(path.join(CONFIG_DIR, `${environment}.yaml`), 'utf8').split('\n')[0];
      expect(firstLine).toBe('# yaml-language-server: $schema=./gateway-config.schema.json');
    }
  });

  test('rejects what the zod schema rejects: unknown keys, bad regions, out-of-range values', () => {
    expect(validate(configDocument({ modles: [] }))).toBe(false);
    expect(validate(configDocument({ regions: ['mars-1'] }))).toBe(false);
    expect(validate(configDocument({ models: [modelDocument({ name: 'sentiment', timeoutSeconds: 30 })] }))).toBe(false);
    expect(validate(configDocument())).toBe(true);
  });
});
