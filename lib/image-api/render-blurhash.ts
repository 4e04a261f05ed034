import type { Sharp } from 'sharp';
import { encodeBlurhash } from '@/lib/media/blurhash';
import { settle } from './render-effects';

/** Components across and down: 4×3 suits landscape and portrait placeholders alike (28 characters). */
const COMPONENTS = { x: 4, y: 3 } as const;

/** The BlurHash (blurha.sh) of an image, computed on a copy at most 64 px a side on white. */
export async function blurhashOf(image: Sharp, limit: number): Promise<string> {
  // Settled first: sharp keeps one resize and one flatten per pipeline, so ours would replace the variant's.
  const { data, info } = await (
    await settle(image, limit)
  )
    .resize(64, 64, { fit: 'inside' })
    .flatten({ background: '#ffffff' })
    .ensureAlpha(1) // the encoder reads RGBA; opaque after the flatten
    .raw()
    .toBuffer({ resolveWithObject: true });
  return encodeBlurhash(data, info.width, info.height, COMPONENTS.x, COMPONENTS.y);
}
