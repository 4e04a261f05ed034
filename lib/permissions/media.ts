import 'server-only';
import { eq, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { media, memberRoles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { forbidden } from '@/lib/errors';

export type MediaAction = 'upload' | 'edit' | 'delete';

const REFUSALS: Record<MediaAction, string> = {
  upload: 'You do not have permission to upload media',
  edit: 'You do not have permission to edit media',
  delete: 'You do not have permission to delete media',
};

/** Whether the actor holds this media right. */
export const hasMediaRight = (actor: Actor, action: MediaAction): boolean => actor.media[action];

/** Throws 403 unless the actor holds this media right. */
export function assertMediaRight(actor: Actor, action: MediaAction): void {
  if (!hasMediaRight(actor, action)) throw forbidden(REFUSALS[action]);
}

/** An API key lists and fetches media only with "Get media" (403, as microCMS); members see their read scope. */
export const canGetMedia = (actor: Actor): boolean => actor.type !== 'apiKey' || actor.media.read.all;

/** Throws 403 unless the actor may list and fetch media. */
export function assertCanGetMedia(actor: Actor): void {
  if (!canGetMedia(actor)) throw forbidden('This API key does not have the right to get media');
}

/** Renaming or deleting a tag touches media everywhere, so it needs edit and the right to read all media. */
export const canManageTags = (actor: Actor): boolean => hasMediaRight(actor, 'edit') && actor.media.read.all;

/** Throws 403 unless the actor may rename and delete tags (the edit refusal first, as before). */
export function assertCanManageTags(actor: Actor): void {
  assertMediaRight(actor, 'edit');
  if (!canManageTags(actor)) throw forbidden('Managing tags needs the right to read all media');
}

/**
 * The media rows this actor may read, as a WHERE condition: every listing, search, panel and API
 * filters with it, so out-of-scope media is indistinguishable from media that does not exist.
 */
export function readableMedia(actor: Actor): SQL {
  return readableByCreator(actor, media.creatorId);
}

/** The read scope judged on any column that holds a media item's creator (Trash keeps it beside the row). */
export function readableByCreator(actor: Actor, creatorId: Column): SQL {
  const { read } = actor.media;
  if (read.all) return sql`1 = 1`;
  const scopes: SQL[] = [];
  if (read.own && actor.type === 'member') scopes.push(eq(creatorId, actor.id));
  if (read.roleIds.length > 0) {
    // "Created by members of this role" is judged by the creator's current roles.
    scopes.push(
      inArray(
        creatorId,
        sql`(select ${memberRoles.memberId} from ${memberRoles} where ${inArray(memberRoles.roleId, read.roleIds)})`,
      ),
    );
  }
  return or(...scopes) ?? sql`1 = 0`;
}
