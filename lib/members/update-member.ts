import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { members } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';
import { assertAnAdministratorRemains } from './administrators';
import { roleNamesOf, setRolesOf } from './member-roles';
import { updateMemberInput } from './schemas';
import { recordActivity } from '@/lib/activity/record-activity';

/**
 * Changes a member's name and roles; the new rights apply on their next request. Taking the
 * Administrator role from its last holder is refused and changes nothing.
 */
export async function updateMember(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertAdmin(actor, 'change members');
  const { id, name, roleIds } = updateMemberInput.parse(input);
  return await transaction(async (tx) => {
    const old = (
      await tx.select({ name: members.name, email: members.email }).from(members).where(eq(members.id, id)).limit(1)
    )[0];
    if (!old) throw notFound('No such member');
    const oldRoles = await roleNamesOf(tx, id);
    await tx.update(members).set({ name }).where(eq(members.id, id));
    await setRolesOf(tx, id, roleIds);
    await assertAnAdministratorRemains(tx);
    const newRoles = await roleNamesOf(tx, id);
    await recordActivity(tx, actor, [
      {
        operation: 'member_updated',
        mediaId: null,
        target: old.email,
        before: { name: old.name, roles: oldRoles },
        after: { name, roles: newRoles },
      },
    ]);
    return { id };
  });
}
