import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { deliveries } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { announceDeliveries } from '@/lib/events/delivery-worker';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { getWebhookOrThrow } from './get-webhook-or-throw';
import { deliveryId } from './schemas';

/**
 * Sends an event again: a new delivery of the same event (same body, same event id) at the end of the
 * webhook's line, so order is kept. The earlier delivery and its attempts stay in the log.
 */
export async function redeliver(actor: Actor, webhookId: string, id: unknown): Promise<{ id: number }> {
  assertCanManageWebhooks(actor);
  const hook = await getWebhookOrThrow(webhookId);
  const old = (
    await db()
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.id, deliveryId.parse(id)), eq(deliveries.webhookId, hook.id)))
      .limit(1)
  )[0];
  if (!old) throw notFound('No such delivery');
  const now = new Date();
  const row = (
    await transaction((tx) =>
      tx
        .insert(deliveries)
        .values({ eventId: old.eventId, webhookId: hook.id, nextAttemptAt: now, createdAt: now })
        .returning(),
    )
  )[0];
  announceDeliveries();
  return { id: row.id };
}
