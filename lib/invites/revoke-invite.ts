import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { transaction } from '@/db';
import { invites } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';

/** Revokes an invite link nobody has used yet: it stops working at once (Administrators only). */
export async function revokeInvite(actor: Actor, id: string): Promise<{ id: string; email: string }> {
  assertAdmin(actor, 'revoke invite links');
  return await transaction(async (tx) => {
    const gone = (
      await tx
        .delete(invites)
        .where(and(eq(invites.id, id), isNull(invites.usedAt)))
        .returning({ email: invites.email })
    )[0];
    if (!gone) throw notFound('No such invite link, or it has been used already');
    await recordActivity(tx, actor, [
      { operation: 'invite_revoked', mediaId: null, target: gone.email, before: null, after: null },
    ]);
    return { id, email: gone.email };
  });
}
