import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { memberRoles, roles } from '@/db/schema';
import { badRequest } from '@/lib/errors';

/** Gives a member exactly these roles (inside the caller's transaction); an unknown role id is refused. */
export async function setRolesOf(tx: Tx, memberId: string, roleIds: string[]): Promise<void> {
  const wanted = [...new Set(roleIds)];
  const found = await tx.select({ id: roles.id }).from(roles).where(inArray(roles.id, wanted));
  if (found.length !== wanted.length)
    throw badRequest('One of the chosen roles no longer exists; reload the page to see the current roles');
  await tx.delete(memberRoles).where(eq(memberRoles.memberId, memberId));
  await tx.insert(memberRoles).values(wanted.map((roleId) => ({ memberId, roleId })));
}

/** The names of a member's roles, sorted (for Activity's before → after). */
export async function roleNamesOf(tx: Tx, memberId: string): Promise<string[]> {
  return (
    await tx
      .select({ name: roles.name })
      .from(memberRoles)
      .innerJoin(roles, eq(roles.id, memberRoles.roleId))
      .where(eq(memberRoles.memberId, memberId))
      .orderBy(roles.name)
  ).map((r) => r.name);
}
