import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { forUpdate } from '@/db/locks';
import { media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { repointMedia } from '@/lib/content/repoint-media';
import { notFound } from '@/lib/errors';
import { recordMediaChange } from '@/lib/events/media-change';
import { journalSharedVariants } from '@/lib/image-api/shared-variants';
import { imageFactsOf } from '@/lib/media/image-facts';
import { previewFactsOf } from '@/lib/media/preview-frame';
import { presentMedia, type MediaRecord } from '@/lib/media/present';
import { removeGarbage, type Garbage } from '@/lib/media/storage-journal';
import { deliveryUrl } from '@/lib/media/urls';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { storageNamed } from '@/lib/storage-settings/configured-storages';
import { findVersion, takeVersion } from './find-version';
import { keepVersion } from './keep-version';

/**
 * "Restore this version": a re-upload from kept bytes. The version's bytes (and the alt text they had) become current
 * under the same URL, with their ETag and versioned URL; the bytes they replace are kept as the newest version.
 */
export async function restoreVersion(actor: Actor, mediaId: string, versionId: string): Promise<MediaRecord> {
  assertMediaRight(actor, 'edit');
  const where = and(eq(media.id, mediaId), readableMedia(actor));
  const owner = (await db().select({ kind: media.kind }).from(media).where(where).limit(1))[0];
  if (!owner) throw notFound('No such media'); // out of the read scope too, as for a re-upload
  // Read first: its placeholders are computed outside the transaction.
  const kept = await findVersion(mediaId, versionId);
  const facts = {
    ...(await imageFactsOf({ ...kept, kind: owner.kind })),
    ...(await previewFactsOf(storageNamed(kept.storage), kept.storageKey, kept.mimeType, kept.sha256)),
  };
  let garbage: Garbage = [];
  const row = await transaction(async (tx) => {
    garbage = [];
    const current = (await forUpdate(tx.select().from(media).where(where).limit(1)))[0];
    if (!current) throw notFound('No such media');
    const version = await takeVersion(tx, mediaId, versionId);
    garbage = await keepVersion(tx, actor, current);
    const next = {
      ...facts,
      mimeType: version.mimeType,
      extension: version.extension,
      size: version.size,
      sha256: version.sha256,
      width: version.width,
      height: version.height,
      alt: version.alt,
      storage: version.storage,
      storageKey: version.storageKey,
      updatedAt: new Date(),
    };
    if (deliveryUrl({ ...current, ...next }) !== deliveryUrl(current))
      await repointMedia(tx, mediaId, { ...current, ...next });
    const restored = (await tx.update(media).set(next).where(eq(media.id, mediaId)).returning())[0];
    const variants = await journalSharedVariants(tx, current);
    if (variants) garbage.push(variants);
    await recordMediaChange(tx, actor, { before: current, after: restored });
    return restored;
  });
  await removeGarbage(garbage);
  return (await presentMedia([row]))[0];
}
