import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { recordContentChange } from '@/lib/events/content-change';
import { assertContentRight } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';

/**
 * Deletes a content item; its references go with it (ON DELETE CASCADE) and its webhook event is written in the same
 * transaction.
 */
export function deleteContent(actor: Actor, endpoint: string, id: string): void {
  const api = findApi(endpoint);
  assertContentRight(actor, api.id, 'delete');
  db().transaction(
    (tx) => {
      const deleted = tx
        .delete(contents)
        .where(and(eq(contents.id, id), eq(contents.apiId, api.id)))
        .returning()
        .get();
      if (!deleted) throw notFound(`There is no content ${id} in ${api.endpoint}`);
      recordContentChange(tx, api, fieldsOf(api), deleted, null);
    },
    { behavior: 'immediate' },
  );
}
