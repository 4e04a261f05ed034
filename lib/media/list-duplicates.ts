// Design notes and cost: docs/duplicates.md.
import 'server-only';
import { and, count, countDistinct, desc, eq, inArray, isNotNull, max, ne, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { contentMedia, media, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readableMedia } from '@/lib/permissions/media';
import { nearGroups } from './dhash';
import { presentMedia, type MediaRecord } from './present';

/** At most this many groups of each kind are shown; the rest wait until these are merged. */
export const GROUPS_SHOWN = 50;

export type DuplicateItem = MediaRecord & { references: number };

/** `exact`: the same bytes (SHA-256); `near`: images whose difference hashes are close (resized, recompressed). */
export type DuplicateGroup = { kind: 'exact' | 'near'; items: DuplicateItem[] };

export type Duplicates = { groups: DuplicateGroup[]; more: boolean };

/**
 * The library's Duplicates view: groups of media this actor may read that hold the same bytes, then groups of
 * images that look alike without being the same bytes. Oldest first in each group (the one usually kept).
 */
export async function listDuplicates(actor: Actor): Promise<Duplicates> {
  const scope = readableMedia(actor);
  const exact = await db()
    .select({ sha256: media.sha256 })
    .from(media)
    .where(scope)
    .groupBy(media.sha256)
    .having(sql`${count()} > 1`)
    .orderBy(desc(max(media.createdAt)))
    .limit(GROUPS_SHOWN + 1);
  const hashes = await db()
    .select({ id: media.id, sha256: media.sha256, dhash: media.dhash, createdAt: media.createdAt })
    .from(media)
    .where(and(eq(media.kind, 'image'), isNotNull(media.dhash), ne(media.dhash, ''), scope));
  // One hash per distinct bytes: copies of the same bytes are the exact groups, not near ones.
  const bySha = new Map<string, { dhash: string; ids: string[]; newest: number }>();
  for (const h of hashes) {
    const seen = bySha.get(h.sha256);
    if (seen) {
      seen.ids.push(h.id);
      seen.newest = Math.max(seen.newest, h.createdAt.getTime());
    } else bySha.set(h.sha256, { dhash: h.dhash!, ids: [h.id], newest: h.createdAt.getTime() });
  }
  // Newest first, as the exact groups: what was just uploaded is at the top.
  const newest = (shas: string[]) => Math.max(...shas.map((sha) => bySha.get(sha)!.newest));
  const near = nearGroups([...bySha].map(([sha256, { dhash }]) => ({ id: sha256, dhash })))
    .map((shas) => ({ shas, newest: newest(shas) }))
    .sort((a, b) => b.newest - a.newest)
    .map(({ shas }) => shas.flatMap((sha) => bySha.get(sha)!.ids));
  const exactShown = exact.slice(0, GROUPS_SHOWN).map((e) => e.sha256);
  const nearShown = near.slice(0, GROUPS_SHOWN);
  const rows = await db()
    .select()
    .from(media)
    .where(and(scope, or(inArray(media.sha256, ['', ...exactShown]), inArray(media.id, ['', ...nearShown.flat()]))));
  const items = await itemsOf(rows);
  const oldestFirst = (list: DuplicateItem[]) =>
    list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const withSha = (sha256: string) => rows.filter((r) => r.sha256 === sha256).map((r) => items.get(r.id)!);
  return {
    groups: [
      ...exactShown.map((sha256) => ({ kind: 'exact' as const, items: oldestFirst(withSha(sha256)) })),
      ...nearShown.map((ids) => ({
        kind: 'near' as const,
        items: oldestFirst(ids.flatMap((id) => items.get(id) ?? [])),
      })),
    ].filter((g) => g.items.length > 1),
    more: exact.length > GROUPS_SHOWN || near.length > GROUPS_SHOWN,
  };
}

/** Records with how many content items use each (the panel's "N references"). */
async function itemsOf(rows: Media[]): Promise<Map<string, DuplicateItem>> {
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  if (unique.length === 0) return new Map();
  const counts = new Map(
    (
      await db()
        .select({ mediaId: contentMedia.mediaId, n: countDistinct(contentMedia.contentId) })
        .from(contentMedia)
        .where(
          inArray(
            contentMedia.mediaId,
            unique.map((r) => r.id),
          ),
        )
        .groupBy(contentMedia.mediaId)
    ).map((c) => [c.mediaId, Number(c.n)]),
  );
  const records = await presentMedia(unique);
  return new Map(records.map((r) => [r.id, { ...r, references: counts.get(r.id) ?? 0 }]));
}
