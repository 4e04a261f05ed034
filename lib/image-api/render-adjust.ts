// Design notes: docs/image-api.md (colour and detail: order, formulas, where imgix looks different).
import sharp, { type Sharp } from 'sharp';
import type { Adjust } from './plan';
import { settle } from './render-effects';

type Matrix = readonly [number, number, number, number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 0, 1, 0, 0, 0, 1];
/** Rec. 709 luma weights, as CSS filters and SVG feColorMatrix use them. */
const [LR, LG, LB] = [0.2126, 0.7152, 0.0722];

const multiply = (a: Matrix, b: Matrix): Matrix =>
  [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => {
    const [row, col] = [Math.floor(i / 3), i % 3];
    return a[row * 3] * b[col] + a[row * 3 + 1] * b[3 + col] + a[row * 3 + 2] * b[6 + col];
  }) as unknown as Matrix;

/** SVG's saturate matrix: 0 is grey (every row the same, so R = G = B exactly), 1 unchanged, 2 doubled. */
export function saturationMatrix(s: number): Matrix {
  const [r, g, b] = [LR * (1 - s), LG * (1 - s), LB * (1 - s)];
  return [r + s, g, b, r, g + s, b, r, g, b + s];
}

/** SVG's hueRotate matrix (degrees). */
export function hueMatrix(degrees: number): Matrix {
  const rad = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(rad), Math.sin(rad)];
  return [
    0.213 + c * 0.787 - s * 0.213,
    0.715 - c * 0.715 - s * 0.715,
    0.072 - c * 0.072 + s * 0.928,
    0.213 - c * 0.213 + s * 0.143,
    0.715 + c * 0.285 + s * 0.14,
    0.072 - c * 0.072 - s * 0.283,
    0.213 - c * 0.213 - s * 0.787,
    0.715 - c * 0.715 + s * 0.715,
    0.072 + c * 0.928 + s * 0.072,
  ];
}

/** CSS's sepia() matrix at 0–1. */
export function sepiaMatrix(amount: number): Matrix {
  const k = 1 - amount;
  return [
    0.393 + 0.607 * k,
    0.769 - 0.769 * k,
    0.189 - 0.189 * k,
    0.349 - 0.349 * k,
    0.686 + 0.314 * k,
    0.168 - 0.168 * k,
    0.272 - 0.272 * k,
    0.534 - 0.534 * k,
    0.131 + 0.869 * k,
  ];
}

/**
 * The per-channel tone curve of exp, bri, con, gam, high and shad, as a 256-entry table:
 * exposure ×2^(exp/50) (±2 stops), brightness +255·bri/100, contrast ×(1 + con/100) around mid-grey,
 * gamma x^(2^(-gam/100)), highlights x·(1 + high/200·x²) (only bright tones darken), shadows
 * x + shad/200·x·(1 − x)² (only dark tones lift).
 */
export function toneCurve(a: Pick<Adjust, 'bri' | 'con' | 'exp' | 'gam' | 'high' | 'shad'>): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256);
  const exposure = 2 ** (a.exp / 50);
  const contrast = 1 + a.con / 100;
  const gamma = 2 ** (-a.gam / 100);
  for (let i = 0; i < 256; i++) {
    let v = i * exposure + (255 * a.bri) / 100;
    v = contrast * (v - 128) + 128;
    let x = Math.min(1, Math.max(0, v / 255));
    x = x ** gamma;
    x = x * (1 + (a.high / 200) * x * x);
    x = x + (a.shad / 200) * x * (1 - x) ** 2;
    lut[i] = Math.round(x * 255);
  }
  return lut;
}

const hasTone = (a: Adjust) => a.bri !== 0 || a.con !== 0 || a.exp !== 0 || a.gam !== 0 || a.high !== 0 || a.shad !== 0;

/** The colour pass: tone curve → vibrance → saturation, hue, sepia → monochrome → duotone → invert, in place. */
function colourPass(data: Buffer, channels: number, a: Adjust): void {
  const lut = hasTone(a) ? toneCurve(a) : null;
  let matrix = IDENTITY;
  if (a.sat !== 0) matrix = multiply(saturationMatrix(1 + a.sat / 100), matrix);
  if (a.hue !== 0) matrix = multiply(hueMatrix(a.hue), matrix);
  if (a.sepia !== 0) matrix = multiply(sepiaMatrix(a.sepia / 100), matrix);
  const useMatrix = matrix !== IDENTITY;
  const vib = a.vib / 100;
  const mono = a.monochrome;
  const duo = a.duotone;
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = matrix;
  // Scalars only in the loop: it runs once per pixel (up to 16.7 M of them within the stepwise budget).
  const [mr, mg, mb, ma] = mono === null ? [0, 0, 0, 0] : [mono.r, mono.g, mono.b, mono.alpha];
  const [dr, dg, db] = duo === null ? [0, 0, 0] : [duo.dark.r, duo.dark.g, duo.dark.b];
  const [lr, lg, lb] = duo === null ? [0, 0, 0] : [duo.light.r - dr, duo.light.g - dg, duo.light.b - db];
  const da = duo?.alpha ?? 0;
  const shade = (v: number, l: number) => (l <= 128 ? (v * l) / 128 : v + ((255 - v) * (l - 128)) / 127);
  for (let i = 0; i < data.length; i += channels) {
    let r = data[i];
    let g = data[i + 1];
    let b = data[i + 2];
    if (lut !== null) {
      r = lut[r];
      g = lut[g];
      b = lut[b];
    }
    if (vib !== 0) {
      // Vibrance: saturation scaled by how muted the pixel is, so saturated colours move least.
      const max = Math.max(r, g, b);
      const k = 1 + vib * (max === 0 ? 1 : 1 - (max - Math.min(r, g, b)) / max);
      const l = LR * r + LG * g + LB * b;
      r = l + k * (r - l);
      g = l + k * (g - l);
      b = l + k * (b - l);
    }
    if (useMatrix) {
      const [r0, g0, b0] = [r, g, b];
      r = m0 * r0 + m1 * g0 + m2 * b0;
      g = m3 * r0 + m4 * g0 + m5 * b0;
      b = m6 * r0 + m7 * g0 + m8 * b0;
    }
    if (ma > 0) {
      const l = clamp255(LR * r + LG * g + LB * b);
      r += ma * (shade(mr, l) - r);
      g += ma * (shade(mg, l) - g);
      b += ma * (shade(mb, l) - b);
    }
    if (da > 0) {
      const t = clamp255(LR * r + LG * g + LB * b) / 255;
      r += da * (dr + t * lr - r);
      g += da * (dg + t * lg - g);
      b += da * (db + t * lb - b);
    }
    if (a.invert) {
      r = 255 - r;
      g = 255 - g;
      b = 255 - b;
    }
    data[i] = clamp255(r);
    data[i + 1] = clamp255(g);
    data[i + 2] = clamp255(b);
  }
}

