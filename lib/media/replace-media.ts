import 'server-only';
import { journalSharedVariants, removeSharedVariants } from '@/lib/image-api/shared-variants';
import { and, eq } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { forUpdate } from '@/db/locks';
import { media, mediaTags, mediaVersions, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { repointMedia } from '@/lib/content/repoint-media';
import { badRequest, notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { recordMediaChange } from '@/lib/events/media-change';
import { configuredStorage } from '@/lib/storage-settings/configured-storages';
import { uploadTargetName } from '@/lib/storage-settings/upload-target';
import { keepVersion } from '@/lib/versions/keep-version';
import { cleanFileName, extensionOf } from './file-name';
import { clearJournal, journalGarbage, removeGarbage, type Garbage } from './storage-journal';
import { discard, storeBytes } from './store-bytes';
import type { UploadInput } from './upload-media';
import { NO_EDIT } from './image-edit';
import { deliveryUrl } from './urls';

/**
 * Re-upload. By default the new bytes replace the old behind the same id and name (the new file's name
 * is ignored): same kind only, alt reset, new hash, size, dimensions, ETag and versioned URL; the old bytes are kept
 * as a version (`KURA_KEEP_VERSIONS`, lib/versions/). With `newUrl` the media gets a new id and the new file's name
 * (the old name where file names are fixed); content keeps using it (fields follow the id, rich-editor URLs are
 * rewritten) and the old URL is 404. Either way the new bytes are committed
 * first and the old ones removed after, so a failure at any point leaves the old file served.
 */
export async function replaceMedia(
  actor: Actor,
  id: string,
  input: UploadInput & { newUrl?: boolean },
): Promise<Media> {
  assertMediaRight(actor, 'edit');
  const where = and(eq(media.id, id), readableMedia(actor));
  const before = (
    await db().select({ kind: media.kind, fileName: media.fileName }).from(media).where(where).limit(1)
  )[0];
  if (!before) throw notFound('No such media');
  const nextId = input.newUrl ? newId() : id;
  // A bucket with fixed file names keeps the name through a "new URL" re-upload too (its keys carry it).
  const takesNewName = input.newUrl && !configuredStorage(uploadTargetName())?.keepsFileName;
  const fileName = takesNewName ? cleanFileName(input.fileName) : before.fileName;
  const bytes = await storeBytes(input.stream, {
    keyFor: nextId,
    fileName,
    expectKind: before.kind,
    declaredBytes: input.declaredBytes,
  });
  let garbage: Garbage = [];
  let replaced: Media;
  let variants: Awaited<ReturnType<typeof journalSharedVariants>> = null;
  try {
    await input.requestComplete;
    [replaced, garbage] = await transaction(async (tx) => {
      // Locked: two re-uploads at once each retire the file the other left, never the same one twice.
      const current = (await forUpdate(tx.select().from(media).where(where).limit(1)))[0];
      if (!current) throw notFound('No such media');
      if (current.kind !== bytes.kind) throw badRequest('A re-upload must be of the same kind');
      await clearJournal(tx, bytes.storage, bytes.key);
      const fresh = {
        ...bytes.placeholders,
        mimeType: bytes.mimeType,
        size: bytes.size,
        sha256: bytes.sha256,
        width: bytes.width,
        height: bytes.height,
        duration: bytes.duration,
        pageCount: bytes.pageCount,
        hasPreview: bytes.hasPreview,
        alt: '',
        ...NO_EDIT, // the crop's pixels and the focal point were the old image's
        storage: bytes.storage,
        storageKey: bytes.key,
        updatedAt: new Date(),
      };
      if (!input.newUrl) {
        // Same URL: the bytes it served are kept as a version (lib/versions/), the oldest past the limit dropped.
        const gone = await keepVersion(tx, actor, current);
        const next = { ...fresh, extension: bytes.extension || current.extension };
        // A direct-bucket URL names one version: rich-editor HTML moves to the new one (while the old still parses).
        if (deliveryUrl({ ...current, ...next }) !== deliveryUrl(current))
          await repointMedia(tx, id, { ...current, ...next });
        const row = (await tx.update(media).set(next).where(eq(media.id, id)).returning())[0];
        variants = await journalSharedVariants(tx, current);
        await recordMediaChange(tx, actor, { before: current, after: row });
        return [row, gone] as const;
      }
      await journalGarbage(tx, current.storage, current.storageKey);
      const gone = [{ storage: current.storage, key: current.storageKey }];
      const row = (
        await tx
          .insert(media)
          .values({ ...current, ...fresh, id: nextId, fileName, extension: bytes.extension || extensionOf(fileName) })
          .returning()
      )[0];
      await tx.update(mediaTags).set({ mediaId: nextId }).where(eq(mediaTags.mediaId, id));
      await tx.update(mediaVersions).set({ mediaId: nextId }).where(eq(mediaVersions.mediaId, id));
      await repointMedia(tx, id, row);
      await tx.delete(media).where(eq(media.id, id));
      variants = await journalSharedVariants(tx, current);
      await recordMediaChange(tx, actor, { before: current, after: row });
      return [row, gone] as const;
    });
  } catch (err) {
    await discard(bytes);
    throw err;
  }
  await removeGarbage(garbage);
  await removeSharedVariants([variants]);
  return replaced;
}
