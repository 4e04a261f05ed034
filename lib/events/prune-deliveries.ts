import 'server-only';
import { and, eq, isNotNull, lt, notExists, sql } from 'drizzle-orm';
import { db } from '@/db';
import { deliveries, events } from '@/db/schema';
import { config } from '@/lib/config';

/** Drops delivery history older than `KURA_DELIVERY_DAYS` (30); pending deliveries are never touched. Run hourly. */
export function pruneDeliveries(now = Date.now()): void {
  const cutoff = new Date(now - config().KURA_DELIVERY_DAYS * 24 * 60 * 60 * 1000);
  db().transaction((tx) => {
    tx.delete(deliveries)
      .where(and(isNotNull(deliveries.finishedAt), lt(deliveries.finishedAt, cutoff)))
      .run();
    tx.delete(events)
      .where(
        and(
          lt(events.createdAt, cutoff),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(deliveries)
              .where(eq(deliveries.eventId, events.id)),
          ),
        ),
      )
      .run();
  });
}
