import 'server-only';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { db } from '@/db';
import { media, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { badRequest, KuraError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertMediaRight } from '@/lib/permissions/media';
import { uploadStorage } from '@/lib/storage';
import { clearJournal, journalUpload, removeJournalled } from '@/lib/storage/journal';
import { cleanFileName, extensionOf } from './file-name';
import { formatBytes } from './format-bytes';
import { probeImageSize } from './probe-image';
import { sniffType } from './sniff';
import { Meter } from './meter';
import { readHead } from './read-head';

/** Enough of the start of a file to sniff its type and read an image header. */
const HEAD_BYTES = 1024 * 1024;

export const uploadLimitMessage = (max: number) =>
  `The file is larger than the upload limit of ${formatBytes(max)} (${max} bytes)`;

/** A storage key that is new for every write: re-uploads never overwrite bytes in place. */
export const objectKey = (mediaId: string) => `${mediaId.slice(0, 2)}/${mediaId}/${newId().slice(0, 16)}`;

export type UploadInput = {
  fileName: string;
  stream: Readable;
  /** Resolves when the request that carried the file has ended well; the row waits for it. */
  requestComplete?: Promise<void>;
};

/**
 * Streams one uploaded file into storage and makes it a media item, or leaves no trace at all.
 * The bytes are sniffed, hashed and counted on the way; the row appears only once every byte is
 * durable and the request they came in has ended intact.
 */
export async function uploadMedia(actor: Actor, input: UploadInput): Promise<Media> {
  assertMediaRight(actor, 'upload');
  const max = config().KURA_MAX_UPLOAD_BYTES;
  const fileName = cleanFileName(input.fileName);
  const { head, body } = await readHead(input.stream, HEAD_BYTES);
  if (head.length === 0) throw badRequest('The file is empty');
  if (head.length > max) throw new KuraError('too_large', uploadLimitMessage(max));
  const type = await sniffType(head);
  const meter = new Meter(max, () => new KuraError('too_large', uploadLimitMessage(max)));

  const storage = uploadStorage();
  const id = newId();
  const key = objectKey(id);
  journalUpload(storage.name, key);
  try {
    // pipeline() carries an error of the source (a client gone) into the write, which then fails.
    await storage.write(key, pipeline(body, meter, () => {}), { contentType: type.mimeType });
    const dims =
      type.kind === 'image' ? ((await probeImageSize(head)) ?? (storage.localPath ? await probeImageSize(storage.localPath(key)) : null)) : null;
    await input.requestComplete;
    const now = new Date();
    return db().transaction((tx) => {
      clearJournal(tx, storage.name, key);
      return tx
        .insert(media)
        .values({
          id,
          fileName,
          kind: type.kind,
          mimeType: type.mimeType,
          extension: type.extension || extensionOf(fileName),
          size: meter.size,
          sha256: meter.digest(),
          width: dims?.width ?? null,
          height: dims?.height ?? null,
          storage: storage.name,
          storageKey: key,
          creatorId: actor.type === 'member' ? actor.id : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
    }, { behavior: 'immediate' });
  } catch (err) {
    await removeJournalled(storage.name, key);
    throw err;
  }
}
