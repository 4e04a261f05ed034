import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { containsText } from '@/db/dialect';
import { media, mediaTags, tags } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readableMedia } from '@/lib/permissions/media';

export type TagRow = { id: string; name: string; uses: number };

/**
 * The service's tags, filtered by a substring of the name, with how many media use each: counted
 * within the actor's read scope, so the count reveals nothing about media they may not read. An actor who
 * reads all media counts the tag's index entries alone (every media_tags row has its media: the foreign key
 * cascades), without reading a media row per use.
 */
export async function listTags(actor: Actor, search = ''): Promise<TagRow[]> {
  const holders = actor.media.read.all
    ? db().select({ n: count() }).from(mediaTags).where(eq(mediaTags.tagId, tags.id))
    : db()
        .select({ n: count() })
        .from(mediaTags)
        .innerJoin(media, eq(media.id, mediaTags.mediaId))
        .where(and(eq(mediaTags.tagId, tags.id), readableMedia(actor)));
  const uses = sql<number>`(${holders})`.mapWith(Number);
  return await db()
    .select({ id: tags.id, name: tags.name, uses })
    .from(tags)
    .where(search.trim() ? containsText(tags.name, search.trim()) : undefined)
    .orderBy(asc(tags.name));
}
