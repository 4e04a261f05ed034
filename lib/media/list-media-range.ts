import 'server-only';
import { and, count, sql } from 'drizzle-orm';
import { db } from '@/db';
import { media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanGetMedia, readableMedia } from '@/lib/permissions/media';
import { DEFAULT_SORT } from './filter-options';
import { filterConditions, orderFor, type MediaFilter, type MediaSort } from './media-filter';
import { presentMedia, type MediaRecord } from './present';

export type ListOptions = { sort?: MediaSort; imagesOnly?: boolean } & MediaFilter;

/**
 * `limit` media from `offset` of the media this actor may read, and how many there are in all. With `countUpTo`,
 * counting stops there: `total` is then at most `countUpTo`, and `totalIsAtLeast` says more match.
 */
export async function listMediaRange(
  actor: Actor,
  opts: { limit: number; offset: number; countUpTo?: number } & ListOptions,
): Promise<{ items: MediaRecord[]; total: number; totalIsAtLeast: boolean }> {
  assertCanGetMedia(actor);
  const filter = { ...opts, kind: opts.imagesOnly ? 'image' : opts.kind } satisfies MediaFilter;
  const where = and(readableMedia(actor), ...filterConditions(filter));
  const countable = and(readableMedia(actor), ...filterConditions(filter, 'count'));
  // The count and the page are two statements; on PostgreSQL they run at once on two pooled connections.
  const counting =
    opts.countUpTo === undefined
      ? db().select({ total: count() }).from(media).where(countable)
      : db()
          .select({ total: count() })
          .from(
            db()
              .select({ one: sql`1`.as('one') })
              .from(media)
              .where(countable)
              .limit(opts.countUpTo + 1)
              .as('counted'),
          );
  const [[{ total }], rows] = await Promise.all([
    counting,
    db()
      .select()
      .from(media)
      .where(where)
      .orderBy(...orderFor(opts.sort ?? DEFAULT_SORT))
      .limit(opts.limit)
      .offset(opts.offset),
  ]);
  const capped = opts.countUpTo !== undefined && total > opts.countUpTo;
  return { items: await presentMedia(rows), total: capped ? opts.countUpTo! : total, totalIsAtLeast: capped };
}
