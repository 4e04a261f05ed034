import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { checkFieldNames } from './content-conditions';
import { contentItemQuery } from './content-query';
import { fieldsOf, readableApi } from './get-api';
import { listContent, type ContentList } from './list-content';
import { objectRow } from './write-object';
import { pickFields, presentContents, type ContentRecord } from './present-content';

/**
 * `GET /api/v1/{api}`: a list API's page of content (`listContent`), or an object API's one item, without an id
 * (microCMS's object shape); 404 while the object has never been written.
 */
export async function readEndpoint(
  actor: Actor,
  endpoint: string,
  query: Record<string, unknown>,
): Promise<ContentList | Partial<ContentRecord>> {
  const api = await readableApi(actor, endpoint);
  if (api.kind === 'list') return await listContent(actor, endpoint, query);
  const { fields: names } = contentItemQuery.parse(query);
  const pick = names && checkFieldNames(fieldsOf(api), names);
  const row = await objectRow(api);
  if (!row) throw notFound(`The object API "${endpoint}" has no content yet: write it with PATCH /api/v1/${endpoint}`);
  const { id: _, ...record } = (await presentContents(fieldsOf(api), [row]))[0];
  return pickFields(record, pick);
}
