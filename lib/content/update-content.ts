// Design notes: docs/content.md.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { recordContentChange } from '@/lib/events/content-change';
import { assertContentRight } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';
import { assertRequired, prepareContent } from './prepare-content';
import { checkMediaRefs, heldReferences, referencesOf, writeReferences } from './media-in-content';

/** Changes the fields named in `body` (`null` clears one); references are rewritten in the same transaction. */
export function updateContent(actor: Actor, endpoint: string, id: string, body: unknown): { id: string } {
  const api = findApi(endpoint);
  assertContentRight(actor, api.id, 'update');
  const fields = fieldsOf(api);
  const draft = prepareContent(fields, body);
  db().transaction(
    (tx) => {
      const where = and(eq(contents.id, id), eq(contents.apiId, api.id));
      const row = tx.select().from(contents).where(where).get();
      if (!row) throw notFound(`There is no content ${id} in ${api.endpoint}`);
      const data = { ...row.data };
      for (const [key, value] of Object.entries(draft.data)) {
        if (value === null) delete data[key];
        else data[key] = value;
      }
      assertRequired(fields, data);
      checkMediaRefs(tx, actor, draft.checks, heldReferences(tx, id));
      const updated = tx.update(contents).set({ data, updatedAt: new Date() }).where(where).returning().get();
      writeReferences(tx, id, referencesOf(fields, data));
      recordContentChange(tx, api, fields, row, updated);
    },
    { behavior: 'immediate' },
  );
  return { id };
}
