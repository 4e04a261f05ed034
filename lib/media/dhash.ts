// Perceptual hashing for near-duplicates (docs/duplicates.md): pure, so the unit tests hold it to its numbers.

/** The grid a difference hash is taken from: 9 columns by 8 rows of grey levels, row by row. */
export const DHASH_WIDTH = 9;
export const DHASH_HEIGHT = 8;

/** Two images whose hashes differ in at most this many of 64 bits are listed as near-duplicates. */
export const NEAR_DISTANCE = 6;

/**
 * A 64-bit difference hash as 16 hex characters: bit i is set when a grey pixel is brighter than its right
 * neighbour, so it survives resizing and recompression but not a different picture.
 * @example dhashOf(grey9x8) // "f0e4c8d0b0a09080"
 */
export function dhashOf(grey: ArrayLike<number>): string {
  if (grey.length !== DHASH_WIDTH * DHASH_HEIGHT)
    throw new Error(`dhashOf needs ${DHASH_WIDTH * DHASH_HEIGHT} grey levels`);
  let hex = '';
  for (let row = 0; row < DHASH_HEIGHT; row++) {
    let byte = 0;
    for (let col = 0; col < DHASH_WIDTH - 1; col++) {
      const left = grey[row * DHASH_WIDTH + col];
      const right = grey[row * DHASH_WIDTH + col + 1];
      byte = (byte << 1) | (left > right ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

const BITS = Array.from({ length: 16 }, (_, n) => (n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + ((n >> 3) & 1));

/** How many of the 64 bits two hashes differ in. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i++) distance += BITS[parseInt(a[i], 16) ^ parseInt(b[i], 16)];
  return distance;
}

/** Set bits of a hash: 0 or 64 (or close) is a picture without edges, a flat colour or a smooth gradient. */
const setBits = (hash: string) => hammingDistance(hash, '0000000000000000');

/** A hash with too few edges to tell pictures apart: every flat colour has the same one. */
export const isPlain = (hash: string) => setBits(hash) < PLAIN_BITS || setBits(hash) > 64 - PLAIN_BITS;
const PLAIN_BITS = 4;

/**
 * Groups of near-duplicates among these hashes (each group two or more ids, linked by distances ≤ `max`); plain
 * hashes ({@link isPlain}) are left out, or every flat-colour image would be a near-duplicate of every other.
 * Only pairs that share one of `max + 1` bands of the hash are compared: two hashes within `max` bits must agree
 * on at least one band (pigeonhole), so this finds every pair without comparing every hash with every other.
 */
export function nearGroups(all: { id: string; dhash: string }[], max = NEAR_DISTANCE): string[][] {
  const items = all.filter((item) => !isPlain(item.dhash));
  const parent = new Map(items.map((item) => [item.id, item.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const bands = bandsOf(max + 1);
  for (const [start, end] of bands) {
    const buckets = new Map<string, typeof items>();
    for (const item of items) {
      const key = bitsOf(item.dhash).slice(start, end);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(item);
      else buckets.set(key, [item]);
    }
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const [a, b] = [root(bucket[i].id), root(bucket[j].id)];
          if (a !== b && hammingDistance(bucket[i].dhash, bucket[j].dhash) <= max) parent.set(a, b);
        }
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const group = groups.get(root(item.id));
    if (group) group.push(item.id);
    else groups.set(root(item.id), [item.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** `count` bit ranges covering 64 bits as evenly as they can. */
function bandsOf(count: number): [number, number][] {
  return Array.from({ length: count }, (_, i) => [Math.floor((i * 64) / count), Math.floor(((i + 1) * 64) / count)]);
}

const bitCache = new Map<string, string>();
function bitsOf(hex: string): string {
  let bits = bitCache.get(hex);
  if (bits === undefined) {
    bits = [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('');
    if (bitCache.size > 200_000) bitCache.clear();
    bitCache.set(hex, bits);
  }
  return bits;
}
