import 'server-only';
import { and, asc, eq, inArray, min } from 'drizzle-orm';
import { db } from '@/db';
import { deliveries, deliveryAttempts, events, webhooks } from '@/db/schema';
import { unseal } from '@/lib/crypto/sealed';
import { sendWebhook } from './send';

/** Retries go on for at least this long after the change (SPEC: at least 24 hours). */
export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 5_000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;
/** Even with nothing announced, look for due deliveries this often (a retry's time, a missed wake). */
const POLL_MS = 30_000;

/**
 * Wait before retry `n` (1 = first retry): doubling from 5 s up to an hour, with "equal jitter"
 * (half fixed, half random) so targets that failed together do not all come back at once.
 * The first retry is 2.5–5 s after the failure.
 */
export function retryDelay(n: number, random = Math.random()): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** (n - 1), LONGEST_WAIT_MS);
  return Math.round(base / 2 + (base / 2) * random);
}

// One sender per webhook at a time: deliveries to one target go out in order, one after the other,
// and a slow target never holds up another. The state lives on globalThis (as db/index.ts's connection
// does): Next loads this module once for instrumentation, which starts the worker, and again for the
// routes and actions, whose wakeDeliveries() after a commit must reach that same worker.
const worker = ((globalThis as unknown as { kuraDeliveries?: { senders: Map<string, Promise<void>>; timer?: NodeJS.Timeout; started: boolean } }).kuraDeliveries ??= {
  senders: new Map(),
  started: false,
});
const senders = worker.senders;

/** Starts the delivery worker of this server process (bootstrap): pending deliveries survive restarts. */
export function startDeliveries(): void {
  if (worker.started) return;
  worker.started = true;
  wakeDeliveries();
}

/** Looks for due deliveries now (after a commit that enqueued some, or a redeliver), then sleeps until the next is due. */
export function wakeDeliveries(): void {
  if (!worker.started) return;
  clearTimeout(worker.timer);
  let wait = POLL_MS;
  try {
    const now = Date.now();
    for (const head of pendingHeads()) {
      const dueIn = head.nextAttemptAt.getTime() - now;
      if (dueIn > 0) wait = Math.min(wait, dueIn);
      else if (!senders.has(head.webhookId)) senders.set(head.webhookId, send(head.webhookId));
    }
  } catch (err) {
    console.error('[kura] webhook deliveries: could not read the outbox; will retry', err);
  }
  worker.timer = setTimeout(wakeDeliveries, Math.max(50, wait)).unref();
}

/** The oldest pending delivery of each enabled webhook: the only one of its line that may be sent. */
function pendingHeads(): { webhookId: string; nextAttemptAt: Date }[] {
  const head = db()
    .select({ id: min(deliveries.id) })
    .from(deliveries)
    .innerJoin(webhooks, and(eq(webhooks.id, deliveries.webhookId), eq(webhooks.enabled, true)))
    .where(eq(deliveries.state, 'pending'))
    .groupBy(deliveries.webhookId);
  return db().select({ webhookId: deliveries.webhookId, nextAttemptAt: deliveries.nextAttemptAt }).from(deliveries).where(inArray(deliveries.id, head)).all();
}

/** Drains one webhook's line, then sets the timer for its next retry (a failure waits for the poll). */
async function send(webhookId: string): Promise<void> {
  const drained = await drain(webhookId).then(
    () => true,
    (err) => (console.error('[kura] webhook deliveries failed; will retry', err), false),
  );
  senders.delete(webhookId);
  if (drained) wakeDeliveries();
}

/** Sends this webhook's due deliveries in order until its line is empty or its head must wait. */
async function drain(webhookId: string): Promise<void> {
  for (;;) {
    const head = db()
      .select({ delivery: deliveries, event: events, webhook: webhooks })
      .from(deliveries)
      .innerJoin(events, eq(events.id, deliveries.eventId))
      .innerJoin(webhooks, eq(webhooks.id, deliveries.webhookId))
      .where(and(eq(deliveries.webhookId, webhookId), eq(deliveries.state, 'pending'), eq(webhooks.enabled, true)))
      .orderBy(asc(deliveries.id))
      .limit(1)
      .get();
    if (!head || head.delivery.nextAttemptAt.getTime() > Date.now()) return;
    await attempt(head);
  }
}

type Head = { delivery: typeof deliveries.$inferSelect; event: typeof events.$inferSelect; webhook: typeof webhooks.$inferSelect };

async function attempt({ delivery, event, webhook }: Head): Promise<void> {
  let secret: string;
  try {
    secret = unseal('webhook', webhook.secretSealed);
  } catch (err) {
    return record(delivery, { status: null, ok: false, error: (err as Error).message, durationMs: 0 });
  }
  const result = await sendWebhook({ url: webhook.url, secret }, event);
  record(delivery, result);
}

function record(delivery: Head['delivery'], result: { status: number | null; ok: boolean; error: string | null; durationMs: number }) {
  const now = new Date();
  const attempts = delivery.attempts + 1;
  const givenUp = !result.ok && now.getTime() - delivery.createdAt.getTime() >= RETRY_FOR_MS;
  db().transaction((tx) => {
    tx.insert(deliveryAttempts)
      .values({ deliveryId: delivery.id, at: now, status: result.status, error: result.error, durationMs: result.durationMs })
      .run();
    tx.update(deliveries)
      .set({
        attempts,
        state: result.ok ? 'delivered' : givenUp ? 'failed' : 'pending',
        nextAttemptAt: result.ok || givenUp ? now : new Date(now.getTime() + retryDelay(attempts)),
        finishedAt: result.ok || givenUp ? now : null,
      })
      .where(eq(deliveries.id, delivery.id))
      .run();
  });
}
