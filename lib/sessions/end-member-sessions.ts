import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { members, sessions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordActivity } from '@/lib/activity/record-activity';
import { notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';

/** Members → End sessions (Administrators): every login of that member ends at once; they log in again. */
export async function endMemberSessions(actor: Actor, memberId: string): Promise<{ id: string; ended: number }> {
  assertAdmin(actor, 'end sessions of members');
  return await transaction(async (tx) => {
    const member = (
      await tx.select({ id: members.id, email: members.email }).from(members).where(eq(members.id, memberId)).limit(1)
    )[0];
    if (!member) throw notFound('No such member');
    const ended = (await tx.delete(sessions).where(eq(sessions.memberId, memberId)).returning({ id: sessions.id }))
      .length;
    await recordActivity(tx, actor, [
      {
        operation: 'sessions_ended',
        mediaId: null,
        target: member.email,
        before: null,
        after: { sessionsEnded: ended },
      },
    ]);
    return { id: member.id, ended };
  });
}
