import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { listMediaRange, type ListOptions } from './list-media-range';
import type { MediaRecord } from './present';

export type MediaPage = { items: MediaRecord[]; total: number; page: number; pageCount: number };

/** One numbered page of the media this actor may read (the library, the picker); past the end, the last page. */
export async function listMediaPage(
  actor: Actor,
  opts: { page: number; pageSize: number } & ListOptions,
): Promise<MediaPage> {
  const first = await listMediaRange(actor, { ...opts, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize });
  const pageCount = Math.max(1, Math.ceil(first.total / opts.pageSize));
  if (opts.page <= pageCount) return { ...first, page: opts.page, pageCount };
  const last = await listMediaRange(actor, { ...opts, limit: opts.pageSize, offset: (pageCount - 1) * opts.pageSize });
  return { ...last, page: pageCount, pageCount };
}
