import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { forUpdate } from '@/db/locks';
import { media, members } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { repointMedia } from '@/lib/content/repoint-media';
import { badRequest, notFound } from '@/lib/errors';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { configuredStorage } from '@/lib/storage-settings/configured-storages';
import { cleanFileName } from './file-name';
import { presentMedia, type MediaRecord } from './present';
import { mediaChanges } from './schemas';
import { recordMediaChange, tagNamesOf } from '@/lib/events/media-change';
import { setTagsOf, tagIdsFor } from './media-tags';
import { editedColumns } from './image-edit';

/**
 * Changes a media item's name, alt text, tags, creator and/or stored image edit (focal point, crop, rotate, flip)
 * in one transaction. A rename keeps the id, makes the old URL 404 at once and rewrites the rich-editor HTML that
 * embeds it in the same transaction.
 * @example editMedia(actor, id, { fileName: 'cover.jpg', alt: 'The cover' })
 * @example editMedia(actor, id, { focalPoint: { x: 0.7, y: 0.3 }, crop: { x: 0, y: 0, w: 1600, h: 900 } })
 */
export async function editMedia(actor: Actor, id: string, input: unknown): Promise<MediaRecord> {
  assertMediaRight(actor, 'edit');
  const changes = mediaChanges.parse(input);
  const fileName = changes.fileName === undefined ? undefined : cleanFileName(changes.fileName);
  const tags = changes.tags && [...new Set(changes.tags)];
  if (tags && tags.length > config().KURA_MAX_TAGS_PER_MEDIA) {
    throw badRequest(`tags: at most ${config().KURA_MAX_TAGS_PER_MEDIA} tags per media (got ${tags.length})`);
  }
  const row = await transaction(async (tx) => {
    const where = and(eq(media.id, id), readableMedia(actor));
    // Locked: a rename judged on the current name, and its links rewritten from it, see the last writer's name.
    const current = (await forUpdate(tx.select().from(media).where(where).limit(1)))[0];
    if (!current) throw notFound('No such media');
    const renamed = fileName !== undefined && fileName !== current.fileName;
    if (renamed && configuredStorage(current.storage)?.keepsFileName) {
      throw badRequest(
        `fileName: ${current.fileName} is kept in an S3 bucket with fixed file ` +
          `names, where the name is part of its URL, so it cannot be renamed`,
      );
    }
    if (changes.alt !== undefined && current.kind !== 'image')
      throw badRequest(`alt: alt text is for images only; ${current.fileName} is a file`);
    if (
      changes.creatorId !== undefined &&
      !(await tx.select({ id: members.id }).from(members).where(eq(members.id, changes.creatorId)).limit(1))[0]
    ) {
      throw badRequest(`creatorId: there is no member ${changes.creatorId}`);
    }
    const edit = editedColumns(current, changes);
    const tagsBefore = tags && (await tagNamesOf(tx, id));
    const updated = (
      await tx
        .update(media)
        .set({
          ...(fileName !== undefined ? { fileName } : {}),
          ...(changes.alt !== undefined ? { alt: changes.alt } : {}),
          ...(changes.creatorId !== undefined ? { creatorId: changes.creatorId } : {}),
          ...edit,
          updatedAt: new Date(),
        })
        .where(where)
        .returning()
    )[0];
    if (tags) await setTagsOf(tx, id, await tagIdsFor(tx, tags));
    if (fileName !== undefined && fileName !== current.fileName) await repointMedia(tx, id, updated);
    await recordMediaChange(tx, actor, {
      before: current,
      after: updated,
      tags: tagsBefore ? { before: tagsBefore, after: await tagNamesOf(tx, id) } : undefined,
    });
    return updated;
  });
  return (await presentMedia([row]))[0];
}
