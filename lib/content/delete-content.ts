import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { assertContentRight } from '@/lib/permissions/content';
import { findApi } from './get-api';

/** Deletes a content item; its references go with it (ON DELETE CASCADE, same statement). */
export function deleteContent(actor: Actor, endpoint: string, id: string): void {
  const api = findApi(endpoint);
  assertContentRight(actor, api.id, 'delete');
  const deleted = db()
    .delete(contents)
    .where(and(eq(contents.id, id), eq(contents.apiId, api.id)))
    .returning({ id: contents.id })
    .all();
  if (deleted.length === 0) throw notFound(`There is no content ${id} in ${api.endpoint}`);
}
