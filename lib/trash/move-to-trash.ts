import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { mediaTags, mediaTrash, tags, type Media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readableByCreator } from '@/lib/permissions/media';

/** Tag names per media id, read inside the transaction before the rows leave `media` (tags cascade with them). */
export async function tagsByMedia(tx: Tx, ids: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (ids.length === 0) return found;
  const rows = await tx
    .select({ mediaId: mediaTags.mediaId, name: tags.name })
    .from(mediaTags)
    .innerJoin(tags, eq(tags.id, mediaTags.tagId))
    .where(inArray(mediaTags.mediaId, ids));
  for (const r of rows) found.set(r.mediaId, [...(found.get(r.mediaId) ?? []), r.name].sort());
  return found;
}

/** A media row as Trash keeps it: dates as milliseconds, so both engines store the same JSON. */
export const frozenRow = (m: Media): Record<string, unknown> => ({
  ...m,
  createdAt: m.createdAt.getTime(),
  updatedAt: m.updatedAt.getTime(),
});

/** The media row Trash kept, as `media` holds it again. */
export const thawedRow = (row: Record<string, unknown>): Media =>
  ({
    ...row,
    createdAt: new Date(row.createdAt as number),
    updatedAt: new Date(row.updatedAt as number),
  }) as Media;

/**
 * Inside the transaction that took these rows out of `media` (delete, delete all, merge): they wait in Trash,
 * bytes untouched, until restored, deleted for good or purged after `KURA_TRASH_DAYS`.
 */
export async function moveToTrash(tx: Tx, actor: Actor, rows: Media[], tagNames: Map<string, string[]>) {
  if (rows.length === 0) return;
  const now = new Date();
  await tx.insert(mediaTrash).values(
    rows.map((m) => ({
      mediaId: m.id,
      fileName: m.fileName,
      kind: m.kind,
      size: m.size,
      storage: m.storage,
      row: frozenRow(m),
      tags: tagNames.get(m.id) ?? [],
      trashedAt: now,
      trashedBy: actor.type === 'member' ? actor.name : `API key ${actor.name}`,
      trashedById: actor.type === 'member' ? actor.id : null,
      creatorId: m.creatorId,
    })),
  );
}

/** The Trash rows this actor may see: a member's read scope; an API key's delete right is enough, as for delete. */
export const trashScope = (actor: Actor) =>
  actor.type === 'member' ? readableByCreator(actor, mediaTrash.creatorId) : sql`1 = 1`;
