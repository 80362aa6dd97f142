import * as fs from 'fs';
import { App, Aspects } from 'cdktf';
import { loadConfig } from '../lib/config/load';
import { defineEnvironment } from '../stacks/environment';
import { configureTokenStackTraces } from '../lib/token-stack-traces';
import { GuardrailsAspect } from '../guardrails/aspect';
import { RULE_IDS } from '../guardrails/pack';
configureTokenStackTraces();
const config = loadConfig();
for (const skip of [false, true, false, true]) {
  fs.rmSync('/tmp/o-ph', { recursive: true, force: true });
  const t0 = performance.now();
  const app = new App({ outdir: '/tmp/o-ph', skipValidation: skip });
  const env = defineEnvironment(app, config);
  for (const s of [env.global, ...env.regions, env.control]) Aspects.of(s).add(new GuardrailsAspect(RULE_IDS));
  const t1 = performance.now();
  const stacks = app.node.findAll().filter((c: any) => c.prepareStack) as any[];
  stacks.forEach((s) => s.prepareStack());
  const t2 = performance.now();
  const session = { outdir: '/tmp/o-ph', skipValidation: skip, manifest: (app as any).manifest };
  let tt = 0;
  for (const s of stacks) {
    const orig = s.toTerraform.bind(s);
    s.toTerraform = () => { const a = performance.now(); const r = orig(); tt += performance.now() - a; return r; };
    s.synthesizer.synthesize(session);
  }
  const t3 = performance.now();
  if (!skip) app.node.validate();
  const t4 = performance.now();
  console.log({ skip, define: (t1 - t0).toFixed(0), prepare: (t2 - t1).toFixed(0), synthesize: (t3 - t2).toFixed(0), ofWhichToTerraform: tt.toFixed(0), appValidate: (t4 - t3).toFixed(0) });
}
