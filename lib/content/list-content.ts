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
export async function listContent(
  actor: Actor,
  endpoint: string,
  opts: { limit: number; offset: number },
): Promise<ContentList> {
  const api = await readableApi(actor, endpoint);
  const [{ totalCount }] = await db().select({ totalCount: count() }).from(contents).where(eq(contents.apiId, api.id));
  const rows = await db()
    .select()
    .from(contents)
    .where(eq(contents.apiId, api.id))
    .orderBy(desc(contents.createdAt), desc(contents.id))
    .limit(opts.limit)
    .offset(opts.offset);
  return { contents: await presentContents(fieldsOf(api), rows), totalCount, offset: opts.offset, limit: opts.limit };
}

/** One stored content row of an API the actor may read; 404 when there is none. */
export async function getContentRow(actor: Actor, endpoint: string, id: string): Promise<Content> {
  const api = await readableApi(actor, endpoint);
  const row = (
    await db()
      .select()
      .from(contents)
      .where(and(eq(contents.id, id), eq(contents.apiId, api.id)))
      .limit(1)
  )[0];
  if (!row) throw notFound(`There is no content ${id} in ${endpoint}`);
  return row;
}

/** One content item in the content API's shape. */
export async function getContent(actor: Actor, endpoint: string, id: string): Promise<ContentRecord> {
  const api = await readableApi(actor, endpoint);
  return (await presentContents(fieldsOf(api), [await getContentRow(actor, endpoint, id)]))[0];
}
