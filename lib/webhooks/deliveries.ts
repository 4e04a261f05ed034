import 'server-only';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import { deliveries, deliveryAttempts, events } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { unseal } from '@/lib/crypto/sealed';
import { wakeDeliveries } from '@/lib/events/deliver';
import { sendWebhook, type SendResult } from '@/lib/events/send';
import { notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { serviceId } from '@/lib/service/service-id';
import { find } from './manage-webhooks';

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
export function listDeliveries(actor: Actor, webhookId: string, before?: number): { deliveries: DeliveryView[]; more: boolean } {
  assertCanManageWebhooks(actor);
  const hook = find(webhookId);
  const rows = db()
    .select({ delivery: deliveries, event: events })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(and(eq(deliveries.webhookId, hook.id), before === undefined ? undefined : lt(deliveries.id, before)))
    .orderBy(desc(deliveries.id))
    .limit(PAGE + 1)
    .all();
  const page = rows.slice(0, PAGE);
  const attempts = page.length
    ? db().select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, page.map((r) => r.delivery.id))).orderBy(deliveryAttempts.id).all()
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

export const deliveryId = z.coerce.number().int().positive('not a delivery id');

/**
 * Sends an event again: a new delivery of the same event (same body, same event id) at the end of the
 * webhook's line, so order is kept. The earlier delivery and its attempts stay in the log.
 */
export function redeliver(actor: Actor, webhookId: string, id: unknown): { id: number } {
  assertCanManageWebhooks(actor);
  const hook = find(webhookId);
  const old = db().select().from(deliveries).where(and(eq(deliveries.id, deliveryId.parse(id)), eq(deliveries.webhookId, hook.id))).get();
  if (!old) throw notFound('No such delivery');
  const now = new Date();
  const row = db().insert(deliveries).values({ eventId: old.eventId, webhookId: hook.id, nextAttemptAt: now, createdAt: now }).returning().get();
  setImmediate(wakeDeliveries);
  return { id: row.id };
}

/** "Send test": one signed request now, outside the outbox, answered with what the target said. */
export async function sendTestEvent(actor: Actor, webhookId: string): Promise<SendResult> {
  assertCanManageWebhooks(actor);
  const hook = find(webhookId);
  const body = JSON.stringify({ service: serviceId(), type: 'test', old: null, new: null });
  return sendWebhook({ url: hook.url, secret: unseal('webhook', hook.secretSealed), operator: hook.source === 'env' }, { id: newId(), type: hook.apiId ? 'content.test' : 'media.test', body });
}
