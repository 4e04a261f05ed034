import 'server-only';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { db } from '@/db';
import { deliveries, deliveryAttempts, events } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { getWebhookOrThrow } from './get-webhook-or-throw';

const PAGE = 50;

export type DeliveryView = {
  id: number;
  eventId: string;
  eventType: string;
  state: 'pending' | 'delivered' | 'failed';
  createdAt: string;
  nextAttemptAt: string | null;
  body: string;
  attempts: { at: string; status: number | null; error: string | null; durationMs: number }[];
};

/** A webhook's delivery log, newest first, with every attempt; `before` pages back by delivery id. */
export async function listDeliveries(
  actor: Actor,
  webhookId: string,
  before?: number,
): Promise<{ deliveries: DeliveryView[]; more: boolean }> {
  assertCanManageWebhooks(actor);
  const hook = await getWebhookOrThrow(webhookId);
  const rows = await db()
    .select({ delivery: deliveries, event: events })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(and(eq(deliveries.webhookId, hook.id), before === undefined ? undefined : lt(deliveries.id, before)))
    .orderBy(desc(deliveries.id))
    .limit(PAGE + 1);
  const page = rows.slice(0, PAGE);
  const attempts = page.length
    ? await db()
        .select()
        .from(deliveryAttempts)
        .where(
          inArray(
            deliveryAttempts.deliveryId,
            page.map((r) => r.delivery.id),
          ),
        )
        .orderBy(deliveryAttempts.id)
    : [];
  return {
    more: rows.length > PAGE,
    deliveries: page.map(({ delivery, event }) => ({
      id: delivery.id,
      eventId: event.id,
      eventType: event.type,
      state: delivery.state,
      createdAt: delivery.createdAt.toISOString(),
      nextAttemptAt: delivery.state === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
      body: event.body,
      attempts: attempts
        .filter((a) => a.deliveryId === delivery.id)
        .map((a) => ({ at: a.at.toISOString(), status: a.status, error: a.error, durationMs: a.durationMs })),
    })),
  };
}
