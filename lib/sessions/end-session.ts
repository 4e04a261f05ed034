import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { members, sessions } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';

/** Logout: ends the session of this cookie and notes it in Activity (nothing when it had already ended). */
export function endSession(sessionId: string | undefined): void {
  if (!sessionId) return;
  db().transaction(
    (tx) => {
      const [ended] = tx
        .delete(sessions)
        .where(eq(sessions.id, sessionId))
        .returning({ memberId: sessions.memberId })
        .all();
      if (!ended) return;
      const member = tx
        .select({ id: members.id, name: members.name, email: members.email })
        .from(members)
        .where(eq(members.id, ended.memberId))
        .get();
      if (!member) return;
      recordActivity(tx, { type: 'member', id: member.id, name: member.name }, [
        { operation: 'logout', mediaId: null, target: member.email, before: null, after: null },
      ]);
    },
    { behavior: 'immediate' },
  );
}
