// Design notes: docs/architecture.md, "Upload path".
import 'server-only';
import type { Readable } from 'node:stream';
import { transaction } from '@/db';
import { media, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { newId } from '@/lib/ids';
import { assertMediaRight } from '@/lib/permissions/media';
import { recordMediaChange } from '@/lib/events/media-change';
import { clearJournal } from './storage-journal';
import { cleanFileName, extensionOf } from './file-name';
import { discard, storeBytes } from './store-bytes';

export type UploadInput = {
  fileName: string;
  stream: Readable;
  /** Resolves when the request that carried the file has ended well; the row waits for it. */
  requestComplete?: Promise<void>;
  /** At most this many bytes will come (the request's Content-Length), when known: room is kept for them. */
  declaredBytes?: number | null;
};

/**
 * Streams one uploaded file into storage and makes it a media item, or leaves no trace at all.
 * The bytes are sniffed, hashed and counted on the way; the row appears only once every byte is
 * durable and the request they came in has ended intact.
 */
export async function uploadMedia(actor: Actor, input: UploadInput): Promise<Media> {
  assertMediaRight(actor, 'upload');
  const fileName = cleanFileName(input.fileName);
  const id = newId();
  const bytes = await storeBytes(input.stream, { keyFor: id, fileName, declaredBytes: input.declaredBytes });
  try {
    await input.requestComplete;
    const now = new Date();
    return await transaction(async (tx) => {
      await clearJournal(tx, bytes.storage, bytes.key);
      const row = (
        await tx
          .insert(media)
          .values({
            id,
            fileName,
            kind: bytes.kind,
            mimeType: bytes.mimeType,
            extension: bytes.extension || extensionOf(fileName),
            size: bytes.size,
            sha256: bytes.sha256,
            width: bytes.width,
            height: bytes.height,
            duration: bytes.duration,
            pageCount: bytes.pageCount,
            hasPreview: bytes.hasPreview,
            storage: bytes.storage,
            storageKey: bytes.key,
            ...bytes.placeholders,
            creatorId: actor.type === 'member' ? actor.id : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
      )[0];
      await recordMediaChange(tx, actor, { before: null, after: row });
      return row;
    });
  } catch (err) {
    await discard(bytes);
    throw err;
  }
}
