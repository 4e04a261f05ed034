import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { media, members, mediaTrash, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { recordMediaChange } from '@/lib/events/media-change';
import { setTagsOf, tagIdsFor } from '@/lib/media/media-tags';
import { assertMediaRight } from '@/lib/permissions/media';
import { thawedRow, trashScope } from './move-to-trash';

/**
 * Brings a media item back from Trash: the same id, name, bytes and URL, its tags and alt text as they were
 * (a creator removed meanwhile is left empty). Sends the `new` webhook, as an upload does. Answers the id only, as a
 * delete does: the delete right alone does not let an API key read media.
 */
export async function restoreMedia(actor: Actor, id: string): Promise<{ id: string }> {
  assertMediaRight(actor, 'delete');
  await transaction(async (tx) => {
    const taken = (
      await tx
        .delete(mediaTrash)
        .where(and(eq(mediaTrash.mediaId, id), trashScope(actor)))
        .returning()
    )[0];
    if (!taken) throw notFound('No such media in Trash');
    const kept = thawedRow(taken.row);
    const creatorLives =
      kept.creatorId !== null &&
      (await tx.select({ id: members.id }).from(members).where(eq(members.id, kept.creatorId)).limit(1)).length > 0;
    const restored: Media = (
      await tx
        .insert(media)
        .values({ ...kept, creatorId: creatorLives ? kept.creatorId : null })
        .returning()
    )[0];
    await setTagsOf(tx, id, await tagIdsFor(tx, taken.tags));
    await recordMediaChange(tx, actor, { before: null, after: restored, restored: true });
  });
  return { id };
}
