// Design notes: docs/events.md.
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import type { WebhookEventType } from '@/db/enums';
import { deliveries, events, webhooks } from '@/db/schema';
import { newId } from '@/lib/ids';
import { announceDeliveries } from './delivery-worker';

export type EventScope = { kind: 'media' } | { kind: 'content'; apiId: string };

/**
 * Puts an event in the outbox, inside the transaction of the change it reports: the change and its
 * event commit together or not at all. One delivery per webhook that listens, in the order of the
 * changes; nothing is written when no webhook listens. Sending happens after commit, never in the
 * caller's way.
 */
export async function enqueueEvent(tx: Tx, scope: EventScope, type: WebhookEventType, body: unknown): Promise<void> {
  const listening = (
    await tx
      .select({ id: webhooks.id, events: webhooks.events })
      .from(webhooks)
      .where(
        and(
          scope.kind === 'media' ? isNull(webhooks.apiId) : eq(webhooks.apiId, scope.apiId),
          eq(webhooks.enabled, true),
        ),
      )
  ).filter((w) => w.events.includes(type));
  if (listening.length === 0) return;
  const eventId = newId();
  const now = new Date();
  await tx
    .insert(events)
    .values({ id: eventId, type: `${scope.kind}.${type}`, body: JSON.stringify(body), createdAt: now });
  await tx
    .insert(deliveries)
    .values(listening.map((w) => ({ eventId, webhookId: w.id, nextAttemptAt: now, createdAt: now })));
  // The senders read committed rows only: every instance's is woken once this transaction has committed.
  announceDeliveries();
}
