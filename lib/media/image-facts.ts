import 'server-only';
import sharp from 'sharp';
import { config } from '@/lib/config';
import { storageNamed } from '@/lib/storage-settings/configured-storages';
import { encodeBlurhash } from './blurhash';
import { DHASH_HEIGHT, DHASH_WIDTH, dhashOf } from './dhash';

/** What a site needs to lay out before an image loads (null when it cannot be decoded). */
export type ImageFacts = {
  blurhash: string | null;
  dominantColor: string | null;
  hasAlpha: boolean | null;
  /** A 64-bit difference hash (16 hex) for near-duplicates (lib/media/dhash.ts). */
  dhash: string | null;
};

export const NO_FACTS: ImageFacts = { blurhash: null, dominantColor: null, hasAlpha: null, dhash: null };

const SMALL = 64;
/**
 * The blurhash is taken from a 32-pixel rendition: its 4×3 components see no more in 64 pixels, and the encoder's
 * cost grows with the pixels (a colour-space conversion of each pixel for each component: ≈ 17 ms at 64, 4 at 32).
 */
const BLUR = 32;
const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/**
 * Placeholders of one stored image, from a 64-pixel rendition (one decode of the original): a 4×3 blurhash, the
 * dominant colour as `#rrggbb`, whether any pixel is transparent, and a difference hash for near-duplicates. `whole`
 * is the file's bytes when the caller already holds all of them (a small upload), so nothing is read back from
 * storage. Never throws: a file sharp cannot read gets nulls.
 */
export async function imageFactsOf(m: {
  storage: string;
  storageKey: string;
  kind: string;
  width: number | null;
  height: number | null;
  whole?: Buffer;
}): Promise<ImageFacts> {
  if (m.kind !== 'image') return NO_FACTS;
  // An image over the decode limit is never read back (from a bucket that would be a whole download for nothing).
  if ((m.width ?? 0) * (m.height ?? 0) > config().KURA_MAX_INPUT_PIXELS) return NO_FACTS;
  try {
    const limits = { limitInputPixels: config().KURA_MAX_INPUT_PIXELS, failOn: 'none' } as const;
    const decoder = m.whole ? sharp(m.whole, limits) : sharp(limits);
    if (!m.whole) (await storageNamed(m.storage).read(m.storageKey)).pipe(decoder);
    // 8-bit sRGB with alpha whatever the file (grey, CMYK, 16-bit): four bytes a pixel.
    const small = await decoder
      .rotate()
      .resize(SMALL, SMALL, { fit: 'inside' })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return await factsOfSmall(small.data, small.info.width, small.info.height);
  } catch {
    return NO_FACTS;
  }
}

async function factsOfSmall(rgba: Buffer, width: number, height: number): Promise<ImageFacts> {
  const raw = { raw: { width, height, channels: 4 } } as const;
  // Transparent pixels count as white, as the Image API flattens them: a copy saved without alpha hashes the same.
  const grey = await sharp(rgba, raw)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(DHASH_WIDTH, DHASH_HEIGHT, { fit: 'fill' })
    .raw()
    .toBuffer();
  const blur = await sharp(rgba, raw).resize(BLUR, BLUR, { fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  return {
    blurhash: encodeBlurhash(blur.data, blur.info.width, blur.info.height, 4, 3),
    ...colourOf(rgba),
    dhash: dhashOf(grey),
  };
}

/**
 * The dominant colour — the most common of 4096 colours (16 levels a channel, alpha ignored), as the centre of its
 * bin — and whether any pixel is not fully opaque. One pass over the rendition's bytes, where sharp's `stats()` spent
 * ≈ 20 ms of every upload on statistics nobody reads (entropy, sharpness) to give these two.
 */
function colourOf(rgba: Buffer): { dominantColor: string; hasAlpha: boolean } {
  const bins = new Uint32Array(4096);
  let hasAlpha = false;
  for (let i = 0; i < rgba.length; i += 4) {
    bins[((rgba[i] >> 4) << 8) | ((rgba[i + 1] >> 4) << 4) | (rgba[i + 2] >> 4)]++;
    if (rgba[i + 3] !== 255) hasAlpha = true;
  }
  let most = 0;
  for (let bin = 1; bin < bins.length; bin++) if (bins[bin] > bins[most]) most = bin;
  const level = (shift: number) => hex2((((most >> shift) & 15) << 4) + 8);
  return { dominantColor: `#${level(8)}${level(4)}${level(0)}`, hasAlpha };
}
