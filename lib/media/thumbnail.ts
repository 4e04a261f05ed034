import 'server-only';
import type { Media } from '@/db/schema';
import { parseImageParams } from '@/lib/image-api/parse-params';
import { THUMBNAIL_QUERY } from '@/lib/image-api/own-transforms';
import { getVariant, type Variant } from '@/lib/image-api/variant-cache';

const THUMBNAIL = parseImageParams(new URLSearchParams(THUMBNAIL_QUERY));

/** The thumbnail of an image, rendered once per version (content-addressed, so never stale). */
export function thumbnailOf(m: Media): Promise<Variant> {
  if (!THUMBNAIL.transforms) throw new Error('The thumbnail plan must transform');
  return getVariant(m, THUMBNAIL);
}
