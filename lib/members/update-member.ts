import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
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
export function updateMember(actor: Actor, input: unknown): { id: string } {
  assertAdmin(actor, 'change members');
  const { id, name, roleIds } = updateMemberInput.parse(input);
  return db().transaction(
    (tx) => {
      const old = tx.select({ name: members.name, email: members.email }).from(members).where(eq(members.id, id)).get();
      if (!old) throw notFound('No such member');
      const oldRoles = roleNamesOf(tx, id);
      tx.update(members).set({ name }).where(eq(members.id, id)).run();
      setRolesOf(tx, id, roleIds);
      assertAnAdministratorRemains(tx);
      const newRoles = roleNamesOf(tx, id);
      recordActivity(tx, actor, [
        {
          operation: 'member_updated',
          mediaId: null,
          target: old.email,
          before: { name: old.name, roles: oldRoles },
          after: { name, roles: newRoles },
        },
      ]);
      return { id };
    },
    { behavior: 'immediate' },
  );
}
