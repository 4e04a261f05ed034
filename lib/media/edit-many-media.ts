import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db';
import { forUpdate } from '@/db/locks';
import { media, members, tags } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { badRequest } from '@/lib/errors';
import { recordMediaChange, tagNamesOf } from '@/lib/events/media-change';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { bulkEditInput } from './schemas';
import { addTagsTo, dropUnused, removeTagsFrom, tagsFor } from './media-tags';

export type BulkOutcome = { id: string; changed: true } | { id: string; changed: false; reason: string };

/**
 * The bulk bar: change the creator of many media, or add or remove tags of many, in one transaction. Items the
 * actor cannot read are reported as not found; an item that would pass the tag limit is kept as it was.
 */
export async function editManyMedia(actor: Actor, input: unknown): Promise<BulkOutcome[]> {
  assertMediaRight(actor, 'edit');
  const parsed = bulkEditInput.parse(input);
  const ids = [...new Set(parsed.ids)];
  return await transaction(async (tx) => {
    // Locked: the per-media tag limit is counted on tags no other edit is adding at the same moment.
    const found = new Set(
      (
        await forUpdate(
          tx
            .select({ id: media.id })
            .from(media)
            .where(and(inArray(media.id, ids), readableMedia(actor))),
        )
      ).map((r) => r.id),
    );
    const missing = (id: string): BulkOutcome => ({ id, changed: false, reason: 'No such media' });
    if ('creatorId' in parsed) {
      if (!(await tx.select({ id: members.id }).from(members).where(eq(members.id, parsed.creatorId)).limit(1))[0]) {
        throw badRequest(`creatorId: there is no member ${parsed.creatorId}`);
      }
      const before = await tx
        .select()
        .from(media)
        .where(inArray(media.id, [...found]));
      const after = new Map(
        (
          await tx
            .update(media)
            .set({ creatorId: parsed.creatorId, updatedAt: new Date() })
            .where(inArray(media.id, [...found]))
            .returning()
        ).map((m) => [m.id, m]),
      );
      for (const m of before) await recordMediaChange(tx, actor, { before: m, after: after.get(m.id)! });
      return ids.map((id) => (found.has(id) ? { id, changed: true } : missing(id)));
    }
    const now = new Date();
    const outcomes: BulkOutcome[] = [];
    if ('removeTags' in parsed) {
      // Only tags that exist can be held; none is created, and a tag left on no media stays (Media settings → Tags).
      const held = (await tx.select({ id: tags.id }).from(tags).where(inArray(tags.name, parsed.removeTags))).map(
        (t) => t.id,
      );
      for (const id of ids) outcomes.push(await changeTagsOf(id, () => removeTagsFrom(tx, id, held)));
      return outcomes;
    }
    const { ids: tagIds, created } = await tagsFor(tx, parsed.addTags);
    for (const id of ids) outcomes.push(await changeTagsOf(id, () => addTagsTo(tx, id, tagIds)));
    await dropUnused(tx, created);
    return outcomes;

    /** One item's tag change: `change` answers null past the tag limit, 0 when it changed nothing. */
    async function changeTagsOf(id: string, change: () => Promise<number | null>): Promise<BulkOutcome> {
      if (!found.has(id)) return missing(id);
      const tagsBefore = await tagNamesOf(tx, id);
      const changed = await change();
      if (changed === null) {
        return { id, changed: false, reason: `It would have more than ${config().KURA_MAX_TAGS_PER_MEDIA} tags` };
      }
      if (changed === 0 && 'removeTags' in parsed) return { id, changed: false, reason: 'It has none of these tags' };
      const m = (await tx.update(media).set({ updatedAt: now }).where(eq(media.id, id)).returning())[0];
      await recordMediaChange(tx, actor, {
        before: m,
        after: m,
        tags: { before: tagsBefore, after: await tagNamesOf(tx, id) },
      });
      return { id, changed: true };
    }
  });
}
