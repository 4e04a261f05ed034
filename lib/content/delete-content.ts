import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db';
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
export async function deleteContent(actor: Actor, endpoint: string, id: string): Promise<void> {
  const api = await findApi(endpoint);
  assertContentRight(actor, api.id, 'delete');
  await transaction(async (tx) => {
    const deleted = (
      await tx
        .delete(contents)
        .where(and(eq(contents.id, id), eq(contents.apiId, api.id)))
        .returning()
    )[0];
    if (!deleted) throw notFound(`There is no content ${id} in ${api.endpoint}`);
    await recordContentChange(tx, api, fieldsOf(api), deleted, null);
  });
}
