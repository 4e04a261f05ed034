import 'server-only';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { transaction, type Tx } from '@/db';
import { invites, members, roles } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import { hashPassword } from '@/lib/auth/password';
import { badRequest, KuraError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { roleNamesOf, setRolesOf } from '@/lib/members/member-roles';
import { hashInviteToken } from './invite-token';
import { acceptInviteInput } from './schemas';

/**
 * Uses an invite link: adds the member it names with their own name and password and the invite's roles. The link
 * is the permission: it works once (used in the same transaction that adds the member) and until it expires.
 */
export async function acceptInvite(input: unknown): Promise<{ id: string; email: string }> {
  const { token, name, password } = acceptInviteInput.parse(input);
  const passwordHash = await hashPassword(password); // slow on purpose: before the transaction, never inside
  const tokenHash = hashInviteToken(token);
  const now = new Date();
  return await transaction(async (tx) => {
    const used = (
      await tx
        .update(invites)
        .set({ usedAt: now })
        .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.usedAt), gt(invites.expiresAt, now)))
        .returning({ email: invites.email, roleIds: invites.roleIds })
    )[0];
    if (!used) throw await refusal(tx, tokenHash);
    const taken = await tx
      .select({ id: members.id })
      .from(members)
      .where(sql`lower(${members.email}) = ${used.email}`)
      .limit(1);
    if (taken[0])
      throw new KuraError('conflict', `A member with the email ${used.email} already exists: log in instead`);
    const roleIds = (await tx.select({ id: roles.id }).from(roles).where(inArray(roles.id, used.roleIds))).map(
      (r) => r.id,
    );
    if (roleIds.length === 0)
      throw badRequest('The roles of this invite no longer exist: ask an Administrator for a new link');
    const id = newId();
    await tx.insert(members).values({ id, email: used.email, name, passwordHash });
    await setRolesOf(tx, id, roleIds);
    await recordActivity(tx, { type: 'member', id, name }, [
      {
        operation: 'member_added',
        mediaId: null,
        target: used.email,
        before: null,
        after: { name, roles: await roleNamesOf(tx, id), invited: true },
      },
    ]);
    return { id, email: used.email };
  });
}

/** Why a link was not taken, decided in the same transaction: used, expired, or never made. */
async function refusal(tx: Tx, tokenHash: string) {
  const row = (
    await tx.select({ usedAt: invites.usedAt }).from(invites).where(eq(invites.tokenHash, tokenHash)).limit(1)
  )[0];
  if (!row) return new KuraError('not_found', 'This invite link is not valid: ask an Administrator for a new one');
  if (row.usedAt) return new KuraError('conflict', 'This invite link has been used already: log in instead');
  return new KuraError('conflict', 'This invite link has expired: ask an Administrator for a new one');
}
