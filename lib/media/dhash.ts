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

/** How many of the 64 bits two hashes differ in. */
export function hammingDistance(a: string, b: string): number {
  const [x, y] = [halves(a), halves(b)];
  return popcount(x[0] ^ y[0]) + popcount(x[1] ^ y[1]);
}

/** A hash as its two 32-bit halves: comparing those is a few machine operations, not 16 parsed characters. */
const halves = (hash: string): [number, number] => [parseInt(hash.slice(0, 8), 16), parseInt(hash.slice(8, 16), 16)];

function popcount(n: number): number {
  let v = n >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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
  const hi = Uint32Array.from(items, (item) => parseInt(item.dhash.slice(0, 8), 16));
  const lo = Uint32Array.from(items, (item) => parseInt(item.dhash.slice(8, 16), 16));
  const parent = Int32Array.from(items, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const [start, end] of bandsOf(max + 1)) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < items.length; i++) {
      const key = bandOf(hi[i], lo[i], start, end);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        const i = bucket[x];
        for (let y = x + 1; y < bucket.length; y++) {
          const j = bucket[y];
          if (popcount(hi[i] ^ hi[j]) + popcount(lo[i] ^ lo[j]) <= max) parent[root(i)] = root(j);
        }
      }
    }
  }
  const groups = new Map<number, string[]>();
  items.forEach((item, i) => {
    const group = groups.get(root(i));
    if (group) group.push(item.id);
    else groups.set(root(i), [item.id]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** `count` bit ranges covering 64 bits as evenly as they can. */
function bandsOf(count: number): [number, number][] {
  return Array.from({ length: count }, (_, i) => [Math.floor((i * 64) / count), Math.floor(((i + 1) * 64) / count)]);
}

/** Bits `start` to `end` (from the most significant, end exclusive, at most 32 of them) of a hash, as a number. */
function bandOf(hi: number, lo: number, start: number, end: number): number {
  const big = (BigInt(hi) << 32n) | BigInt(lo);
  return Number((big >> BigInt(64 - end)) & ((1n << BigInt(end - start)) - 1n));
}
