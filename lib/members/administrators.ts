import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { lockNamed } from '@/db/locks';
import { memberRoles, roles } from '@/db/schema';
import { badRequest } from '@/lib/errors';

/**
 * Run last inside a transaction that removes members or roles: if nobody would hold the Administrator
 * role any more, throwing rolls the whole change back. Two removals at the same moment are judged one
 * after the other (SQLite's one writer; on PostgreSQL a named lock taken before counting), so the second
 * counts without the first's Administrator.
 */
export async function assertAnAdministratorRemains(tx: Tx): Promise<void> {
  await lockNamed(tx, 'administrators');
  const [{ admins }] = await tx
    .select({ admins: count() })
    .from(memberRoles)
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(eq(roles.builtin, 'administrator'));
  if (admins === 0)
    throw badRequest('Kura needs at least one Administrator: make another member an Administrator first');
}
