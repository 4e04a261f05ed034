import 'server-only';
import { count, desc, sql } from 'drizzle-orm';
import { db } from '@/db';
import { mediaTrash } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanGetMedia, assertMediaRight } from '@/lib/permissions/media';
import { trashScope } from './move-to-trash';
import { purgeAt } from './purge-trash';

export type TrashItem = {
  id: string;
  fileName: string;
  kind: string;
  size: number;
  tags: string[];
  trashedAt: string;
  trashedBy: string;
  /** When the sweeper deletes it for good (`KURA_TRASH_DAYS` after it was trashed). */
  purgeAt: string;
};

export type TrashPage = { items: TrashItem[]; totalCount: number; totalBytes: number; limit: number; offset: number };

/**
 * Media settings → Trash and `GET /api/v1/media/trash`: newest first, within the actor's read scope (needs the delete
 * right).
 */
export async function listTrash(actor: Actor, opts: { limit?: number; offset?: number } = {}): Promise<TrashPage> {
  assertMediaRight(actor, 'delete');
  assertCanGetMedia(actor); // a list names media: an API key needs "Get media" too
  const limit = opts.limit ?? 100;
  const offset = opts.offset ?? 0;
  const where = trashScope(actor);
  const [rows, [totals]] = await Promise.all([
    db()
      .select()
      .from(mediaTrash)
      .where(where)
      .orderBy(desc(mediaTrash.trashedAt), desc(mediaTrash.mediaId))
      .limit(limit)
      .offset(offset),
    db()
      .select({ n: count(), bytes: sql<number>`coalesce(sum(${mediaTrash.size}), 0)` })
      .from(mediaTrash)
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.mediaId,
      fileName: r.fileName,
      kind: r.kind,
      size: r.size,
      tags: r.tags,
      trashedAt: r.trashedAt.toISOString(),
      trashedBy: r.trashedBy,
      purgeAt: purgeAt(r.trashedAt).toISOString(),
    })),
    totalCount: Number(totals.n),
    totalBytes: Number(totals.bytes),
    limit,
    offset,
  };
}
