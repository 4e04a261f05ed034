import 'server-only';
import { and, eq, gt, lt } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { sessions } from '@/db/schema';
import { IDLE_LIMIT_MS, TOUCH_EVERY_MS } from './session-policy';

/**
 * Whether the session in a cookie is still on: not ended (logout, password change, an Administrator,
 * removal), not past its lifetime, not idle for 7 days. Notes the request at most every 5 minutes.
 */
export async function isSessionActive(
  sessionId: string | undefined,
  memberId: string | undefined,
  now = Date.now(),
): Promise<boolean> {
  if (!sessionId || !memberId) return false;
  const row = (
    await db()
      .select({ lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .where(
        and(
          eq(sessions.id, sessionId),
          eq(sessions.memberId, memberId),
          gt(sessions.expiresAt, new Date(now)),
          gt(sessions.lastSeenAt, new Date(now - IDLE_LIMIT_MS)),
        ),
      )
      .limit(1)
  )[0];
  if (!row) return false;
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await transaction((tx) =>
      tx
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, new Date(now - TOUCH_EVERY_MS)))),
    );
  }
  return true;
}
