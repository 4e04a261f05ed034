import 'server-only';
import { and, count, eq, notExists, sql } from 'drizzle-orm';
import { db } from '@/db';
import { mediaTags, tags } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, notFound } from '@/lib/errors';
import { assertCanManageTags } from '@/lib/permissions/media';

/** Deletes a tag that no media uses; a tag in use is refused with how many media hold it. */
export function deleteTag(actor: Actor, id: string): void {
  assertCanManageTags(actor);
  const deleted = db()
    .delete(tags)
    .where(
      and(
        eq(tags.id, id),
        notExists(
          db()
            .select({ one: sql`1` })
            .from(mediaTags)
            .where(eq(mediaTags.tagId, tags.id)),
        ),
      ),
    )
    .returning({ id: tags.id })
    .all();
  if (deleted.length > 0) return;
  const row = db().select({ name: tags.name }).from(tags).where(eq(tags.id, id)).get();
  if (!row) throw notFound('No such tag');
  const [{ uses }] = db().select({ uses: count() }).from(mediaTags).where(eq(mediaTags.tagId, id)).all();
  throw badRequest(`"${row.name}" is used by ${uses} media; remove it from them first`);
}
