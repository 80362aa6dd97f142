/** The rule pack as documentation. */
import { RULES } from './pack';
import { EVERY_BLOCK } from './rule';

/** A Markdown table of every rule: id, level, checkov checks, resources, finding. */
export function renderRulesTable(): string {
  const rows = RULES.map(
    (r) => `| \`${r.id}\` | ${r.level} | ${r.checkov.length ? r.checkov.join(', ') : 'project'} | ${r.resourceTypes.map((t) => (t === EVERY_BLOCK ? 'every resource, data source and output' : `\`${t}\``)).join(', ')} | ${r.finding} |`,
  );
  return ['| Rule | Level | Checks | Resources | Finding |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
