// Design notes: docs/events.md.
import 'server-only';
import { and, asc, eq, inArray, lt, min, or } from 'drizzle-orm';
import { db, listen, notify, transaction } from '@/db';
import { deliveries, deliveryAttempts, events, webhookLeases, webhooks } from '@/db/schema';
import { unseal } from '@/lib/crypto/sealed';
import { instanceId, LIVE_MS } from '@/lib/instances/this-instance';
import { processSingleton } from '@/lib/process-singleton';
import { retryDelay, RETRY_FOR_MS } from './retry';
import { sendWebhook } from './send';

/** Even with nothing announced, look for due deliveries this often (a retry's time, a missed wake). */
const POLL_MS = 30_000;

/** The channel an enqueued event or a redeliver announces on, to every instance. */
const CHANNEL = 'kura_deliveries';

// One sender per webhook at a time: deliveries to one target go out in order, one after the other,
// and a slow target never holds up another. Across instances, the sender of a webhook is the instance
// holding its lease (webhook_leases: taken when free or expired, renewed by the instance's heartbeat, so a
// dead holder's line is taken over within LIVE_MS). Shared by every bundle of the process (processSingleton).
const worker = () =>
  processSingleton('deliveries', () => ({
    started: false,
    timer: undefined as NodeJS.Timeout | undefined,
    senders: new Map<string, Promise<void>>(),
  }));

/** Starts the delivery worker of this server process (bootstrap): pending deliveries survive restarts. */
export async function startDeliveries(): Promise<void> {
  if (worker().started) return;
  worker().started = true;
  listen(CHANNEL, () => void wakeDeliveries());
  await wakeDeliveries();
}

/** Wakes the sender of every instance once the current transaction commits (new deliveries, a redeliver). */
export const announceDeliveries = () => notify(CHANNEL);

/**
 * Looks for due deliveries now (after a commit that enqueued some, or a redeliver), then sleeps until the next is due.
 */
export async function wakeDeliveries(): Promise<void> {
  const { started, senders } = worker();
  if (!started) return;
  clearTimeout(worker().timer);
  let wait = POLL_MS;
  try {
    const now = Date.now();
    const leases = await foreignLeases();
    for (const head of await pendingHeads()) {
      const dueIn = head.nextAttemptAt.getTime() - now;
      const heldUntil = leases.get(head.webhookId);
      // Another instance sends this line; look again when its lease would run out.
      if (heldUntil) wait = Math.min(wait, Math.max(dueIn, heldUntil.getTime() - now + 100));
      else if (dueIn > 0) wait = Math.min(wait, dueIn);
      else if (!senders.has(head.webhookId)) senders.set(head.webhookId, send(head.webhookId));
    }
  } catch (err) {
    console.error('[kura] webhook deliveries: could not read the outbox; will retry', err);
  }
  clearTimeout(worker().timer); // another wake may have set one meanwhile
  worker().timer = setTimeout(() => void wakeDeliveries(), Math.max(50, wait)).unref();
}

/** The oldest pending delivery of each enabled webhook: the only one of its line that may be sent. */
async function pendingHeads(): Promise<{ webhookId: string; nextAttemptAt: Date }[]> {
  const head = db()
    .select({ id: min(deliveries.id) })
    .from(deliveries)
    .innerJoin(webhooks, and(eq(webhooks.id, deliveries.webhookId), eq(webhooks.enabled, true)))
    .where(eq(deliveries.state, 'pending'))
    .groupBy(deliveries.webhookId);
  return await db()
    .select({ webhookId: deliveries.webhookId, nextAttemptAt: deliveries.nextAttemptAt })
    .from(deliveries)
    .where(inArray(deliveries.id, head));
}

/** The webhooks whose line another instance holds now, with when its lease runs out. */
async function foreignLeases(): Promise<Map<string, Date>> {
  const rows = await db().select().from(webhookLeases);
  const now = Date.now();
  return new Map(
    rows
      .filter((l) => l.instanceId !== instanceId() && l.expiresAt.getTime() > now)
      .map((l) => [l.webhookId, l.expiresAt]),
  );
}

