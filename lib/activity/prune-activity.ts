import 'server-only';
import { lt } from 'drizzle-orm';
import { transaction } from '@/db';
import { auditLog } from '@/db/schema';
import { pruneThrottle } from '@/lib/auth/throttle-store';
import { config } from '@/lib/config';
import { pruneSessions } from '@/lib/sessions/prune-sessions';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The periodic clean-up of what grows with use: Activity entries older than `KURA_ACTIVITY_DAYS`,
 * sessions past their limits, login counters long over. Run at start and every hour.
 */
export async function pruneActivity(now = Date.now()): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(auditLog).where(lt(auditLog.at, new Date(now - config().KURA_ACTIVITY_DAYS * DAY_MS)));
    await pruneSessions(tx, now);
    await pruneThrottle(tx, now);
  });
}
