import { describe, expect, it } from 'vitest';
import { dhashOf, hammingDistance, isPlain, nearGroups, NEAR_DISTANCE } from '@/lib/media/dhash';

/** A 9×8 grey grid from a function of column and row. */
const grid = (f: (x: number, y: number) => number) =>
  Array.from({ length: 72 }, (_, i) => Math.max(0, Math.min(255, Math.round(f(i % 9, Math.floor(i / 9))))));

/** A hash with bits set by a seeded pattern: far from plain, and different for every seed. */
const patterned = (seed: number) =>
  dhashOf(grid((x, y) => ((Math.sin(seed * 12.9898 + x * 78.233 + y * 37.719) * 43758.5453) % 1) * 127 + 128));

describe('dhashOf', () => {
  it('sets a bit where a pixel is brighter than its right neighbour, row by row', () => {
    expect(dhashOf(grid((x) => 255 - x * 20))).toBe('ffffffffffffffff');
    expect(dhashOf(grid((x) => x * 20))).toBe('0000000000000000');
    // First row falls then rises in pairs of bits: 1,1,0,0,1,1,0,0 = 0xcc; other rows flat.
    expect(dhashOf(grid((x, y) => (y === 0 ? [9, 6, 3, 4, 5, 2, 1, 7, 8][x] * 20 : 100)))).toBe('cc00000000000000');
  });

  it('refuses a grid of the wrong size', () => {
    expect(() => dhashOf([1, 2, 3])).toThrow(/72 grey levels/);
  });

  it('hardly changes when the grey levels shift or scale (a recompressed or re-exposed copy)', () => {
    const picture = (x: number, y: number) => 128 + 60 * Math.sin(x * 1.3 + y * 0.7) + 30 * Math.cos(y * 2.1 - x);
    const original = dhashOf(grid(picture));
    expect(dhashOf(grid((x, y) => picture(x, y) * 0.9 + 8))).toBe(original);
    expect(
      hammingDistance(dhashOf(grid((x, y) => picture(x, y) + ((x * 7 + y * 3) % 3) - 1)), original),
    ).toBeLessThanOrEqual(NEAR_DISTANCE);
  });
});

describe('hammingDistance', () => {
  it('counts the differing bits of two 64-bit hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('f0f0f0f0f0f0f0f0', '0f0f0f0f0f0f0f0f')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('a5a5a5a5a5a5a5a5', 'a5a5a5a5a5a5a5a4')).toBe(1);
  });
});

describe('isPlain', () => {
  it('is true for hashes with almost no edges (flat colours, smooth gradients)', () => {
    expect(isPlain('0000000000000000')).toBe(true);
    expect(isPlain('ffffffffffffffff')).toBe(true);
    expect(isPlain('0000000000000007')).toBe(true);
    expect(isPlain('000000000000000f')).toBe(false);
    expect(isPlain(patterned(1))).toBe(false);
  });
});

describe('nearGroups', () => {
  const flip = (hash: string, bits: number[]) => {
    let n = BigInt(`0x${hash}`);
    for (const b of bits) n ^= 1n << BigInt(b);
    return n.toString(16).padStart(16, '0');
  };

  it('groups hashes within the distance, transitively, and leaves the rest out', () => {
    const a = patterned(1);
    const b = patterned(2);
    const groups = nearGroups([
      { id: 'a', dhash: a },
      { id: 'a-resized', dhash: flip(a, [0, 9, 18, 27, 36, 45]) }, // 6 bits, spread over every band
      { id: 'a-recompressed', dhash: flip(a, [63]) },
      { id: 'b', dhash: b },
      { id: 'b-far', dhash: flip(b, [1, 2, 3, 4, 5, 6, 7]) }, // 7 bits: not near
    ]);
    expect(hammingDistance(a, b)).toBeGreaterThan(NEAR_DISTANCE);
    expect(groups.map((g) => g.sort())).toEqual([['a', 'a-recompressed', 'a-resized']]);
  });

  it('finds a pair at exactly the distance whichever bits differ', () => {
    const a = patterned(3);
    for (let start = 0; start < 64; start += 5) {
      const bits = Array.from({ length: NEAR_DISTANCE }, (_, i) => (start + i * 11) % 64);
      expect(
        nearGroups([
          { id: 'a', dhash: a },
          { id: 'b', dhash: flip(a, bits) },
        ]),
      ).toHaveLength(1);
    }
  });

  it('leaves plain hashes out: flat colours are not near-duplicates of each other', () => {
    expect(
      nearGroups([
        { id: 'red', dhash: '0000000000000000' },
        { id: 'blue', dhash: '0000000000000000' },
      ]),
    ).toEqual([]);
  });
});
