import 'server-only';
import { count, desc } from 'drizzle-orm';
import { db } from '@/db';
import { media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readableMedia } from '@/lib/permissions/media';
import { presentMedia, type MediaRecord } from './present';

export type MediaPage = { items: MediaRecord[]; total: number; page: number; pageCount: number };

/** One page of the media this actor may read, newest first. */
export function listMedia(actor: Actor, opts: { page: number; pageSize: number }): MediaPage {
  const where = readableMedia(actor);
  const [{ total }] = db().select({ total: count() }).from(media).where(where).all();
  const pageCount = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(opts.page, pageCount);
  const rows = db()
    .select()
    .from(media)
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(opts.pageSize)
    .offset((page - 1) * opts.pageSize)
    .all();
  return { items: presentMedia(rows), total, page, pageCount };
}
