/** Flattens nested numbers into dotted names, the way the CLI report names them. */
export function flatten(value: unknown, prefix = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([prefix, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}
