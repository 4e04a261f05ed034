import 'server-only';
import { eq } from 'drizzle-orm';
import { db, transaction, type Db, type Tx } from '@/db';
import { contents, type Api, type Content } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { recordContentChange } from '@/lib/events/content-change';
import { assertContentRight } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';
import { applyDraft, assertRequired, prepareContent } from './prepare-content';
import { checkMediaRefs, heldReferences, referencesIn, writeReferences } from './media-in-content';
import { writeSearchText } from './search-text';

/** An object API's one content item has the API's own id, so the primary key keeps it one. */
export const objectRow = async (api: Api, from: Db | Tx = db()): Promise<Content | undefined> =>
  (await from.select().from(contents).where(eq(contents.id, api.id)).limit(1))[0];

/**
 * `PATCH /api/v1/{api}` of an object API (the update right): changes the fields sent (`null` clears one), creating
 * the item on its first write. Two first writes at once: the second insert meets the primary key, and its retried
 * transaction finds the row and updates it (db/errors.ts `isConstraintRace`).
 */
export async function writeObject(actor: Actor, endpoint: string, body: unknown): Promise<{ id: string }> {
  const api = await findApi(endpoint);
  assertContentRight(actor, api.id, 'update');
  if (api.kind !== 'object')
    throw badRequest(`"${api.endpoint}" is a list API: change an item with PATCH /api/v1/${api.endpoint}/{id}`);
  const fields = fieldsOf(api);
  const draft = await prepareContent(fields, body);
  await transaction(async (tx) => {
    const before = await objectRow(api, tx);
    const data = applyDraft(before?.data ?? {}, draft.data);
    assertRequired(fields, data);
    await checkMediaRefs(tx, actor, draft.checks, before ? await heldReferences(tx, api.id) : undefined);
    const now = new Date();
    const after = before
      ? (await tx.update(contents).set({ data, updatedAt: now }).where(eq(contents.id, api.id)).returning())[0]
      : (
          await tx
            .insert(contents)
            .values({ id: api.id, apiId: api.id, data, createdAt: now, updatedAt: now })
            .returning()
        )[0];
    await writeReferences(tx, api.id, await referencesIn(fields, data));
    await writeSearchText(tx, api.id, fields, data);
    await recordContentChange(tx, api, fields, before ?? null, after);
  });
  return { id: api.id };
}