const clamp255 = (v: number) => Math.min(255, Math.max(0, Math.round(v)));

/** Halftone: grey dots on white in cells of 2 + htn/5 px, each dot's area the darkness of its cell. */
function halftonePass(data: Buffer, width: number, height: number, channels: number, htn: number): void {
  const cell = 2 + Math.round(htn / 5);
  for (let top = 0; top < height; top += cell) {
    for (let left = 0; left < width; left += cell) {
      const [w, h] = [Math.min(cell, width - left), Math.min(cell, height - top)];
      let sum = 0;
      for (let y = top; y < top + h; y++) {
        for (let x = left; x < left + w; x++) {
          const i = (y * width + x) * channels;
          sum += LR * data[i] + LG * data[i + 1] + LB * data[i + 2];
        }
      }
      const darkness = 1 - sum / (w * h * 255);
      // A disc of this radius covers `darkness` of a cell × cell square.
      const radius = cell * Math.sqrt(darkness / Math.PI);
      const [cx, cy] = [left + cell / 2, top + cell / 2];
      for (let y = top; y < top + h; y++) {
        for (let x = left; x < left + w; x++) {
          const i = (y * width + x) * channels;
          const inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 < radius * radius;
          data[i] = data[i + 1] = data[i + 2] = inside ? 0 : 255;
        }
      }
    }
  }
}

const hasColour = (a: Adjust) =>
  hasTone(a) ||
  a.sat !== 0 ||
  a.vib !== 0 ||
  a.hue !== 0 ||
  a.sepia !== 0 ||
  a.invert ||
  (a.monochrome !== null && a.monochrome.alpha > 0) ||
  (a.duotone !== null && a.duotone.alpha > 0);

async function rawOf(image: Sharp) {
  return image.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
}

function fromRaw(data: Buffer, info: { width: number; height: number; channels: number }, limit: number): Sharp {
  const raw = { width: info.width, height: info.height, channels: info.channels as 3 | 4 };
  return sharp(data, { raw, limitInputPixels: limit });
}

/** The unsharp-mask sigma for imgix's usmrad (a radius in pixels): half of it, within sharp's range. */
export const usmSigma = (radius: number) => Math.min(10, Math.max(0.3, radius / 2));

/**
 * Colour, then pixelate, noise reduction, unsharp mask and halftone, on the sized image (already settled).
 * Each step that is not a sharp operation works on the raw pixels in place.
 */
export async function applyAdjust(input: Sharp, a: Adjust, limit: number): Promise<Sharp> {
  let image = input;
  if (hasColour(a)) {
    const { data, info } = await rawOf(image);
    colourPass(data, info.channels, a);
    image = fromRaw(data, info, limit);
  }
  if (a.px >= 2) {
    const { width, height } = await image.metadata();
    const small = await settle(
      image.resize(Math.max(1, Math.round(width / a.px)), Math.max(1, Math.round(height / a.px)), { fit: 'fill' }),
      limit,
    );
    image = await settle(small.resize(width, height, { fit: 'fill', kernel: 'nearest' }), limit);
  }
  if (a.nr !== null && a.nr.bound > 0) {
    image = image.median(a.nr.bound > 50 ? 5 : 3);
    if (a.nr.sharpen > 0) image = image.sharpen({ sigma: 0.5 + a.nr.sharpen / 200 });
    image = await settle(image, limit);
  }
  if (a.usm !== null) {
    const sigma = usmSigma(a.usm.radius);
    const level = Math.abs(a.usm.amount) / 25;
    image =
      a.usm.amount > 0
        ? image.sharpen({ sigma, m1: level, m2: level })
        : image.blur(Math.max(0.3, (sigma * -a.usm.amount) / 100));
    image = await settle(image, limit);
  }
  if (a.htn > 0) {
    const { data, info } = await rawOf(image);
    halftonePass(data, info.width, info.height, info.channels, a.htn);
    image = fromRaw(data, info, limit);
  }
  return image;
}
