import 'server-only';
import { encode } from 'blurhash';
import sharp from 'sharp';
import { config } from '@/lib/config';
import { storageNamed } from '@/lib/storage-settings/configured-storages';
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
    const small = await decoder.rotate().resize(SMALL, SMALL, { fit: 'inside' }).ensureAlpha().png().toBuffer();
    return await factsOfSmall(small);
  } catch {
    return NO_FACTS;
  }
}

async function factsOfSmall(small: Buffer): Promise<ImageFacts> {
  const { data, info } = await sharp(small).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const stats = await sharp(small).stats();
  // Transparent pixels count as white, as the Image API flattens them: a copy saved without alpha hashes the same.
  const grey = await sharp(small)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(DHASH_WIDTH, DHASH_HEIGHT, { fit: 'fill' })
    .raw()
    .toBuffer();
  const { r, g, b } = stats.dominant;
  return {
    blurhash: encode(new Uint8ClampedArray(data), info.width, info.height, 4, 3),
    dominantColor: `#${hex2(r)}${hex2(g)}${hex2(b)}`,
    hasAlpha: !stats.isOpaque,
    dhash: dhashOf(grey),
  };
}
