import 'server-only';
import { and, count, eq, notExists, sql } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { mediaTags, tags } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, notFound } from '@/lib/errors';
import { assertCanManageTags } from '@/lib/permissions/media';

/** Deletes a tag that no media uses; a tag in use is refused with how many media hold it. */
export async function deleteTag(actor: Actor, id: string): Promise<void> {
  assertCanManageTags(actor);
  const deleted = await transaction((tx) =>
    tx
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
      .returning({ id: tags.id }),
  );
  if (deleted.length > 0) return;
  const row = (await db().select({ name: tags.name }).from(tags).where(eq(tags.id, id)).limit(1))[0];
  if (!row) throw notFound('No such tag');
  const [{ uses }] = await db().select({ uses: count() }).from(mediaTags).where(eq(mediaTags.tagId, id));
  throw badRequest(`"${row.name}" is used by ${uses} media; remove it from them first`);
}
