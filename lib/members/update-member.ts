import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { members } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';
import { assertAnAdministratorRemains } from './administrators';
import { setRolesOf } from './member-roles';
import { updateMemberInput } from './schemas';

/**
 * Changes a member's name and roles; the new rights apply on their next request. Taking the
 * Administrator role from its last holder is refused and changes nothing.
 */
export function updateMember(actor: Actor, input: unknown): { id: string } {
  assertAdmin(actor, 'change members');
  const { id, name, roleIds } = updateMemberInput.parse(input);
  return db().transaction(
    (tx) => {
      const updated = tx.update(members).set({ name }).where(eq(members.id, id)).returning({ id: members.id }).all();
      if (updated.length === 0) throw notFound('No such member');
      setRolesOf(tx, id, roleIds);
      assertAnAdministratorRemains(tx);
      return { id };
    },
    { behavior: 'immediate' },
  );
}
