import { encode } from 'blurhash';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { encodeBlurhash } from '@/lib/media/blurhash';

/** A seeded generator (mulberry32), so a failure names pixels that can be made again. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const same = (pixels: Uint8ClampedArray, width: number, height: number, x: number, y: number) =>
  expect(encodeBlurhash(pixels, width, height, x, y), `${width}×${height}, ${x}×${y} components`).toBe(
    encode(pixels, width, height, x, y),
  );

it('gives the blurhash package’s string for noise, of every size and number of components', () => {
  const next = random(7);
  for (let n = 0; n < 300; n++) {
    const width = 1 + Math.floor(next() * 40);
    const height = 1 + Math.floor(next() * 40);
    const pixels = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(next() * 256);
    same(pixels, width, height, 1 + Math.floor(next() * 9), 1 + Math.floor(next() * 9));
  }
});

it('gives the package’s string for flat colours, gradients and photographs at 32 and 64 px', async () => {
  const cases: { pixels: Uint8ClampedArray; width: number; height: number }[] = [];
  for (const value of [0, 1, 127, 254, 255]) {
    cases.push({ pixels: new Uint8ClampedArray(32 * 32 * 4).fill(value), width: 32, height: 32 });
  }
  const gradient = new Uint8ClampedArray(64 * 48 * 4);
  for (let i = 0; i < gradient.length; i += 4) {
    const x = (i / 4) % 64;
    const y = Math.floor(i / 4 / 64);
    gradient.set([x * 4, y * 5, 255 - x * 2, 255], i);
  }
  cases.push({ pixels: gradient, width: 64, height: 48 });
  for (const [width, height] of [
    [64, 43],
    [32, 21],
    [21, 32],
  ]) {
    // A picture with edges and smooth parts, as sharp makes the copy placeholders are computed from.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width * 8}" height="${height * 8}">
      <rect width="100%" height="100%" fill="#2a6fdb"/><circle cx="40%" cy="55%" r="30%" fill="#f4c430"/>
      <rect x="65%" y="10%" width="30%" height="80%" fill="#1b5e20"/></svg>`;
    const { data, info } = await sharp(Buffer.from(svg))
      .resize(width, height)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    cases.push({ pixels: new Uint8ClampedArray(data), width: info.width, height: info.height });
  }
  for (const { pixels, width, height } of cases) {
    same(pixels, width, height, 4, 3);
    same(pixels, width, height, 1, 1);
    same(pixels, width, height, 9, 9);
  }
});

it('refuses components outside 1–9 and pixels that do not match the size, as the package does', () => {
  const pixels = new Uint8ClampedArray(4 * 4 * 4);
  expect(() => encodeBlurhash(pixels, 4, 4, 0, 3)).toThrow(/between 1 and 9/);
  expect(() => encodeBlurhash(pixels, 4, 4, 4, 10)).toThrow(/between 1 and 9/);
  expect(() => encodeBlurhash(pixels, 4, 5, 4, 3)).toThrow(/must match/);
});
