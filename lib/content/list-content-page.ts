import 'server-only';
import { z } from 'zod';
import type { Api } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hasContentRight } from '@/lib/permissions/content';
import { contentTitle } from './content-title';
import { findContents } from './find-contents';

export type ContentRow = { id: string; title: string; createdAt: string; updatedAt: string };
/** The columns the admin list sorts by: the title is the API's first text field (`contentTitle`). */
export type ContentSortColumn = 'title' | 'id' | 'createdAt' | 'updatedAt';
export type ContentSort = { column: ContentSortColumn; descending: boolean };
export type ContentPage = {
  api: Pick<Api, 'endpoint' | 'name' | 'kind'>;
  rows: ContentRow[];
  total: number;
  page: number;
  pageCount: number;
  q: string;
  sort: ContentSort;
  /** The columns that can be sorted (the title only when the API has a text field). */
  sortable: ContentSortColumn[];
  canCreate: boolean;
};

/** The admin list's URL state: `?q=…&sort=-updatedAt&page=2`; anything unreadable falls back to the default. */
export const contentPageQuery = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  sort: z
    .string()
    .regex(/^-?(title|id|createdAt|updatedAt)$/)
    .catch('-createdAt')
    .default('-createdAt'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type ContentPageQuery = z.infer<typeof contentPageQuery>;

/**
 * The admin list of a list API's content: search, sort by a column and one page, through the content API's own
 * query (`findContents`), so the screen shows what `GET /api/v1/{api}` answers.
 */
export async function listContentPage(
  actor: Actor,
  endpoint: string,
  input: ContentPageQuery,
  pageSize = 50,
): Promise<ContentPage> {
  const probe = await findContents(actor, endpoint, { limit: 0 });
  const titleField = probe.fields.find((f) => f.kind === 'text');
  const descending = input.sort.startsWith('-');
  const wanted = input.sort.replace(/^-/, '') as ContentSortColumn;
  const column: ContentSortColumn = wanted === 'title' && !titleField ? 'createdAt' : wanted;
  const key = column === 'title' ? titleField!.id : column;
  const query = { q: input.q || undefined, orders: `${descending ? '-' : ''}${key}` };
  let found = await findContents(actor, endpoint, { ...query, limit: pageSize, offset: (input.page - 1) * pageSize });
  const pageCount = Math.max(1, Math.ceil(found.totalCount / pageSize));
  const page = Math.min(input.page, pageCount);
  if (page !== input.page)
    found = await findContents(actor, endpoint, { ...query, limit: pageSize, offset: (page - 1) * pageSize });
  return {
    api: { endpoint: found.api.endpoint, name: found.api.name, kind: found.api.kind },
    rows: found.rows.map((r) => ({
      id: r.id,
      title: contentTitle(found.fields, r.data, r.id),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    total: found.totalCount,
    page,
    pageCount,
    q: input.q,
    sort: { column, descending },
    sortable: titleField ? ['title', 'id', 'createdAt', 'updatedAt'] : ['id', 'createdAt', 'updatedAt'],
    canCreate: hasContentRight(actor, found.api.id, 'create'),
  };
}
