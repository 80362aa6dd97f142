/** How a place in a JSON or YAML document is written in messages, by the configuration and the model host alike. */

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
