import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import type { Variant } from '@/lib/image-api/variant-cache';
import { getMediaRow } from '@/lib/media/get-media';
import { NO_EDIT } from '@/lib/media/image-edit';
import { thumbnailOf } from '@/lib/media/thumbnail';
import { findVersion } from './find-version';

/** The thumbnail of an earlier version of an image the actor may read (content-addressed, as the current one's). */
export async function versionThumbnail(actor: Actor, mediaId: string, versionId: string): Promise<Variant> {
  const current = await getMediaRow(actor, mediaId);
  if (current.kind !== 'image') throw notFound('No preview for this media');
  const version = await findVersion(mediaId, versionId);
  const { id: _id, mediaId: _m, uploadedAt: _u, keptAt: _k, keptBy: _b, ...bytes } = version;
  // The stored edit belongs to the current bytes: an earlier version is shown as it was uploaded.
  return thumbnailOf({ ...current, ...bytes, ...NO_EDIT });
}
