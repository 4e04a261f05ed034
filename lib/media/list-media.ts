import 'server-only';
import { and, count, eq, lt, or } from 'drizzle-orm';
import { db } from '@/db';
import { media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { assertCanGetMedia, readableMedia } from '@/lib/permissions/media';
import { DEFAULT_SORT } from './filter-options';
import { filterConditions, orderFor, type MediaFilter, type MediaSort } from './media-filter';
import { presentMedia, type MediaRecord } from './present';

export type { MediaFilter } from './media-filter';
export type MediaPage = { items: MediaRecord[]; total: number; page: number; pageCount: number };

type ListOptions = { sort?: MediaSort; imagesOnly?: boolean } & MediaFilter;

/** `limit` media from `offset` of the media this actor may read, and how many there are in all. */
export function listMediaAt(actor: Actor, opts: { limit: number; offset: number } & ListOptions): { items: MediaRecord[]; total: number } {
  assertCanGetMedia(actor);
  const filter = { ...opts, kind: opts.imagesOnly ? 'image' : opts.kind } satisfies MediaFilter;
  const where = and(readableMedia(actor), ...filterConditions(filter));
  const [{ total }] = db().select({ total: count() }).from(media).where(and(readableMedia(actor), ...filterConditions(filter, 'count'))).all();
  const rows = db()
    .select()
    .from(media)
    .where(where)
    .orderBy(...orderFor(opts.sort ?? DEFAULT_SORT))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();
  return { items: presentMedia(rows), total };
}

/** One numbered page of the media this actor may read (the library, the picker); past the end, the last page. */
export function listMedia(actor: Actor, opts: { page: number; pageSize: number } & ListOptions): MediaPage {
  const first = listMediaAt(actor, { ...opts, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize });
  const pageCount = Math.max(1, Math.ceil(first.total / opts.pageSize));
  if (opts.page <= pageCount) return { ...first, page: opts.page, pageCount };
  const last = listMediaAt(actor, { ...opts, limit: opts.pageSize, offset: (pageCount - 1) * opts.pageSize });
  return { ...last, page: pageCount, pageCount };
}

export type MediaSlice = { media: MediaRecord[]; totalCount: number; token?: string };

/**
 * `GET /api/v2/media`: newest first, paged by a keyset token (the last item's creation time and id).
 * The token never expires, and media added while paging sorts before it, so no item is skipped or repeated.
 */
export function listMediaByToken(actor: Actor, opts: { limit: number; token?: string } & MediaFilter): MediaSlice {
  assertCanGetMedia(actor);
  const filter = and(readableMedia(actor), ...filterConditions(opts));
  const countable = and(readableMedia(actor), ...filterConditions(opts, 'count'));
  const after = opts.token ? decodeToken(opts.token) : null;
  const rows = db()
    .select()
    .from(media)
    .where(
      and(
        filter,
        after ? or(lt(media.createdAt, after.createdAt), and(eq(media.createdAt, after.createdAt), lt(media.id, after.id))) : undefined,
      ),
    )
    .orderBy(...orderFor('-created'))
    .limit(opts.limit + 1)
    .all();
  const [{ totalCount }] = db().select({ totalCount: count() }).from(media).where(countable).all();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { media: presentMedia(page), totalCount, ...(rows.length > opts.limit ? { token: encodeToken(last.createdAt, last.id) } : {}) };
}

const encodeToken = (createdAt: Date, id: string) => Buffer.from(`${createdAt.getTime()}.${id}`).toString('base64url');

function decodeToken(token: string): { createdAt: Date; id: string } {
  const match = Buffer.from(token, 'base64url').toString('utf8').match(/^(\d{1,15})\.([0-9a-f]{32})$/);
  if (!match) throw badRequest('token: not a token from a previous page of this API');
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}
