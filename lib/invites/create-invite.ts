import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { transaction } from '@/db';
import { invites, members, roles } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { badRequest, KuraError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertAdmin } from '@/lib/permissions/admin';
import { hashInviteToken, newInviteToken } from './invite-token';
import { createInviteInput, INVITE_DAYS } from './schemas';

export type CreatedInvite = { id: string; email: string; link: string; expiresAt: string };

/**
 * Makes an invite link for a new member (Administrators only): the member opens it, sets their name and password,
 * and holds these roles. The link is returned this once; Kura stores only its hash.
 */
export async function createInvite(actor: Actor, input: unknown): Promise<CreatedInvite> {
  assertAdmin(actor, 'invite members');
  const { email, roleIds } = createInviteInput.parse(input);
  const token = newInviteToken();
  const id = newId();
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000);
  await transaction(async (tx) => {
    const taken = await tx
      .select({ id: members.id })
      .from(members)
      .where(sql`lower(${members.email}) = ${email}`)
      .limit(1);
    if (taken[0]) throw new KuraError('conflict', `A member with the email ${email} already exists`);
    const known = await tx.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.id, roleIds));
    if (known.length !== new Set(roleIds).size) throw badRequest('roleIds: one of the roles does not exist');
    await tx.insert(invites).values({
      id,
      tokenHash: hashInviteToken(token),
      email,
      roleIds: [...new Set(roleIds)],
      createdBy: actor.id,
      expiresAt,
    });
    await recordActivity(tx, actor, [
      {
        operation: 'invite_created',
        mediaId: null,
        target: email,
        before: null,
        after: { roles: known.map((r) => r.name).sort(), expiresAt: expiresAt.toISOString() },
      },
    ]);
  });
  return { id, email, link: inviteLink(token), expiresAt: expiresAt.toISOString() };
}

/** Where the member accepts: on Kura's own public origin. */
const inviteLink = (token: string) => `${config().publicUrl}/invite/${token}`;
