import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { listMediaRange, type ListOptions } from './list-media-range';
import type { MediaRecord } from './present';

/** `totalIsAtLeast`: more media match than `total` (counting stopped there); `pageCount` is then a lower bound. */
export type MediaPage = {
  items: MediaRecord[];
  total: number;
  totalIsAtLeast: boolean;
  page: number;
  pageCount: number;
};

/**
 * How far past a page the library counts. Counting every match costs a read of every matching row (at
 * 1,000,000 media ≈ 50–70 ms for all of them on PostgreSQL, 0.2–0.6 s for a tag filter on either database:
 * bench/RESULTS.md); past this many the library says "10,000+ items", and counts further as one pages on.
 */
export const COUNT_AHEAD = 10_000;

/** One numbered page of the media this actor may read (the library, the picker); past the end, the last page. */
export async function listMediaPage(
  actor: Actor,
  opts: { page: number; pageSize: number } & ListOptions,
): Promise<MediaPage> {
  const range = (page: number) => {
    const offset = (page - 1) * opts.pageSize;
    return listMediaRange(actor, { ...opts, limit: opts.pageSize, offset, countUpTo: offset + COUNT_AHEAD });
  };
  const first = await range(opts.page);
  const pageCount = Math.max(1, Math.ceil(first.total / opts.pageSize));
  if (opts.page <= pageCount) return { ...first, page: opts.page, pageCount };
  // Past the end: the count was exact (it stops only beyond this page), so the last page is known.
  const last = await range(pageCount);
  return { ...last, page: pageCount, pageCount };
}
