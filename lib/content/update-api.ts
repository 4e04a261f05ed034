import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { apis, contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { assertCanManageApis } from '@/lib/permissions/content';
import { fieldsOf, findApi } from './get-api';
import { referencesIn, writeReferences } from './media-in-content';
import { updateApiInput, valueOf } from './schemas';
import { writeSearchText } from './search-text';

/**
 * Renames an API and changes its fields; Administrators only. The endpoint never changes (clients use
 * it). A removed field's values are dropped and every content's references rewritten in the same
 * transaction; a field that holds values cannot change kind.
 */
export async function updateApi(actor: Actor, endpoint: string, input: unknown): Promise<{ endpoint: string }> {
  assertCanManageApis(actor);
  const { name, fields } = updateApiInput.parse({ ...(input as object), endpoint });
  await transaction(async (tx) => {
    const api = await findApi(endpoint, tx);
    const before = new Map(fieldsOf(api).map((f) => [f.id, f]));
    const kept = new Set(fields.map((f) => f.id));
    const rows = await tx
      .select({ id: contents.id, data: contents.data })
      .from(contents)
      .where(eq(contents.apiId, api.id));
    for (const field of fields) {
      const old = before.get(field.id);
      if (old && old.kind !== field.kind && rows.some((r) => valueOf(r.data, field.id) !== undefined)) {
        throw badRequest(
          `fields: "${field.id}" holds values, so it cannot change ` +
            `from ${old.kind} to ${field.kind}; add a new field instead`,
        );
      }
    }
    await tx.update(apis).set({ name, fields, updatedAt: new Date() }).where(eq(apis.id, api.id));
    for (const row of rows) {
      const data = Object.fromEntries(Object.entries(row.data).filter(([key]) => kept.has(key)));
      if (Object.keys(data).length === Object.keys(row.data).length) continue;
      await tx.update(contents).set({ data }).where(eq(contents.id, row.id));
      await writeReferences(tx, row.id, await referencesIn(fields, data));
      await writeSearchText(tx, row.id, fields, data);
    }
  });
  return { endpoint };
}
