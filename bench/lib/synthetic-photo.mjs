// Test photographs made at run time (no binary fixtures in the repository): soft gradients, shapes
// with hard edges, texture and grain, so JPEG, WebP and AVIF work on them about as hard as on a photo.
import sharp from 'sharp';

/** mulberry32: the same layout (gradients, shapes, texture) for the same seed; the grain differs per call. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random w×h field (1 or 3 channels) scaled up (bicubic) to the photo's size: detail at that scale. */
async function field(rand, w, h, width, height, channels) {
  const cells = Buffer.alloc(w * h * channels);
  for (let i = 0; i < cells.length; i++) cells[i] = (rand() * 256) | 0;
  return sharp(cells, { raw: { width: w, height: h, channels } })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
}

function shapesSvg(rand, width, height) {
  const colour = () => `rgb(${(rand() * 256) | 0},${(rand() * 256) | 0},${(rand() * 256) | 0})`;
  const shapes = [];
  for (let i = 0; i < 14; i++) {
    const x = rand() * width;
    const y = rand() * height;
    const r = (0.03 + rand() * 0.12) * width;
    shapes.push(
      i % 2
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour()}" fill-opacity="0.65"/>`
        : `<rect x="${x - r}" y="${y - r / 2}" width="${r * 1.6}" height="${r}" fill="${colour()}" ` +
            `fill-opacity="0.6" transform="rotate(${rand() * 60 - 30} ${x} ${y})"/>`,
    );
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`,
  );
}

/**
 * A photo-like JPEG of width×height (quality 85, 4:2:0 like a camera's), as bytes.
 * Each call gives other bytes (libvips's noise is not seeded), so each upload is another content hash.
 * @example await syntheticPhoto(6000, 4000) // ≈ 24 MP
 */
export async function syntheticPhoto(width, height, { seed = 1 } = {}) {
  const rand = random(seed);
  // Brightness carries the detail, colour varies slowly, as in photographs.
  const broad = await field(rand, 8, 6, width, height, 1);
  const middle = await field(rand, 120, 80, width, height, 1);
  const fine = await field(rand, Math.ceil(width / 3), Math.ceil(height / 3), width, height, 1);
  const hue = await field(rand, 5, 4, width, height, 3);
  const tint = await field(rand, 60, 40, width, height, 3);
  const grain = await sharp({
    create: { width, height, channels: 1, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 9 } },
  })
    .raw()
    .toBuffer();
  const pixels = Buffer.alloc(width * height * 3);
  for (let p = 0, i = 0; p < grain.length; p++) {
    const l = 0.45 * broad[p] + 0.3 * middle[p] + 0.25 * fine[p] + grain[p] - 128;
    for (let c = 0; c < 3; c++, i++) {
      const v = l + 0.45 * (hue[i] - 128) + 0.2 * (tint[i] - 128);
      pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .composite([{ input: shapesSvg(rand, width, height) }])
    .jpeg({ quality: 85 })
    .toBuffer();
}
