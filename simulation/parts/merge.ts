/**
 * How the report and each window join what the parts add: a key one part sets is taken as is; a
 * key two parts set must be an object both add to (a window's `stages`: one summary each), never
 * the same inner key twice. Anything else is a mistake in a part, and an error naming the key.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds the keys of `more` to `into` (see above); `where` names the whole in the error ("the report"). */
export function mergeKeys(into: Record<string, unknown>, more: object, where: string): void {
  for (const k in more) {
    if (!Object.hasOwn(more, k)) continue;
    const v = (more as Record<string, unknown>)[k];
    if (!Object.hasOwn(into, k)) {
      into[k] = v;
      continue;
    }
    const had = into[k];
    if (!isObject(had) || !isObject(v)) throw new Error(`${where}: two parts set ${k}`);
    const both = Object.keys(v).find((inner) => Object.hasOwn(had, inner));
    if (both !== undefined) throw new Error(`${where}: two parts set ${k}.${both}`);
    into[k] = { ...had, ...v };
  }
}

/**
 * The keys of `merged` in the order of `keys` (the registry's top-level ids), after `head`; a key
 * with no place there is an error naming it.
 */
export function inRegistryOrder(head: Record<string, unknown>, merged: Record<string, unknown>, keys: readonly string[], where: string): Record<string, unknown> {
  for (const key of keys) if (Object.hasOwn(merged, key)) head[key] = merged[key];
  const unplaced = Object.keys(merged).filter((k) => !Object.hasOwn(head, k));
  if (unplaced.length > 0) throw new Error(`${where}: ${unplaced.join(', ')} ${unplaced.length > 1 ? 'have' : 'has'} no figure in the registry, so no place`);
  return head;
}
