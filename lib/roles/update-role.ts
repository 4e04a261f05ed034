import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { transaction } from '@/db';
import { roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';
import { replaceGrants } from './content-grants';
import { assertRoleNameFree } from './role-name';
import { updateRoleInput } from './schemas';
import { recordActivity } from '@/lib/activity/record-activity';

/**
 * Changes a role's name and rights; its members get the new rights on their next request. The built-in
 * Administrator is refused: it always has every right.
 */
export async function updateRole(actor: Actor, input: unknown): Promise<{ id: string; name: string }> {
  assertAdmin(actor, 'change roles');
  const { id, content, ...fields } = updateRoleInput.parse(input);
  return await transaction(async (tx) => {
    const role = (await tx.select().from(roles).where(eq(roles.id, id)).limit(1))[0];
    if (!role) throw notFound('No such role');
    if (role.builtin) throw badRequest('The Administrator role cannot be changed: it always has every permission');
    await assertRoleNameFree(tx, fields.name, id);
    await tx
      .update(roles)
      .set(fields)
      .where(and(eq(roles.id, id), isNull(roles.builtin)));
    await replaceGrants(tx, { roleId: id }, content);
    const before = {
      name: role.name,
      mediaRead: role.mediaRead,
      mediaUpload: role.mediaUpload,
      mediaEdit: role.mediaEdit,
      mediaDelete: role.mediaDelete,
    };
    await recordActivity(tx, actor, [
      { operation: 'role_updated', mediaId: null, target: fields.name, before, after: fields },
    ]);
    return { id, name: fields.name };
  });
}
