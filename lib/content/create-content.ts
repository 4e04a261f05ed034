// Design notes: docs/content.md.
import 'server-only';
import { db } from '@/db';
import { contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordContentChange } from '@/lib/events/content-change';
import { newContentId } from '@/lib/ids';
import { assertContentRight } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';
import { assertRequired, prepareContent } from './prepare-content';
import { checkMediaRefs, referencesOf, writeReferences } from './media-in-content';

/** Creates a content item of an API; its media references are written in the same transaction. */
export function createContent(actor: Actor, endpoint: string, body: unknown): { id: string } {
  const api = findApi(endpoint);
  assertContentRight(actor, api.id, 'create');
  const fields = fieldsOf(api);
  const draft = prepareContent(fields, body);
  const data = Object.fromEntries(Object.entries(draft.data).filter(([, v]) => v !== null));
  assertRequired(fields, data);
  const id = newContentId();
  db().transaction(
    (tx) => {
      checkMediaRefs(tx, actor, draft.checks);
      const row = tx.insert(contents).values({ id, apiId: api.id, data, updatedAt: new Date() }).returning().get();
      writeReferences(tx, id, referencesOf(fields, data));
      recordContentChange(tx, api, fields, null, row);
    },
    { behavior: 'immediate' },
  );
  return { id };
}
