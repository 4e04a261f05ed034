import 'server-only';
import { lt, or } from 'drizzle-orm';
import type { Tx } from '@/db';
import { sessions } from '@/db/schema';
import { IDLE_LIMIT_MS } from './session-policy';

/** Drops sessions past their lifetime or idle limit (they are refused already; this keeps the table small). */
export async function pruneSessions(tx: Tx, now: number): Promise<void> {
  await tx
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - IDLE_LIMIT_MS))));
}
