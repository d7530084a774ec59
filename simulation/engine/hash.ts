/**
 * Integer hashing for placing keys on shards, partitions, cache nodes and hash rings: the
 * murmur3 32-bit finaliser, salted per purpose so the placements are independent.
 */
export function hash32(key: number, salt: number): number {
  let h = (key ^ Math.imul(salt, 0x9e3779b1)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
