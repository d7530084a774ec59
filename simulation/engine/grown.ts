type TypedArray = Float64Array | Int32Array | Uint16Array | Uint8Array;

/** A copy of `a` with room for `n` elements (the rest zero). */
export function grown<T extends TypedArray>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
