import 'server-only';
import { and, count } from 'drizzle-orm';
import { db } from '@/db';
import { media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanGetMedia, readableMedia } from '@/lib/permissions/media';
import { DEFAULT_SORT } from './filter-options';
import { filterConditions, orderFor, type MediaFilter, type MediaSort } from './media-filter';
import { presentMedia, type MediaRecord } from './present';

export type ListOptions = { sort?: MediaSort; imagesOnly?: boolean } & MediaFilter;

/** `limit` media from `offset` of the media this actor may read, and how many there are in all. */
export async function listMediaRange(
  actor: Actor,
  opts: { limit: number; offset: number } & ListOptions,
): Promise<{ items: MediaRecord[]; total: number }> {
  assertCanGetMedia(actor);
  const filter = { ...opts, kind: opts.imagesOnly ? 'image' : opts.kind } satisfies MediaFilter;
  const where = and(readableMedia(actor), ...filterConditions(filter));
  const [{ total }] = await db()
    .select({ total: count() })
    .from(media)
    .where(and(readableMedia(actor), ...filterConditions(filter, 'count')));
  const rows = await db()
    .select()
    .from(media)
    .where(where)
    .orderBy(...orderFor(opts.sort ?? DEFAULT_SORT))
    .limit(opts.limit)
    .offset(opts.offset);
  return { items: await presentMedia(rows), total };
}
