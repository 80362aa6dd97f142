import { planStack } from '../support/terraform-plan';
import { REMOTE_API_KEY_PLACEHOLDER, synthesizeConfigured, terraformErrors } from '../support/terraform-proof';

// The proof's secret check can fail: the same stack with the key read bare prints it.
describe('the terraform proof itself', () => {
  test('a key read from remote state without sensitive() shows in clear in a later plan', () => {
    const { app } = synthesizeConfigured('dev');
    try {
      const control = app.stack('aigw-dev-control');
      const bare = JSON.parse(JSON.stringify(control).split(`sensitive(${REMOTE_API_KEY_PLACEHOLDER.replace('standin:', '')})`).join(REMOTE_API_KEY_PLACEHOLDER.replace('standin:', ''))) as typeof control;
      expect(JSON.stringify(bare)).not.toEqual(JSON.stringify(control));
      const { run } = planStack(bare, 'known', { json: false });
      expect(terraformErrors(run.output)).toEqual([]);
      expect(run.output).toContain(REMOTE_API_KEY_PLACEHOLDER);
      expect(planStack(control, 'known', { json: false }).run.output).not.toContain(REMOTE_API_KEY_PLACEHOLDER);
    } finally {
      app.cleanup();
    }
  });
});
