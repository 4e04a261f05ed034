import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { contentMedia, media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { readableMedia } from '@/lib/permissions/media';
import { deliveryUrlMatcher } from '@/lib/media/urls';
import type { MatchUrl } from '@/lib/media/delivery-url';
import type { MediaCheck } from './prepare-content';
import { mediaUrlsIn, urlsIn } from './rich-html-media';
import { valueOf, type ApiField } from './schemas';

export type Reference = { field: string; mediaId: string };

/** The URLs in a content item's rich-editor values (to look them up at once: `deliveryUrlMatcher`). */
export const richTextUrls = (fields: ApiField[], data: Record<string, unknown>): string[] =>
  fields.flatMap((f) => {
    const value = f.kind === 'richEditor' ? valueOf(data, f.id) : null;
    return typeof value === 'string' ? urlsIn(value) : [];
  });

/** The media a content item uses (`referencesOf` with the URLs looked up). */
export async function referencesIn(fields: ApiField[], data: Record<string, unknown>): Promise<Reference[]> {
  return referencesOf(fields, data, await deliveryUrlMatcher(richTextUrls(fields, data)));
}

/**
 * The media a content item uses, from its stored values: media fields hold ids, rich-editor HTML holds URLs
 * (read with `match`, made for `richTextUrls`).
 */
export function referencesOf(fields: ApiField[], data: Record<string, unknown>, match: MatchUrl): Reference[] {
  const refs = new Map<string, Reference>();
  const add = (field: string, mediaId: string) => refs.set(`${field}\n${mediaId}`, { field, mediaId });
  for (const field of fields) {
    const value = valueOf(data, field.id);
    if (value === undefined || value === null) continue;
    if (field.kind === 'image' || field.kind === 'file') add(field.id, value as string);
    if (field.kind === 'multipleImages') for (const id of value as string[]) add(field.id, id);
    if (field.kind === 'richEditor')
      for (const parts of mediaUrlsIn(value as string, match)) add(field.id, parts.mediaId);
  }
  return [...refs.values()];
}

/** Inside the content write: the reference rows of this content become exactly `refs`. */
export async function writeReferences(tx: Tx, contentId: string, refs: Reference[]): Promise<void> {
  await tx.delete(contentMedia).where(eq(contentMedia.contentId, contentId));
  if (refs.length > 0) await tx.insert(contentMedia).values(refs.map((r) => ({ contentId, ...r })));
}

/** The references a content item holds now, as `field\nmediaId` keys (inside its write transaction). */
export async function heldReferences(tx: Tx, contentId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ field: contentMedia.field, mediaId: contentMedia.mediaId })
    .from(contentMedia)
    .where(eq(contentMedia.contentId, contentId));
  return new Set(rows.map((r) => `${r.field}\n${r.mediaId}`));
}

/**
 * Inside the content write: every media the input names exists now, is current under that name, and
 * suits its field. Being in the same transaction as the insert, no delete can slip in between.
 * Naming media by id needs the right to read it (a URL is public, an id is not); what the item already
 * holds in that field is kept as it is, even if the field's rules changed since.
 */
export async function checkMediaRefs(
  tx: Tx,
  actor: Actor,
  checks: MediaCheck[],
  held: Set<string> = new Set(),
): Promise<void> {
  if (checks.length === 0) return;
  const ids = [...new Set(checks.map((c) => c.mediaId))];
  const rows = new Map(
    (
      await tx
        .select({
          id: media.id,
          fileName: media.fileName,
          kind: media.kind,
          width: media.width,
          height: media.height,
          readable: sql<number>`case when ${readableMedia(actor)} then 1 else 0 end`.mapWith(Number),
        })
        .from(media)
        .where(inArray(media.id, ids))
    ).map((r) => [r.id, r]),
  );
  for (const check of checks) {
    const { field } = check;
    const kept = held.has(`${field.id}\n${check.mediaId}`);
    const row = rows.get(check.mediaId);
    const fail = (message: string) => badRequest(`${field.id}: ${message}`);
    if (!row || (check.fileName === undefined && !kept && !row.readable)) {
      throw fail(
        check.fromRichText
          ? `links to media ${check.mediaId}, which does not exist`
          : `there is no media ${check.given.slice(0, 200)}`,
      );
    }
    if (check.fileName !== undefined && check.fileName !== row.fileName) {
      throw fail(`${check.fileName} is not the current URL of that media (it was renamed or replaced)`);
    }
    if (check.fromRichText || kept) continue;
    const wantsImage = field.kind === 'image' || field.kind === 'multipleImages';
    if (wantsImage && row.kind !== 'image') throw fail(`${row.fileName} is not an image`);
    const size = field.imageSize;
    if (wantsImage && size && (row.width !== size.width || row.height !== size.height)) {
      throw fail(
        `needs an image of exactly ${size.width} × ${size.height} px; ` +
          `${row.fileName} is ${row.width ?? '?'} × ${row.height ?? '?'} px`,
      );
    }
  }
}
