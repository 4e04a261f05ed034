// Design notes: docs/duplicates.md.
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db';
import { forUpdate } from '@/db/locks';
import { media, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { repointMedia } from '@/lib/content/repoint-media';
import { notFound } from '@/lib/errors';
import { recordMediaChange } from '@/lib/events/media-change';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { moveToTrash, tagsByMedia } from '@/lib/trash/move-to-trash';
import { hammingDistance, isPlain, NEAR_DISTANCE } from './dhash';
import { mergeInput } from './schemas';
import { deliveryUrl } from './urls';

export type MergeOutcome =
  | { id: string; fileName: string; merged: true; exact: boolean; references: number }
  | { id: string; merged: false; reason: string };

export type MergeReport = { kept: { id: string; fileName: string; url: string }; outcomes: MergeOutcome[] };

/**
 * Merges duplicates into one media item: in one transaction every reference of each merged item (media fields and
 * rich-editor HTML, as a rename rewrites them) is re-pointed to `keep`, and the merged items go to Trash. Exact
 * duplicates (same SHA-256) merge; near-duplicates (close difference hashes) only with `confirmNear`; anything
 * else is refused. Reports per item what was merged and what was refused, and why.
 * @example await mergeMedia(actor, { keep: a, merge: [b, c] }) // { kept, outcomes: [{ id: b, merged: true, … }, …] }
 */
export async function mergeMedia(actor: Actor, input: unknown): Promise<MergeReport> {
  assertMediaRight(actor, 'edit');
  assertMediaRight(actor, 'delete');
  const { keep, merge, confirmNear } = mergeInput.parse(input);
  const ids = [...new Set(merge)];
  return await transaction(async (tx) => {
    const rows = await forUpdate(
      tx
        .select()
        .from(media)
        .where(and(inArray(media.id, [keep, ...ids]), readableMedia(actor))),
    );
    const kept = rows.find((r) => r.id === keep);
    if (!kept) throw notFound('No such media');
    const outcomes: MergeOutcome[] = [];
    const accepted: Media[] = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      const refusal = !row ? 'No such media' : whyNot(kept, row, confirmNear === true);
      if (refusal) outcomes.push({ id, merged: false, reason: refusal });
      else accepted.push(row!);
    }
    const tagNames = await tagsByMedia(
      tx,
      accepted.map((r) => r.id),
    );
    for (const row of accepted) {
      const references = await repointMedia(tx, row.id, kept);
      await tx.delete(media).where(eq(media.id, row.id));
      await recordMediaChange(tx, actor, { before: row, after: null });
      outcomes.push({
        id: row.id,
        fileName: row.fileName,
        merged: true,
        exact: row.sha256 === kept.sha256,
        references,
      });
    }
    await moveToTrash(tx, actor, accepted, tagNames);
    const order = new Map(ids.map((id, i) => [id, i]));
    outcomes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { kept: { id: kept.id, fileName: kept.fileName, url: deliveryUrl(kept) }, outcomes };
  });
}

/** Why `row` may not be merged into `kept` (null when it may). */
function whyNot(kept: Media, row: Media, confirmNear: boolean): string | null {
  if (row.id === kept.id) return `${row.fileName} is the item kept`;
  if (row.sha256 === kept.sha256) return null;
  if (!isNear(kept, row)) return `${row.fileName} is not a duplicate of ${kept.fileName}`;
  if (confirmNear) return null;
  return `${row.fileName} is a near-duplicate of ${kept.fileName}, not an exact copy: confirm to merge it`;
}

/** Two images whose difference hashes are close: a resized or recompressed copy. */
export const isNear = (a: Pick<Media, 'dhash'>, b: Pick<Media, 'dhash'>) =>
  !!a.dhash && !!b.dhash && !isPlain(a.dhash) && hammingDistance(a.dhash, b.dhash) <= NEAR_DISTANCE;
