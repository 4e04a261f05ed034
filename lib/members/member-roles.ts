import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { memberRoles, roles } from '@/db/schema';
import { badRequest } from '@/lib/errors';

/** Gives a member exactly these roles (inside the caller's transaction); an unknown role id is refused. */
export function setRolesOf(tx: Tx, memberId: string, roleIds: string[]): void {
  const wanted = [...new Set(roleIds)];
  const found = tx.select({ id: roles.id }).from(roles).where(inArray(roles.id, wanted)).all();
  if (found.length !== wanted.length)
    throw badRequest('One of the chosen roles no longer exists; reload the page to see the current roles');
  tx.delete(memberRoles).where(eq(memberRoles.memberId, memberId)).run();
  tx.insert(memberRoles)
    .values(wanted.map((roleId) => ({ memberId, roleId })))
    .run();
}

/** The names of a member's roles, sorted (for Activity's before → after). */
export function roleNamesOf(tx: Tx, memberId: string): string[] {
  return tx
    .select({ name: roles.name })
    .from(memberRoles)
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(eq(memberRoles.memberId, memberId))
    .orderBy(roles.name)
    .all()
    .map((r) => r.name);
}
