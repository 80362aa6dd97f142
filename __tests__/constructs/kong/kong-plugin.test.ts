import { Plugin } from '#gen/kong/plugin';
import { TerraformVariable } from 'cdktf';
import { KongPlugin } from '../../../constructs/kong/kong-plugin';
import { onlyResource, synthConstructs, synthConstructsText } from '../../support/synth';
import { evaluateWithTerraform, hasTerraform } from '../../support/terraform';

const tricky = 'quote " backslash \\ dollar-brace ${x} percent-brace %{y} newline \n tab \t end';

function configJsonOf(build: (scope: import('constructs').Construct) => void): string {
  return onlyResource(synthConstructs(build), 'kong_plugin')['config_json'] as string;
}

describe('KongPlugin', () => {
  test('writes a configuration without references as literal JSON, scoped as asked', () => {
    const synthesized = synthConstructsText((scope) => {
      new KongPlugin(scope, 'acl', { name: 'acl', config: { allow: ['nlp'], hide_groups_header: true }, scope: { routeId: 'route-1' }, tags: ['app:aigw'] });
    });
    expect(synthesized).toHaveResourceWithProperties(Plugin, { name: 'acl', route_id: 'route-1', enabled: true, tags: ['app:aigw'] });
    const plugin = onlyResource(JSON.parse(synthesized), 'kong_plugin');
    expect(JSON.parse(plugin['config_json'] as string)).toEqual({ allow: ['nlp'], hide_groups_header: true });
    expect(plugin).not.toHaveProperty('service_id');
  });

  test('escapes ${ and %{ in literal JSON so Terraform never interpolates a value', () => {
    const json = configJsonOf((scope) => new KongPlugin(scope, 'p', { name: 'cors', config: { text: tricky }, scope: { serviceId: 's' }, tags: [] }));
    expect(json).toContain('$${x}');
    expect(json).toContain('%%{y}');
    expect(json).not.toMatch(/(^|[^$])\$\{x\}/);
  });

  test('renders a configuration holding a reference with jsonencode, never the referenced value', () => {
    const json = configJsonOf((scope) => {
      const secret = new TerraformVariable(scope, 'secret', { type: 'string', sensitive: true });
      new KongPlugin(scope, 'p', { name: 'request-transformer', config: { add: { headers: [`x-api-key:${secret.stringValue}`] } }, scope: { serviceId: 's' }, tags: [] });
    });
    expect(json).toBe('${jsonencode({"add" = {"headers" = ["x-api-key:${var.secret}"]}})}');
  });

  (hasTerraform ? test : test.skip)('terraform evaluates both forms to exactly the configured JSON (tricky text and secret)', () => {
    const secretValue = 'se"cr\\et ${not-a-ref}';
    const synthesized = synthConstructs((scope) => {
      const secret = new TerraformVariable(scope, 'secret', { type: 'string', sensitive: true });
      new KongPlugin(scope, 'literal', { name: 'cors', config: { text: tricky, n: 1, list: [true, null] }, scope: { serviceId: 's' }, tags: [] });
      new KongPlugin(scope, 'referenced', { name: 'ai-proxy', config: { text: tricky, auth: { header_value: `Bearer ${secret.stringValue}` } }, scope: { routeId: 'r' }, tags: [] });
    });
    const plugins = Object.values(synthesized.resource!['kong_plugin']!) as { name: string; config_json: string }[];
    const locals = Object.fromEntries(plugins.map((p) => [p.name.replace('-', '_'), p.config_json]));
    const evaluated = evaluateWithTerraform(locals, { secret: secretValue });
    expect(JSON.parse(evaluated['cors'] as string)).toEqual({ text: tricky, n: 1, list: [true, null] });
    expect(JSON.parse(evaluated['ai_proxy'] as string)).toEqual({ text: tricky, auth: { header_value: `Bearer ${secretValue}` } });
  });

  test('refuses a plugin with no scope (this project creates no global plugins)', () => {
    expect(() => synthConstructsText((scope) => new KongPlugin(scope, 'p', { name: 'acl', config: {}, scope: {}, tags: [] }))).toThrow(
      'KongPlugin: acl has no scope; give it a service, a route or a consumer',
    );
  });

  test('refuses text that would need escaping inside a string that carries a reference', () => {
    expect(() =>
      synthConstructsText((scope) => {
        const secret = new TerraformVariable(scope, 'secret', { type: 'string' });
        new KongPlugin(scope, 'p', { name: 'ai-proxy', config: { v: `"${secret.stringValue}"` }, scope: { routeId: 'r' }, tags: [] });
      }),
    ).toThrow(/combines a reference with quotes, backslashes or template sequences/);
  });
});
