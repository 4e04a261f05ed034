import 'server-only';
import { transaction } from '@/db';
import { roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { newId } from '@/lib/ids';
import { assertAdmin } from '@/lib/permissions/admin';
import { replaceGrants } from './content-grants';
import { assertRoleNameFree } from './role-name';
import { createRoleInput } from './schemas';
import { recordActivity } from '@/lib/activity/record-activity';

/** Creates a role with its media rights and per-API content rights (Administrators only). */
export async function createRole(actor: Actor, input: unknown): Promise<{ id: string; name: string }> {
  assertAdmin(actor, 'create roles');
  const { content, ...fields } = createRoleInput.parse(input);
  const id = newId();
  return await transaction(async (tx) => {
    await assertRoleNameFree(tx, fields.name);
    await tx.insert(roles).values({ id, ...fields });
    await replaceGrants(tx, { roleId: id }, content);
    await recordActivity(tx, actor, [
      { operation: 'role_created', mediaId: null, target: fields.name, before: null, after: fields },
    ]);
    return { id, name: fields.name };
  });
}
