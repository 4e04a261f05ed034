import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { db } from '@/db';
import { sessions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordActivity } from '@/lib/activity/record-activity';
import { assertMember } from '@/lib/permissions/admin';

/** Account → Log out other sessions: every login of this member but the one asking ends. */
export function endOtherSessions(actor: Actor): { ended: number } {
  assertMember(actor);
  return db().transaction(
    (tx) => {
      const keep = actor.sessionId ?? '';
      const ended = tx
        .delete(sessions)
        .where(and(eq(sessions.memberId, actor.id), ne(sessions.id, keep)))
        .returning({ id: sessions.id })
        .all().length;
      recordActivity(tx, actor, [
        {
          operation: 'other_sessions_ended',
          mediaId: null,
          target: actor.email,
          before: null,
          after: { sessionsEnded: ended },
        },
      ]);
      return { ended };
    },
    { behavior: 'immediate' },
  );
}
