import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { contents, type Content } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { fieldsOf, readableApi } from './get-api';
import { presentContents, type ContentRecord } from './present-content';

export type ContentList = { contents: ContentRecord[]; totalCount: number; offset: number; limit: number };

/** One page of an API's content, newest first, in the content API's shape. */
export function listContent(actor: Actor, endpoint: string, opts: { limit: number; offset: number }): ContentList {
  const api = readableApi(actor, endpoint);
  const [{ totalCount }] = db().select({ totalCount: count() }).from(contents).where(eq(contents.apiId, api.id)).all();
  const rows = db()
    .select()
    .from(contents)
    .where(eq(contents.apiId, api.id))
    .orderBy(desc(contents.createdAt), desc(contents.id))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();
  return { contents: presentContents(fieldsOf(api), rows), totalCount, offset: opts.offset, limit: opts.limit };
}

/** One stored content row of an API the actor may read; 404 when there is none. */
export function getContentRow(actor: Actor, endpoint: string, id: string): Content {
  const api = readableApi(actor, endpoint);
  const row = db()
    .select()
    .from(contents)
    .where(and(eq(contents.id, id), eq(contents.apiId, api.id)))
    .get();
  if (!row) throw notFound(`There is no content ${id} in ${endpoint}`);
  return row;
}

/** One content item in the content API's shape. */
export function getContent(actor: Actor, endpoint: string, id: string): ContentRecord {
  const api = readableApi(actor, endpoint);
  return presentContents(fieldsOf(api), [getContentRow(actor, endpoint, id)])[0];
}
