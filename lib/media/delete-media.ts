import 'server-only';
import { and, eq, exists, sql } from 'drizzle-orm';
import { type Tx, transaction } from '@/db';
import { contentMedia, media, mediaTrash } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { KuraError, notFound } from '@/lib/errors';
import { mediaReferences, type MediaReferences } from '@/lib/content/content-using-media';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { recordMediaChange } from '@/lib/events/media-change';
import { dropTrashed } from '@/lib/trash/drop-trashed';
import { removeGarbage } from './storage-journal';
import { moveToTrash, tagsByMedia } from '@/lib/trash/move-to-trash';

/** Refusal to delete media that content uses, naming the content the actor may see. */
export class MediaReferenced extends KuraError {
  constructor(
    readonly fileName: string,
    readonly references: MediaReferences,
  ) {
    super('bad_request', describeHolders(fileName, references));
  }
}

function describeHolders(fileName: string, refs: MediaReferences): string {
  const named = refs.visible.slice(0, 3).map((h) => `“${h.title}” (${h.api.name})`);
  const more = refs.total - named.length;
  const others = more > 0 ? `${named.length ? ' and ' : ''}${more} other content item${more === 1 ? '' : 's'}` : '';
  return `${fileName} cannot be deleted: it is used by ${named.join(', ')}${others}. Remove it from there first.`;
}

/**
 * Deletes one media item unless content uses it: it moves to Trash (its URL 404s at once, its bytes stay), or with
 * `permanent` is deleted for good. The reference check and the move are one `BEGIN IMMEDIATE` transaction, so content
 * saved at the same moment either wins (and the delete is refused) or finds the media gone.
 */
export async function deleteMedia(
  actor: Actor,
  id: string,
  opts: { fileName?: string; permanent?: boolean } = {},
): Promise<{ id: string }> {
  assertMediaRight(actor, 'delete');
  const garbage = await transaction(async (tx) => {
    const tagNames = await tagsByMedia(tx, [id]);
    const deleted = await tx
      .delete(media)
      .where(and(target(actor, id, opts.fileName), unreferenced(tx)))
      .returning();
    if (deleted.length === 0) throw await refusal(tx, actor, id, opts.fileName);
    await moveToTrash(tx, actor, deleted, tagNames);
    await recordMediaChange(tx, actor, { before: deleted[0], after: null });
    return opts.permanent ? (await dropTrashed(tx, eq(mediaTrash.mediaId, id))).garbage : [];
  });
  await removeGarbage(garbage);
  return { id };
}

/** The media rows no content uses, as a WHERE condition on `media`. */
export const unreferenced = (tx: Tx) =>
  sql`not ${exists(
    tx
      .select({ one: sql`1` })
      .from(contentMedia)
      .where(eq(contentMedia.mediaId, media.id)),
  )}`;

/** Why nothing was deleted, decided in the same transaction: not there (or not readable), or referenced. */
async function refusal(tx: Tx, actor: Actor, id: string, fileName?: string): Promise<KuraError> {
  const row = (
    await tx
      .select({ fileName: media.fileName })
      .from(media)
      .where(target(actor, id, fileName))
      .limit(1)
  )[0];
  if (!row) return notFound('No such media');
  return new MediaReferenced(row.fileName, await mediaReferences(actor, id, tx));
}

/**
 * The media row meant: this id, (when deleting by URL) under this name, and for a member within their
 * read scope. An API key's delete right is enough on its own, as in microCMS.
 */
const target = (actor: Actor, id: string, fileName?: string) =>
  and(
    eq(media.id, id),
    actor.type === 'member' ? readableMedia(actor) : undefined,
    fileName === undefined ? undefined : eq(media.fileName, fileName),
  );
