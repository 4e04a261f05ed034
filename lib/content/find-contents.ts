// Design notes: docs/content.md ("Querying").
import 'server-only';
import { and, count as count_, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { notIndexed } from '@/db/dialect';
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
  const search = query.q ? matchesSearch(query.q) : null;
  // With a search, SQLite must not walk the API's index (every row's JSON) but look the matches up by id.
  const where: SQL[] = [search ? notIndexed(contents.apiId, api.id) : eq(contents.apiId, api.id)];
  if (query.ids) where.push(query.ids.length ? inArray(contents.id, query.ids.slice(0, 1000)) : eq(contents.id, ''));
  if (query.filters) where.push(filterCondition(fields, parseFilters(query.filters)));
  if (search) {
    await ensureSearchable(api, fields);
    where.push(search);
  }
  const order = orderBy(fields, parseOrders(query.orders ?? []));
  const pick = query.fields && checkFieldNames(fields, query.fields);
  const condition = and(...where);
  const count = async () => (await db().select({ totalCount: count_() }).from(contents).where(condition))[0].totalCount;
  if (query.limit === 0) return { api, fields, rows: [], totalCount: await count(), ...rest(query, pick) };
  if (search) {
    // A search bounds the rows: one pass counts them beside the page (`count(*) over ()`), instead of a second
    // statement doing the search and the filters again.
    const counted = await db()
      .select({ row: contents, total: sql<number>`count(*) over ()` })
      .from(contents)
      .where(condition)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset);
    if (counted.length > 0) {
      const rows = counted.map((c) => c.row);
      return { api, fields, rows, totalCount: Number(counted[0].total), ...rest(query, pick) };
    }
    return { api, fields, rows: [], totalCount: await count(), ...rest(query, pick) };
  }
  const [totalCount, rows] = await Promise.all([
    count(),
    db()
      .select()
      .from(contents)
      .where(condition)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
  ]);
  return { api, fields, rows, totalCount, ...rest(query, pick) };
}

const rest = (query: { limit: number; offset: number }, pick: string[] | undefined) => ({
  limit: query.limit,
  offset: query.offset,
  pick,
});
