import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { media, mediaTags, tags } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { KuraError, notFound } from '@/lib/errors';
import { recordMediaChange, tagNamesOf } from '@/lib/events/media-change';
import { tagName } from '@/lib/media/schemas';
import { assertCanManageTags } from '@/lib/permissions/media';
import type { TagRow } from './list-tags';

/** Renames a tag everywhere it is used; names stay unique. Each media item holding it gets an activity entry. */
export async function renameTag(actor: Actor, id: string, name: unknown): Promise<TagRow> {
  assertCanManageTags(actor);
  const newName = tagName.parse(name);
  try {
    return await transaction(async (tx) => {
      const holders = (
        await tx
          .select()
          .from(media)
          .innerJoin(mediaTags, eq(mediaTags.mediaId, media.id))
          .where(eq(mediaTags.tagId, id))
      ).map((r) => r.media);
      const tagsBefore = new Map<string, string[]>();
      for (const m of holders) tagsBefore.set(m.id, await tagNamesOf(tx, m.id));
      const row = (
        await tx.update(tags).set({ name: newName }).where(eq(tags.id, id)).returning({ id: tags.id, name: tags.name })
      )[0];
      if (!row) throw notFound('No such tag');
      for (const m of holders)
        await recordMediaChange(tx, actor, {
          before: m,
          after: m,
          tags: { before: tagsBefore.get(m.id)!, after: await tagNamesOf(tx, m.id) },
        });
      return { ...row, uses: holders.length };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new KuraError('conflict', `A tag named "${newName}" already exists`);
    throw err;
  }
}
