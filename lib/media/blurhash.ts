// BlurHash (blurha.sh), the encoder. The string is the one Wolt's `blurhash` package (2.0.5, a development dependency
// now) gives for the same pixels, character for character: tests/unit/blurhash.test.ts compares the two on hundreds of
// images. Why not the package itself: it converts every pixel to linear light and computes two cosines again for each
// of the 12 components: ≈ 5 ms for a 32 × 32 copy (an upload's placeholder) and ≈ 17 ms for a 64 × 64 one
// (`fm=blurhash`). Here each pixel is converted once (a table of 256) and each cosine once per column and row:
// 0.2 and 0.4 ms.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';

const toLinear = (value: number) => {
  const v = value / 255;
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
};

/** Linear light of each 8-bit sRGB value. */
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => toLinear(v));

const toSrgb = (value: number) => {
  const v = Math.max(0, Math.min(1, value));
  return v <= 0.0031308
    ? Math.trunc(v * 12.92 * 255 + 0.5)
    : Math.trunc((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
};

const signPow = (value: number, exp: number) => (value < 0 ? -1 : 1) * Math.pow(Math.abs(value), exp);

/** `n` in base 83, `length` digits. */
function base83(n: number, length: number): string {
  let out = '';
  for (let i = 1; i <= length; i++) out += DIGITS[Math.floor((Math.floor(n) / Math.pow(83, length - i)) % 83)];
  return out;
}

/** cos(π · component · position / size) for every component and position: `size` values a component. */
function cosines(components: number, size: number): Float64Array {
  const table = new Float64Array(components * size);
  for (let c = 0; c < components; c++)
    for (let p = 0; p < size; p++) table[c * size + p] = Math.cos((Math.PI * c * p) / size);
  return table;
}

/**
 * The BlurHash of `pixels` (RGBA, 8 bits a channel, `width` × `height`, alpha ignored) with `componentX` ×
 * `componentY` components (1–9 each).
 * @example encodeBlurhash(rgba, 32, 21, 4, 3) // a 28-character string, as `encode` from the blurhash package gives
 */
export function encodeBlurhash(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  componentX: number,
  componentY: number,
): string {
  if (componentX < 1 || componentX > 9 || componentY < 1 || componentY > 9) {
    throw new Error('BlurHash must have between 1 and 9 components');
  }
  if (width * height * 4 !== pixels.length) throw new Error('Width and height must match the pixels array');
  const cosX = cosines(componentX, width);
  const cosY = cosines(componentY, height);
  const scale = 1 / (width * height);
  const factors: [number, number, number][] = [];
  // The package's order of operations, kept exactly (columns, then rows; the same products), so the sums are the same
  // doubles and the string the same characters.
  for (let cy = 0; cy < componentY; cy++) {
    for (let cx = 0; cx < componentX; cx++) {
      const normalisation = cx === 0 && cy === 0 ? 1 : 2;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let x = 0; x < width; x++) {
        const across = normalisation * cosX[cx * width + x];
        for (let y = 0; y < height; y++) {
          const basis = across * cosY[cy * height + y];
          const i = 4 * x + 4 * width * y;
          r += basis * LINEAR[pixels[i]];
          g += basis * LINEAR[pixels[i + 1]];
          b += basis * LINEAR[pixels[i + 2]];
        }
      }
      factors.push([r * scale, g * scale, b * scale]);
    }
  }

  const [dc, ...ac] = factors;
  let hash = base83(componentX - 1 + (componentY - 1) * 9, 1);
  let maximum = 1;
  if (ac.length > 0) {
    // The package's largest value, signed (the reference C encoder takes magnitudes): kept, so the strings agree.
    const largest = Math.max(...ac.map((f) => Math.max(...f)));
    const quantised = Math.floor(Math.max(0, Math.min(82, Math.floor(largest * 166 - 0.5))));
    maximum = (quantised + 1) / 166;
    hash += base83(quantised, 1);
  } else {
    hash += base83(0, 1);
  }
  hash += base83((toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
  const quantise = (v: number) =>
    Math.floor(Math.max(0, Math.min(18, Math.floor(signPow(v / maximum, 0.5) * 9 + 9.5))));
  for (const [r, g, b] of ac) hash += base83(quantise(r) * 19 * 19 + quantise(g) * 19 + quantise(b), 2);
  return hash;
}
