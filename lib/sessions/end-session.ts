import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { members, sessions } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';

/** Logout: ends the session of this cookie and notes it in Activity (nothing when it had already ended). */
export async function endSession(sessionId: string | undefined): Promise<void> {
  if (!sessionId) return;
  await transaction(async (tx) => {
    const [ended] = await tx
      .delete(sessions)
      .where(eq(sessions.id, sessionId))
      .returning({ memberId: sessions.memberId });
    if (!ended) return;
    const member = (
      await tx
        .select({ id: members.id, name: members.name, email: members.email })
        .from(members)
        .where(eq(members.id, ended.memberId))
        .limit(1)
    )[0];
    if (!member) return;
    await recordActivity(tx, { type: 'member', id: member.id, name: member.name }, [
      { operation: 'logout', mediaId: null, target: member.email, before: null, after: null },
    ]);
  });
}
