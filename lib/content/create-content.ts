// Design notes: docs/content.md.
import 'server-only';
import { transaction } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { recordContentChange } from '@/lib/events/content-change';
import { newContentId } from '@/lib/ids';
import { assertContentRight } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';
import { assertRequired, prepareContent } from './prepare-content';
import { checkMediaRefs, referencesIn, writeReferences } from './media-in-content';
import { chosenContentId } from './schemas';
import { writeSearchText } from './search-text';

/**
 * Creates a content item of a list API, with a new id or the one chosen (`PUT /api/v1/{api}/{id}`, microCMS's id
 * rules); its media references and search text are written in the same transaction. A chosen id already taken is a
 * 400, decided by the primary key, so two requests for the same id never both succeed.
 */
export async function createContent(
  actor: Actor,
  endpoint: string,
  body: unknown,
  chosenId?: string,
): Promise<{ id: string }> {
  const api = await findApi(endpoint);
  assertContentRight(actor, api.id, 'create');
  if (api.kind !== 'list')
    throw badRequest(`"${api.endpoint}" is an object API: write its one item with PATCH /api/v1/${api.endpoint}`);
  const id = chosenId === undefined ? newContentId() : chosenContentId.parse(chosenId);
  const fields = fieldsOf(api);
  const draft = await prepareContent(fields, body);
  const data = Object.fromEntries(Object.entries(draft.data).filter(([, v]) => v !== null));
  assertRequired(fields, data);
  try {
    await transaction(async (tx) => {
      await checkMediaRefs(tx, actor, draft.checks);
      const now = new Date(); // one moment: a new item is updated when it is created, never a millisecond before
      const row = (
        await tx.insert(contents).values({ id, apiId: api.id, data, createdAt: now, updatedAt: now }).returning()
      )[0];
      await writeReferences(tx, id, await referencesIn(fields, data));
      await writeSearchText(tx, id, fields, data);
      await recordContentChange(tx, api, fields, null, row);
    });
  } catch (err) {
    if (chosenId !== undefined && isUniqueViolation(err)) throw badRequest(`The content id "${id}" is already in use`);
    throw err;
  }
  return { id };
}
