import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { contents, type Content } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { checkFieldNames } from './content-conditions';
import { contentItemQuery } from './content-query';
import { findContents } from './find-contents';
import { fieldsOf, readableApi } from './get-api';
import { pickFields, presentContents, type ContentRecord } from './present-content';

export type ContentList = { contents: Partial<ContentRecord>[]; totalCount: number; offset: number; limit: number };

/** One page of a list API's content in the content API's shape (query: `findContents`). */
export async function listContent(
  actor: Actor,
  endpoint: string,
  query: Record<string, unknown>,
): Promise<ContentList> {
  const found = await findContents(actor, endpoint, query);
  const records = await presentContents(found.fields, found.rows);
  return {
    contents: records.map((r) => pickFields(r, found.pick)),
    totalCount: found.totalCount,
    offset: found.offset,
    limit: found.limit,
  };
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

/** One item of a list API in the content API's shape; `fields` picks top-level names. */
export async function getContent(
  actor: Actor,
  endpoint: string,
  id: string,
  query: Record<string, unknown> = {},
): Promise<Partial<ContentRecord>> {
  const api = await readableApi(actor, endpoint);
  if (api.kind !== 'list') throw notFound(`"${endpoint}" is an object API: read it with GET /api/v1/${endpoint}`);
  const { fields } = contentItemQuery.parse(query);
  const pick = fields && checkFieldNames(fieldsOf(api), fields);
  const record = (await presentContents(fieldsOf(api), [await getContentRow(actor, endpoint, id)]))[0];
  return pickFields(record, pick);
}
