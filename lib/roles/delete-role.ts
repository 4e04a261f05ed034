import 'server-only';
import { count, eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { memberRoles, roles } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';
import { recordActivity } from '@/lib/activity/record-activity';

/**
 * Deletes a role that no member holds. A role in use is refused with how many members hold it, and
 * the built-in Administrator never goes; both are decided in the transaction that deletes.
 */
export async function deleteRole(actor: Actor, id: string): Promise<{ id: string }> {
  assertAdmin(actor, 'delete roles');
  return await transaction(async (tx) => {
    const role = (
      await tx.select({ name: roles.name, builtin: roles.builtin }).from(roles).where(eq(roles.id, id)).limit(1)
    )[0];
    if (!role) throw notFound('No such role');
    if (role.builtin) throw badRequest('The Administrator role cannot be deleted');
    const [{ holders }] = await tx.select({ holders: count() }).from(memberRoles).where(eq(memberRoles.roleId, id));
    if (holders > 0) {
      throw badRequest(
        `“${role.name}” is held by ${holders} member${holders === 1 ? '' : 's'}; ` +
          `take the role from them before deleting it`,
      );
    }
    await tx.delete(roles).where(eq(roles.id, id));
    await recordActivity(tx, actor, [
      { operation: 'role_deleted', mediaId: null, target: role.name, before: null, after: null },
    ]);
    return { id };
  });
}
