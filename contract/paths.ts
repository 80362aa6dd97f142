/**
 * Paths both sides name: the URL paths of the model API (a model under `/v1/<model>`, the health
 * check Kong probes) and how a place in a JSON or YAML document is written in messages, by the
 * configuration and the model host alike.
 */

/** Formats a path the way the docs and JSON Schema tools write it: `models[1].memoryMb`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(document root)';
}

/** The URL path of a model. */
export function modelPath(model: string): string {
  return `/${MODEL_PATH_PREFIX}/${model}`;
}

/** Every model lives under this path segment, so the API can grow a /v2 without breaking clients. */
export const MODEL_PATH_PREFIX = 'v1';

/** The path of the unauthenticated health check Kong probes. */
export const HEALTH_PATH = 'health';
