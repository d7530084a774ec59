/** The number at a dotted figure id in a report or a window (own keys only), or undefined when it has none there. */
export function numberAt(obj: unknown, id: string): number | undefined {
  let o: unknown = obj;
  for (const key of id.split('.')) {
    if (o === null || typeof o !== 'object' || !Object.hasOwn(o, key)) return undefined;
    o = (o as Record<string, unknown>)[key];
  }
  return typeof o === 'number' ? o : undefined;
}
