import { Service } from '#gen/kong/service';
import { TerraformVariable } from 'cdktf';
import { GatewayService } from '../../../constructs/kong/gateway-service';
import { testConfig } from '../../support/config';
import { kongPlugins, plugin } from '../../support/kong';
import type { TerraformJson } from '../../support/synth';
import { synthConstructsText } from '../../support/synth';

const kong = testConfig({ kong: { ...testConfig().kong } }).kong;

function synthService(options: { key?: boolean; cors?: boolean; aiMetrics?: boolean } = {}): string {
  return synthConstructsText((scope) => {
    const key = new TerraformVariable(scope, 'upstream_key', { type: 'string', sensitive: true });
    new GatewayService(scope, 'svc', {
      name: 'aigw-test-models',
      host: 'aigw-test-models.upstream',
      port: 443,
      connection: kong.service,
      upstreamApiKey: options.key ? key.stringValue : undefined,
      cors: options.cors ? { settings: { origins: ['https://app.example.com'], credentials: false, maxAgeSeconds: 600 }, kong } : undefined,
      aiMetrics: options.aiMetrics,
      tags: ['app:aigw'],
    });
  });
}

describe('GatewayService', () => {
  test('talks HTTPS to its host with the configured timeouts, retries and TLS verification', () => {
    expect(synthService()).toHaveResourceWithProperties(Service, {
      name: 'aigw-test-models',
      protocol: 'https',
      host: 'aigw-test-models.upstream',
      port: 443,
      connect_timeout: 5000,
      read_timeout: 29000,
      write_timeout: 29000,
      retries: 2,
      tls_verify: true,
    });
  });

  test('always sets correlation ids (echoed and forwarded) and Prometheus metrics', () => {
    const json = JSON.parse(synthService()) as TerraformJson;
    expect(plugin(json, 'correlation-id').config).toEqual({ header_name: 'Kong-Request-ID', generator: 'uuid#counter', echo_downstream: true });
    expect(plugin(json, 'prometheus').config).toEqual({
      per_consumer: true,
      status_code_metrics: true,
      latency_metrics: true,
      bandwidth_metrics: true,
      upstream_health_metrics: true,
    });
    expect(kongPlugins(json).map((p) => p.name).sort()).toEqual(['correlation-id', 'prometheus']);
    expect(kongPlugins(json).every((p) => p.scope === 'service')).toBe(true);
  });

  test('injects the upstream key by removing the client’s x-api-key, then adding its own', () => {
    const json = JSON.parse(synthService({ key: true })) as TerraformJson;
    expect(plugin(json, 'request-transformer').config).toBe(
      '${jsonencode({"remove" = {"headers" = ["x-api-key"]}, "add" = {"headers" = ["x-api-key:${var.upstream_key}"]}})}',
    );
  });

  test('adds CORS only when configured, allowing the key header and exposing the correlation id', () => {
    const json = JSON.parse(synthService({ cors: true })) as TerraformJson;
    expect(plugin(json, 'cors').config).toEqual({
      origins: ['https://app.example.com'],
      methods: ['POST', 'OPTIONS'],
      headers: ['Content-Type', 'apikey'],
      exposed_headers: ['Kong-Request-ID', 'x-request-id'],
      credentials: false,
      max_age: 600,
      preflight_continue: false,
    });
  });

  test('exports AI metrics for LLM services', () => {
    const json = JSON.parse(synthService({ aiMetrics: true })) as TerraformJson;
    expect(plugin(json, 'prometheus').config).toMatchObject({ ai_metrics: true });
  });
});
