// Design notes: docs/content.md.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { recordContentChange } from '@/lib/events/content-change';
import { assertContentRight } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';
import { applyDraft, assertRequired, prepareContent } from './prepare-content';
import { checkMediaRefs, heldReferences, referencesIn, writeReferences } from './media-in-content';
import { writeSearchText } from './search-text';

/** Changes the fields named in `body` (`null` clears one); references and search text follow in its transaction. */
export async function updateContent(
  actor: Actor,
  endpoint: string,
  id: string,
  body: unknown,
): Promise<{ id: string }> {
  const api = await findApi(endpoint);
  assertContentRight(actor, api.id, 'update');
  const fields = fieldsOf(api);
  const draft = await prepareContent(fields, body);
  await transaction(async (tx) => {
    const where = and(eq(contents.id, id), eq(contents.apiId, api.id));
    const row = (await tx.select().from(contents).where(where).limit(1))[0];
    if (!row) throw notFound(`There is no content ${id} in ${api.endpoint}`);
    const data = applyDraft(row.data, draft.data);
    assertRequired(fields, data);
    await checkMediaRefs(tx, actor, draft.checks, await heldReferences(tx, id));
    const updated = (await tx.update(contents).set({ data, updatedAt: new Date() }).where(where).returning())[0];
    await writeReferences(tx, id, await referencesIn(fields, data));
    await writeSearchText(tx, id, fields, data);
    await recordContentChange(tx, api, fields, row, updated);
  });
  return { id };
}
