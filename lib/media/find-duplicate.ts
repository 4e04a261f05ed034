import 'server-only';
import { and, asc, eq, ne } from 'drizzle-orm';
import { db } from '@/db';
import { media, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canGetMedia, readableMedia } from '@/lib/permissions/media';
import { presentMedia, type MediaRecord } from './present';
import { deliveryUrl } from './urls';

/** The media item already holding the same bytes, as an upload names it (`duplicateOf`). */
export type DuplicateOf = { id: string; fileName: string; url: string };

/**
 * The oldest media item (not in Trash: Trash is another table) with these bytes that this actor may read, other than
 * `except`; null when there is none. An API key without "Get media" is never told, so an upload names nothing it could
 * not fetch.
 * @example await findDuplicate(actor, sha256, created.id) // { id, fileName: 'cat.jpg', url } or null
 */
export async function findDuplicate(actor: Actor, sha256: string, except?: string): Promise<DuplicateOf | null> {
  if (!canGetMedia(actor)) return null;
  const row = (
    await db()
      .select({
        id: media.id,
        fileName: media.fileName,
        kind: media.kind,
        storage: media.storage,
        storageKey: media.storageKey,
      })
      .from(media)
      .where(and(eq(media.sha256, sha256), except ? ne(media.id, except) : undefined, readableMedia(actor)))
      .orderBy(asc(media.createdAt), asc(media.id))
      .limit(1)
  )[0];
  return row ? { id: row.id, fileName: row.fileName, url: deliveryUrl(row) } : null;
}

/** An upload's answer: its record and `duplicateOf`, the item that already held these bytes (or null). */
export async function uploadAnswer(
  actor: Actor,
  created: Media,
): Promise<MediaRecord & { duplicateOf: DuplicateOf | null }> {
  return { ...(await presentMedia([created]))[0], duplicateOf: await findDuplicate(actor, created.sha256, created.id) };
}
