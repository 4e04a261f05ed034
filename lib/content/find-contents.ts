// Design notes: docs/content.md ("Querying").
import 'server-only';
import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { contents, type Api, type Content } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { checkFieldNames, filterCondition, orderBy } from './content-conditions';
import { contentListQuery } from './content-query';
import { fieldsOf, readableApi } from './get-api';
import { parseFilters, parseOrders } from './parse-filters';
import type { ApiField } from './schemas';
import { ensureSearchable, matchesSearch } from './search-text';

export type FoundContents = {
  api: Api;
  fields: ApiField[];
  rows: Content[];
  totalCount: number;
  limit: number;
  offset: number;
  /** The top-level names `fields` asked for, checked; undefined: all. */
  pick: string[] | undefined;
};

/**
 * The one query over an API's content, for the content API and the admin list alike: microCMS's limit, offset,
 * orders, q, ids, filters and fields (raw query values, parsed here), within the actor's read right.
 * @example findContents(actor, 'blogs', { filters: 'rating[greater_than]3[and]featured[equals]true', q: '東京' })
 */
export async function findContents(
  actor: Actor,
  endpoint: string,
  raw: Record<string, unknown>,
): Promise<FoundContents> {
  const api = await readableApi(actor, endpoint);
  if (api.kind !== 'list')
    throw badRequest(`"${api.endpoint}" is an object API: it holds one item, read it with GET /api/v1/${api.endpoint}`);
  const query = contentListQuery.parse(raw);
  const fields = fieldsOf(api);
  const where: SQL[] = [eq(contents.apiId, api.id)];
  if (query.ids) where.push(query.ids.length ? inArray(contents.id, query.ids.slice(0, 1000)) : eq(contents.id, ''));
  if (query.filters) where.push(filterCondition(fields, parseFilters(query.filters)));
  const search = query.q ? matchesSearch(query.q) : null;
  if (search) {
    await ensureSearchable(api, fields);
    where.push(search);
  }
  const order = orderBy(fields, parseOrders(query.orders ?? []));
  const pick = query.fields && checkFieldNames(fields, query.fields);
  const condition = and(...where);
  const [[{ totalCount }], rows] = await Promise.all([
    db().select({ totalCount: count() }).from(contents).where(condition),
    query.limit === 0
      ? Promise.resolve([] as Content[])
      : db()
          .select()
          .from(contents)
          .where(condition)
          .orderBy(...order)
          .limit(query.limit)
          .offset(query.offset),
  ]);
  return { api, fields, rows, totalCount, limit: query.limit, offset: query.offset, pick };
}
