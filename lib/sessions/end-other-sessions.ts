import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { transaction } from '@/db';
import { sessions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordActivity } from '@/lib/activity/record-activity';
import { assertMember } from '@/lib/permissions/admin';

/** Account → Log out other sessions: every login of this member but the one asking ends. */
export async function endOtherSessions(actor: Actor): Promise<{ ended: number }> {
  assertMember(actor);
  return await transaction(async (tx) => {
    const keep = actor.sessionId ?? '';
    const ended = (
      await tx
        .delete(sessions)
        .where(and(eq(sessions.memberId, actor.id), ne(sessions.id, keep)))
        .returning({ id: sessions.id })
    ).length;
    await recordActivity(tx, actor, [
      {
        operation: 'other_sessions_ended',
        mediaId: null,
        target: actor.email,
        before: null,
        after: { sessionsEnded: ended },
      },
    ]);
    return { ended };
  });
}
