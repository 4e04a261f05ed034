import type { Sharp } from 'sharp';
import { settle } from './render-effects';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';

/** Components across and down: 4×3 suits landscape and portrait placeholders alike (28 characters). */
const COMPONENTS = { x: 4, y: 3 } as const;

const encode83 = (n: number, length: number) => {
  let out = '';
  for (let i = 1; i <= length; i++) out += DIGITS[Math.floor(n / 83 ** (length - i)) % 83];
  return out;
};

const toLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

const toSrgb = (v: number) => {
  const c = Math.min(1, Math.max(0, v));
  return Math.trunc(c <= 0.0031308 ? c * 12.92 * 255 + 0.5 : (1.055 * c ** (1 / 2.4) - 0.055) * 255 + 0.5);
};

const signPow = (v: number, exp: number) => Math.sign(v) * Math.abs(v) ** exp;

/** The BlurHash (blurha.sh) of an image, computed on a copy at most 64 px a side on white. */
export async function blurhashOf(image: Sharp, limit: number): Promise<string> {
  // Settled first: sharp keeps one resize and one flatten per pipeline, so ours would replace the variant's.
  const { data, info } = await (await settle(image, limit))
    .resize(64, 64, { fit: 'inside' })
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const factors: [number, number, number][] = [];
  for (let j = 0; j < COMPONENTS.y; j++) {
    for (let i = 0; i < COMPONENTS.x; i++) {
      const norm = i === 0 && j === 0 ? 1 : 2;
      let [r, g, b] = [0, 0, 0];
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const basis = norm * Math.cos((Math.PI * i * x) / width) * Math.cos((Math.PI * j * y) / height);
          const at = (y * width + x) * channels;
          r += basis * toLinear(data[at]);
          g += basis * toLinear(data[at + 1]);
          b += basis * toLinear(data[at + 2]);
        }
      }
      const scale = 1 / (width * height);
      factors.push([r * scale, g * scale, b * scale]);
    }
  }

  const [dc, ...ac] = factors;
  let hash = encode83(COMPONENTS.x - 1 + (COMPONENTS.y - 1) * 9, 1);
  const actualMax = Math.max(...ac.flat().map(Math.abs));
  const quantisedMax = Math.max(0, Math.min(82, Math.floor(actualMax * 166 - 0.5)));
  const maximum = (quantisedMax + 1) / 166;
  hash += encode83(quantisedMax, 1);
  hash += encode83((toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
  const quant = (v: number) => Math.max(0, Math.min(18, Math.floor(signPow(v / maximum, 0.5) * 9 + 9.5)));
  for (const [r, g, b] of ac) hash += encode83(quant(r) * 19 * 19 + quant(g) * 19 + quant(b), 2);
  return hash;
}
