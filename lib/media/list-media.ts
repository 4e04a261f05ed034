import 'server-only';
import { and, count, desc, eq, notExists, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { contentMedia, media } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readableMedia } from '@/lib/permissions/media';
import { presentMedia, type MediaRecord } from './present';

export type MediaPage = { items: MediaRecord[]; total: number; page: number; pageCount: number };

export type MediaFilter = {
  /** Substring of the file name or the alt text. */
  search?: string;
  imagesOnly?: boolean;
  /** Only media that no content references. */
  unused?: boolean;
};

/** One page of the media this actor may read, newest first. */
export function listMedia(actor: Actor, opts: { page: number; pageSize: number } & MediaFilter): MediaPage {
  const where = and(readableMedia(actor), ...filterConditions(opts));
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

function filterConditions(filter: MediaFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${media.fileName} like ${pattern} escape '\\'`, sql`${media.alt} like ${pattern} escape '\\'`)!);
  }
  if (filter.imagesOnly) conditions.push(eq(media.kind, 'image'));
  if (filter.unused) {
    conditions.push(notExists(db().select({ one: sql`1` }).from(contentMedia).where(eq(contentMedia.mediaId, media.id))));
  }
  return conditions;
}
