import 'server-only';
import type { Media } from '@/db/schema';
import { parseImageParams } from '@/lib/image-api/parse-params';
import { THUMBNAIL_QUERY } from '@/lib/image-api/own-transforms';
import { withStoredEdit } from '@/lib/image-api/stored-edit';
import { getVariant, type Variant } from '@/lib/image-api/variant-cache';
import { editOf } from './image-edit';

const THUMBNAIL = parseImageParams(new URLSearchParams(THUMBNAIL_QUERY));

/** The thumbnail of an image with its stored edit, rendered once per version and edit (so never stale). */
export function thumbnailOf(m: Media): Promise<Variant> {
  if (!THUMBNAIL.transforms) throw new Error('The thumbnail plan must transform');
  return getVariant(m, m.kind === 'image' ? withStoredEdit(THUMBNAIL, editOf(m), false) : THUMBNAIL);
}