/** Takes (or renews) this webhook's lease for this instance: false when another live instance holds it. */
async function takeLease(webhookId: string): Promise<boolean> {
  const now = new Date();
  const lease = { instanceId: instanceId(), expiresAt: new Date(now.getTime() + LIVE_MS) };
  const taken = await transaction((tx) =>
    tx
      .insert(webhookLeases)
      .values({ webhookId, ...lease })
      .onConflictDoUpdate({
        target: webhookLeases.webhookId,
        set: lease,
        setWhere: or(eq(webhookLeases.instanceId, instanceId()), lt(webhookLeases.expiresAt, now)),
      })
      .returning({ webhookId: webhookLeases.webhookId }),
  );
  return taken.length > 0;
}

async function releaseLease(webhookId: string): Promise<void> {
  await transaction((tx) =>
    tx
      .delete(webhookLeases)
      .where(and(eq(webhookLeases.webhookId, webhookId), eq(webhookLeases.instanceId, instanceId()))),
  );
}

/**
 * Drains one webhook's line while holding its lease, lets the lease go, then looks again (what arrived while
 * it let go is not left waiting) and sets the timer for its next retry (a failure waits for the poll).
 */
async function send(webhookId: string): Promise<void> {
  const drained = await (async () => {
    if (!(await takeLease(webhookId))) return true;
    try {
      await drain(webhookId);
    } finally {
      await releaseLease(webhookId);
    }
    return true;
  })().catch((err) => (console.error('[kura] webhook deliveries failed; will retry', err), false));
  worker().senders.delete(webhookId);
  if (drained) await wakeDeliveries();
}

/** Sends this webhook's due deliveries in order until its line is empty or its head must wait. */
async function drain(webhookId: string): Promise<void> {
  for (;;) {
    const head = (
      await db()
        .select({ delivery: deliveries, event: events, webhook: webhooks })
        .from(deliveries)
        .innerJoin(events, eq(events.id, deliveries.eventId))
        .innerJoin(webhooks, eq(webhooks.id, deliveries.webhookId))
        .where(and(eq(deliveries.webhookId, webhookId), eq(deliveries.state, 'pending'), eq(webhooks.enabled, true)))
        .orderBy(asc(deliveries.id))
        .limit(1)
    )[0];
    if (!head || head.delivery.nextAttemptAt.getTime() > Date.now()) return;
    // Still this instance's line (a pause longer than the lease may have let another take it over).
    if (!(await takeLease(webhookId))) return;
    await attempt(head);
  }
}

type Head = {
  delivery: typeof deliveries.$inferSelect;
  event: typeof events.$inferSelect;
  webhook: typeof webhooks.$inferSelect;
};

async function attempt({ delivery, event, webhook }: Head): Promise<void> {
  let secret: string;
  try {
    secret = unseal('webhook', webhook.secretSealed);
  } catch (err) {
    return await record(delivery, { status: null, ok: false, error: (err as Error).message, durationMs: 0 });
  }
  const result = await sendWebhook({ url: webhook.url, secret, operator: webhook.source === 'env' }, event);
  await record(delivery, result);
}

async function record(
  delivery: Head['delivery'],
  result: { status: number | null; ok: boolean; error: string | null; durationMs: number },
) {
  const now = new Date();
  const attempts = delivery.attempts + 1;
  const givenUp = !result.ok && now.getTime() - delivery.createdAt.getTime() >= RETRY_FOR_MS;
  await transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values({
      deliveryId: delivery.id,
      at: now,
      status: result.status,
      error: result.error,
      durationMs: result.durationMs,
    });
    await tx
      .update(deliveries)
      .set({
        attempts,
        state: result.ok ? 'delivered' : givenUp ? 'failed' : 'pending',
        nextAttemptAt: result.ok || givenUp ? now : new Date(now.getTime() + retryDelay(attempts)),
        finishedAt: result.ok || givenUp ? now : null,
      })
      .where(eq(deliveries.id, delivery.id));
  });
}
