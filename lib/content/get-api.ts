import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { apis, type Api } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { assertContentRight, hasContentRight } from '@/lib/permissions/content';
import type { ApiField } from './schemas';

/** The API with this endpoint; 404 naming it when there is none. */
export async function findApi(endpoint: string, from: Db | Tx = db()): Promise<Api> {
  const api = (await from.select().from(apis).where(eq(apis.endpoint, endpoint)).limit(1))[0];
  if (!api) throw notFound(`There is no API "${endpoint}"`);
  return api;
}

/** The API, after checking the actor may read its content. */
export async function readableApi(actor: Actor, endpoint: string): Promise<Api> {
  const api = await findApi(endpoint);
  assertContentRight(actor, api.id, 'read');
  return api;
}

/** The fields of an API, as written by createApi/updateApi (already validated). */
export const fieldsOf = (api: Api) => api.fields as ApiField[];

/** The APIs whose content this actor may read, by name. */
export async function listApis(actor: Actor): Promise<Api[]> {
  return (await db().select().from(apis).orderBy(asc(apis.name))).filter((api) =>
    hasContentRight(actor, api.id, 'read'),
  );
}
