import 'server-only';
import { and, count, eq, lt, or } from 'drizzle-orm';
import { db } from '@/db';
import { media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { assertCanGetMedia, readableMedia } from '@/lib/permissions/media';
import { filterConditions, orderFor, type MediaFilter } from './media-filter';
import { presentMedia, type MediaRecord } from './present';

export type MediaSlice = { media: MediaRecord[]; totalCount: number; token?: string };

/**
 * `GET /api/v2/media`: newest first, paged by a keyset token (the last item's creation time and id).
 * The token never expires, and media added while paging sorts before it, so no item is skipped or repeated.
 */
export async function listMediaAfterToken(
  actor: Actor,
  opts: { limit: number; token?: string } & MediaFilter,
): Promise<MediaSlice> {
  assertCanGetMedia(actor);
  const filter = and(readableMedia(actor), ...filterConditions(opts));
  const countable = and(readableMedia(actor), ...filterConditions(opts, 'count'));
  const after = opts.token ? decodeToken(opts.token) : null;
  // The page and the count at once (on PostgreSQL two pooled connections; totalCount is exact, as microCMS's).
  const [rows, [{ totalCount }]] = await Promise.all([
    db()
      .select()
      .from(media)
      .where(
        and(
          filter,
          after
            ? or(
                lt(media.createdAt, after.createdAt),
                and(eq(media.createdAt, after.createdAt), lt(media.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(...orderFor('-created'))
      .limit(opts.limit + 1),
    db().select({ totalCount: count() }).from(media).where(countable),
  ]);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    media: await presentMedia(page),
    totalCount,
    ...(rows.length > opts.limit ? { token: encodeToken(last.createdAt, last.id) } : {}),
  };
}

const encodeToken = (createdAt: Date, id: string) => Buffer.from(`${createdAt.getTime()}.${id}`).toString('base64url');

function decodeToken(token: string): { createdAt: Date; id: string } {
  const match = Buffer.from(token, 'base64url')
    .toString('utf8')
    .match(/^(\d{1,15})\.([0-9a-f]{32})$/);
  if (!match) throw badRequest('token: not a token from a previous page of this API');
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}
