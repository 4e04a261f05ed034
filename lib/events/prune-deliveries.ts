import 'server-only';
import { and, eq, isNotNull, lt, notExists, sql } from 'drizzle-orm';
import { transaction } from '@/db';
import { deliveries, events } from '@/db/schema';
import { config } from '@/lib/config';

/** Drops delivery history older than `KURA_DELIVERY_DAYS` (30); pending deliveries are never touched. Run hourly. */
export async function pruneDeliveries(now = Date.now()): Promise<void> {
  const cutoff = new Date(now - config().KURA_DELIVERY_DAYS * 24 * 60 * 60 * 1000);
  await transaction(async (tx) => {
    await tx.delete(deliveries).where(and(isNotNull(deliveries.finishedAt), lt(deliveries.finishedAt, cutoff)));
    await tx.delete(events).where(
      and(
        lt(events.createdAt, cutoff),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(deliveries)
            .where(eq(deliveries.eventId, events.id)),
        ),
      ),
    );
  });
}
