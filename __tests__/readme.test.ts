import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../core/project';
import { gatewayConfigSchema } from '../config/schema';

interface Node {
  properties?: Record<string, Node>;
  items?: Node;
  oneOf?: Node[];
  type?: string | string[];
}

/** Every configurable path: `models[].limits.maxInputs`, `tags`, ... */
function fieldPaths(node: Node, prefix = ''): string[] {
  const variants = node.oneOf ?? [node];
  return variants.flatMap((variant) => {
    if (variant.properties) {
      return Object.entries(variant.properties).flatMap(([key, child]) => {
        const here = prefix ? `${prefix}.${key}` : key;
        const nested = child.items ? fieldPaths(child.items, `${here}[]`) : fieldPaths(child, here);
        return nested.length ? (child.items ? [here, ...nested] : nested) : [here];
      });
    }
    return [];
  });
}

describe('README', () => {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

  test('the Quick start is exactly the two commands', () => {
    const quickStart = readme.split('## Quick start')[1]!.split('```sh')[1]!.split('```')[0]!.trim();
    expect(quickStart.split('\n')).toEqual(['npm ci && npm run synth', 'npm test']);
  });

  test('the configuration reference documents every field of the schema', () => {
    const schema = z.toJSONSchema(gatewayConfigSchema, { io: 'input' }) as Node;
    const paths = [...new Set(fieldPaths(schema))];
    expect(paths).toEqual(expect.arrayContaining(['app', 'dns.apiDomain', 'models[].limits.maxInputs']));
    const reference = readme.split('## Configuration reference')[1]!.split('\n## ')[0]!;
    const missing = paths.filter((p) => !reference.includes(`| \`${p}\` |`));
    expect(missing).toEqual([]);
  });
});

describe('docs/security.md', () => {
  test('lists every guardrail, as the rule pack defines it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderRulesTable } = require('../guardrails/docs') as typeof import('../guardrails/docs');
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'security.md'), 'utf8')).toContain(renderRulesTable());
  });
});
