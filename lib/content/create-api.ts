import 'server-only';
import { transaction } from '@/db';
import { apis } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { KuraError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertCanManageApis } from '@/lib/permissions/content';
import { createApiInput } from './schemas';

/** Creates an API (content endpoint) with its fields; Administrators only. */
export async function createApi(actor: Actor, input: unknown): Promise<{ endpoint: string }> {
  assertCanManageApis(actor);
  const { endpoint, name, kind, fields } = createApiInput.parse(input);
  const now = new Date();
  const inserted = await transaction((tx) =>
    tx
      .insert(apis)
      .values({ id: newId(), endpoint, name, kind, fields, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: apis.endpoint })
      .returning({ endpoint: apis.endpoint }),
  );
  if (inserted.length === 0) throw new KuraError('conflict', `An API with the endpoint "${endpoint}" already exists`);
  return inserted[0];
}
