import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { contents, type Api } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hasContentRight } from '@/lib/permissions/content';
import { fieldsOf, readableApi } from './get-api';
import { contentTitle } from './content-title';

export type ContentRow = { id: string; title: string; createdAt: string; updatedAt: string };
export type ContentPage = {
  api: Pick<Api, 'endpoint' | 'name'>;
  rows: ContentRow[];
  total: number;
  page: number;
  pageCount: number;
  canCreate: boolean;
};

/** The admin list of an API's content: titles and dates, newest first, one page. */
export async function listContentPage(
  actor: Actor,
  endpoint: string,
  opts: { page: number; pageSize: number },
): Promise<ContentPage> {
  const api = await readableApi(actor, endpoint);
  const fields = fieldsOf(api);
  const [{ total }] = await db().select({ total: count() }).from(contents).where(eq(contents.apiId, api.id));
  const pageCount = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(opts.page, pageCount);
  const rows = await db()
    .select()
    .from(contents)
    .where(eq(contents.apiId, api.id))
    .orderBy(desc(contents.createdAt), desc(contents.id))
    .limit(opts.pageSize)
    .offset((page - 1) * opts.pageSize);
  return {
    api: { endpoint: api.endpoint, name: api.name },
    rows: rows.map((r) => ({
      id: r.id,
      title: contentTitle(fields, r.data, r.id),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    total,
    page,
    pageCount,
    canCreate: hasContentRight(actor, api.id, 'create'),
  };
}
