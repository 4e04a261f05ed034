import 'server-only';
import { and, count, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { lockNamed } from '@/db/locks';
import { mediaTags, tags } from '@/db/schema';
import { config } from '@/lib/config';
import { badRequest } from '@/lib/errors';
import { newId } from '@/lib/ids';

/** The ids of these tags, creating the missing ones; refused past the service's tag limit. */
export async function tagIdsFor(tx: Tx, names: string[]): Promise<string[]> {
  return (await tagsFor(tx, names)).ids;
}

/** {@link tagIdsFor}, also naming which of them it created. */
export async function tagsFor(tx: Tx, names: string[]): Promise<{ ids: string[]; created: string[] }> {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return { ids: [], created: [] };
  const known = async () =>
    await tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.name, wanted));
  const absent = async () => {
    const existing = await known();
    return wanted.filter((n) => !existing.some((t) => t.name === n));
  };
  let missing = await absent();
  if (missing.length > 0) {
    // Creating tags: one transaction at a time counts and creates (the service's tag limit holds under
    // concurrency), and looks again at what the one before it created.
    await lockNamed(tx, 'tags');
    missing = await absent();
  }
  if (missing.length > 0) {
    const max = config().KURA_MAX_TAGS;
    const [{ n }] = await tx.select({ n: count() }).from(tags);
    if (n + missing.length > max) {
      throw badRequest(
        `tags: this service has ${n} of at most ${max} tags, so ` +
          `${missing.map((m) => `"${m}"`).join(', ')} cannot be added`,
      );
    }
    await tx
      .insert(tags)
      .values(missing.map((name) => ({ id: newId(), name })))
      .onConflictDoNothing();
  }
  const byName = new Map((await known()).map((t) => [t.name, t.id]));
  return { ids: wanted.map((n) => byName.get(n)!), created: missing.map((n) => byName.get(n)!) };
}

/** The media item's tags become exactly these (already checked against the per-media limit). */
export async function setTagsOf(tx: Tx, mediaId: string, tagIds: string[]): Promise<void> {
  await tx.delete(mediaTags).where(eq(mediaTags.mediaId, mediaId));
  if (tagIds.length) await tx.insert(mediaTags).values(tagIds.map((tagId) => ({ mediaId, tagId })));
}

/** Adds tags to one media item; returns how many it holds after, or null when that would pass the limit. */
export async function addTagsTo(tx: Tx, mediaId: string, tagIds: string[]): Promise<number | null> {
  const held = (await tx.select({ tagId: mediaTags.tagId }).from(mediaTags).where(eq(mediaTags.mediaId, mediaId))).map(
    (r) => r.tagId,
  );
  const added = tagIds.filter((t) => !held.includes(t));
  if (held.length + added.length > config().KURA_MAX_TAGS_PER_MEDIA) return null;
  if (added.length)
    await tx
      .insert(mediaTags)
      .values(added.map((tagId) => ({ mediaId, tagId })))
      .onConflictDoNothing();
  return held.length + added.length;
}

/** Takes these tags off one media item; returns how many of them it held. */
export async function removeTagsFrom(tx: Tx, mediaId: string, tagIds: string[]): Promise<number> {
  if (tagIds.length === 0) return 0;
  const removed = await tx
    .delete(mediaTags)
    .where(and(eq(mediaTags.mediaId, mediaId), inArray(mediaTags.tagId, tagIds)))
    .returning();
  return removed.length;
}

/** Removes tags this transaction created that ended up on no media (every item refused them). */
export async function dropUnused(tx: Tx, tagIds: string[]): Promise<void> {
  if (tagIds.length === 0) return;
  await tx.delete(tags).where(
    and(
      inArray(tags.id, tagIds),
      notExists(
        tx
          .select({ one: sql`1` })
          .from(mediaTags)
          .where(eq(mediaTags.tagId, tags.id)),
      ),
    ),
  );
}
