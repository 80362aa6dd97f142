/**
 * What the kevholditch/kong provider (6.5.1) sends to Kong's Admin API for a synthesized resource,
 * read in its Go source at tag v6.5.1 (commit c76ec533a0e585e71c68f3d9c0b5dbb7eb4a1b28) and in the
 * go-kong client it pins (v0.28.0, commit f5415d48e3f399751cf5b9ec1075e6389b19c531). The provider
 * reads most fields with terraform-plugin-sdk's `GetOk`, which reports a zero value as not set
 * (sdk v2.10.1 helper/schema/resource_data.go:84-99), and go-kong's structs tag every field
 * `omitempty`: a 0 the configuration sets is never sent, and Kong applies its own default.
 */

type Values = Readonly<Record<string, unknown>>;

/** A request the provider makes. */
export interface AdminRequest {
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/** `GetOk`: a value counts only when it is not its type's zero value. */
function getOk(values: Values, key: string): unknown {
  const value = values[key];
  if (value === undefined || value === null || value === 0 || value === '' || value === false) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

/** Drops undefined fields, as go-kong's `omitempty` pointers do. */
function omitEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/**
 * The body of `POST /upstreams/<upstream>/targets` for a `kong_target`
 * (kong/resource_kong_target.go:128-137 builds it, `Weight: readIntPtrFromResource(d, "weight")` at
 * line 134, a `GetOk` read at kong/resource_reader.go:97-102; go-kong kong/types.go:239-246 orders
 * and tags the fields; kong/target_service.go:42-48 posts it). A weight of 0 is left out, so Kong
 * stores its default, 100.
 */
export function targetCreateRequest(values: Values): AdminRequest {
  const upstream = String(values['upstream_id']);
  return {
    method: 'POST',
    path: `/upstreams/${upstream}/targets`,
    body: omitEmpty({
      target: getOk(values, 'target'),
      upstream: { id: upstream },
      weight: getOk(values, 'weight'),
      tags: getOk(values, 'tags'),
    }),
  };
}

/**
 * The TLS fields of `POST /services` for a `kong_service` (kong/resource_kong_service.go:258-280):
 * `tls_verify` is read with `GetOkExists`, so an explicit false is sent; `tls_verify_depth` with
 * `GetOk`, so 0 is not; go-kong kong/types.go:28-30 tags both `omitempty`.
 */
export function serviceTlsFields(values: Values): Record<string, unknown> {
  return omitEmpty({
    tls_verify: typeof values['tls_verify'] === 'boolean' ? values['tls_verify'] : undefined,
    tls_verify_depth: getOk(values, 'tls_verify_depth'),
    ca_certificates: getOk(values, 'ca_certificate_ids'),
  });
}

/** A setting the configuration makes that the provider would not send, with what Kong does instead. */
export interface DroppedSetting {
  readonly field: string;
  readonly configured: unknown;
  readonly instead: string;
}

/** The settings of a synthesized Kong resource that never reach Kong. */
export function droppedSettings(type: string, values: Values): DroppedSetting[] {
  if (type === 'kong_target') {
    const sent = targetCreateRequest(values).body;
    if (values['weight'] !== undefined && sent['weight'] === undefined) {
      return [{ field: 'weight', configured: values['weight'], instead: "Kong's default weight, 100" }];
    }
  }
  if (type === 'kong_service') {
    const sent = serviceTlsFields(values);
    if (values['tls_verify_depth'] !== undefined && sent['tls_verify_depth'] === undefined) {
      return [{ field: 'tls_verify_depth', configured: values['tls_verify_depth'], instead: "the node's proxy_ssl_verify_depth" }];
    }
  }
  return [];
}
