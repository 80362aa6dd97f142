/**
 * `npm run render:dashboard`: draws the environment's CloudWatch dashboard (GATEWAY_ENV, default
 * dev) from its synthesized definition into docs/dashboard-<env>.svg, the picture in the README.
 * A test checks that the committed picture is the one the current definition draws.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../app/cli';
import { synthesizeGuarded } from '../app/synth';
import { loadConfig } from '../config/load';
import { PROJECT_ROOT } from '../core/project';
import { readSynthesizedStacks } from '../guardrails/scan';
import { dashboardPicturePath, renderEnvironmentDashboard } from '../tooling/dashboard-picture';

runCli(() => {
  const config = loadConfig();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-dashboard-'));
  try {
    synthesizeGuarded(config, out);
    const stacks = readSynthesizedStacks(out).map(({ file }) => JSON.parse(fs.readFileSync(file, 'utf8')) as object);
    const file = dashboardPicturePath(config.environment);
    fs.writeFileSync(file, renderEnvironmentDashboard(stacks, config.environment));
    console.log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
