import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { memberRoles, roles } from '@/db/schema';
import { badRequest } from '@/lib/errors';

/**
 * Run last inside a transaction that removes members or roles: if nobody would hold the Administrator
 * role any more, throwing rolls the whole change back. Transactions are `immediate`, so two removals
 * at the same moment are judged one after the other and the second sees the first.
 */
export async function assertAnAdministratorRemains(tx: Tx): Promise<void> {
  const [{ admins }] = await tx
    .select({ admins: count() })
    .from(memberRoles)
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(eq(roles.builtin, 'administrator'));
  if (admins === 0)
    throw badRequest('Kura needs at least one Administrator: make another member an Administrator first');
}
