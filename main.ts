/**
 * The cdktf app: loads one environment's configuration (GATEWAY_ENV, default `dev`, or the file in
 * GATEWAY_CONFIG), validates it before any construct exists, and synthesizes its stacks. On invalid
 * configuration it prints every problem and exits non-zero, leaving the previous cdktf.out alone.
 */
import { App } from 'cdktf';
import { runCli } from './lib/cli';
import { loadConfig } from './lib/config/load';
import { defineEnvironment } from './stacks/environment';

runCli(() => {
  const config = loadConfig();
  const app = new App();
  defineEnvironment(app, config);
  app.synth();
});
