import 'server-only';
import type { Media } from '@/db/schema';
import { parseImageParams } from '@/lib/image-api/parse-params';
import { getVariant, type Variant } from '@/lib/image-api/variant-cache';

/** The library's preview: a 320 px WebP through the Image API's variant cache, never the original. */
const THUMBNAIL = parseImageParams(new URLSearchParams('w=320&h=320&fit=max&fm=webp&q=70'));

/** The thumbnail of an image, rendered once per version (content-addressed, so never stale). */
export function thumbnailOf(m: Media): Promise<Variant> {
  if (!THUMBNAIL.transforms) throw new Error('The thumbnail plan must transform');
  return getVariant(m, THUMBNAIL);
}
