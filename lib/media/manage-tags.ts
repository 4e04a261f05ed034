import 'server-only';
import { and, asc, count, eq, notExists, sql } from 'drizzle-orm';
import { db } from '@/db';
import { media, mediaTags, tags } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, KuraError, notFound } from '@/lib/errors';
import { recordMediaChange, tagNamesOf } from '@/lib/events/media-change';
import { assertCanManageTags, readableMedia } from '@/lib/permissions/media';
import { tagName } from './schemas';

export type TagRow = { id: string; name: string; uses: number };

/**
 * The service's tags, filtered by a substring of the name, with how many media use each: counted
 * within the actor's read scope, so the count reveals nothing about media they may not read.
 */
export function listTags(actor: Actor, search = ''): TagRow[] {
  const pattern = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const holders = db()
    .select({ n: count() })
    .from(mediaTags)
    .innerJoin(media, eq(media.id, mediaTags.mediaId))
    .where(and(eq(mediaTags.tagId, tags.id), readableMedia(actor)));
  const uses = sql<number>`(${holders})`;
  return db()
    .select({ id: tags.id, name: tags.name, uses })
    .from(tags)
    .where(search.trim() ? sql`${tags.name} like ${pattern} escape '\\'` : undefined)
    .orderBy(asc(tags.name))
    .all();
}

/** Renames a tag everywhere it is used; names stay unique. Each media item holding it gets an activity entry. */
export function renameTag(actor: Actor, id: string, name: unknown): TagRow {
  assertCanManageTags(actor);
  const newName = tagName.parse(name);
  try {
    return db().transaction(
      (tx) => {
        const holders = tx.select().from(media).innerJoin(mediaTags, eq(mediaTags.mediaId, media.id)).where(eq(mediaTags.tagId, id)).all().map((r) => r.media);
        const tagsBefore = new Map(holders.map((m) => [m.id, tagNamesOf(tx, m.id)]));
        const row = tx.update(tags).set({ name: newName }).where(eq(tags.id, id)).returning({ id: tags.id, name: tags.name }).get();
        if (!row) throw notFound('No such tag');
        for (const m of holders) recordMediaChange(tx, actor, { before: m, after: m, tags: { before: tagsBefore.get(m.id)!, after: tagNamesOf(tx, m.id) } });
        return { ...row, uses: holders.length };
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new KuraError('conflict', `A tag named "${newName}" already exists`);
    throw err;
  }
}

/** Deletes a tag that no media uses; a tag in use is refused with how many media hold it. */
export function deleteTag(actor: Actor, id: string): void {
  assertCanManageTags(actor);
  const deleted = db()
    .delete(tags)
    .where(and(eq(tags.id, id), notExists(db().select({ one: sql`1` }).from(mediaTags).where(eq(mediaTags.tagId, tags.id)))))
    .returning({ id: tags.id })
    .all();
  if (deleted.length > 0) return;
  const row = db().select({ name: tags.name }).from(tags).where(eq(tags.id, id)).get();
  if (!row) throw notFound('No such tag');
  const [{ uses }] = db().select({ uses: count() }).from(mediaTags).where(eq(mediaTags.tagId, id)).all();
  throw badRequest(`"${row.name}" is used by ${uses} media; remove it from them first`);
}
