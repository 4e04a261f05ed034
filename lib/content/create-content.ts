// Design notes: docs/content.md.
import 'server-only';
import { transaction } from '@/db';
import { contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordContentChange } from '@/lib/events/content-change';
import { newContentId } from '@/lib/ids';
import { assertContentRight } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';
import { assertRequired, prepareContent } from './prepare-content';
import { checkMediaRefs, referencesIn, writeReferences } from './media-in-content';

/** Creates a content item of an API; its media references are written in the same transaction. */
export async function createContent(actor: Actor, endpoint: string, body: unknown): Promise<{ id: string }> {
  const api = await findApi(endpoint);
  assertContentRight(actor, api.id, 'create');
  const fields = fieldsOf(api);
  const draft = await prepareContent(fields, body);
  const data = Object.fromEntries(Object.entries(draft.data).filter(([, v]) => v !== null));
  assertRequired(fields, data);
  const id = newContentId();
  await transaction(async (tx) => {
    await checkMediaRefs(tx, actor, draft.checks);
    const row = (await tx.insert(contents).values({ id, apiId: api.id, data, updatedAt: new Date() }).returning())[0];
    await writeReferences(tx, id, await referencesIn(fields, data));
    await recordContentChange(tx, api, fields, null, row);
  });
  return { id };
}
