import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { deliveries, webhooks, type Webhook } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { findApi } from '@/lib/content/get-api';
import { seal } from '@/lib/crypto/sealed';
import { badRequest, notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertPublicTarget } from '@/lib/net/target-guard';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { newWebhook, webhookChanges, webhookId } from './schemas';

/** A webhook as the settings screens show it: never its secret. */
export type WebhookView = Omit<Webhook, 'secretSealed' | 'createdAt'> & { createdAt: string; pending: number; failed: number };

/** The media webhooks (`api` absent) or one API's webhooks, with how many deliveries wait or failed. */
export function listWebhooks(actor: Actor, api?: string): WebhookView[] {
  assertCanManageWebhooks(actor);
  const apiId = api === undefined ? null : findApi(api).id;
  const count = (state: 'pending' | 'failed') =>
    sql<number>`(select count(*) from ${deliveries} where ${deliveries.webhookId} = ${webhooks.id} and ${deliveries.state} = ${state})`;
  return db()
    .select({ webhook: webhooks, pending: count('pending'), failed: count('failed') })
    .from(webhooks)
    .where(apiId === null ? isNull(webhooks.apiId) : eq(webhooks.apiId, apiId))
    .orderBy(desc(webhooks.createdAt))
    .all()
    .map(({ webhook, pending, failed }) => view(webhook, pending, failed));
}

const view = ({ secretSealed: _secret, createdAt, ...rest }: Webhook, pending = 0, failed = 0): WebhookView => ({
  ...rest,
  createdAt: createdAt.toISOString(),
  pending,
  failed,
});

/** Adds a webhook; its URL may not point at this machine or its private networks (KURA_ALLOW_PRIVATE_TARGETS). */
export async function createWebhook(actor: Actor, input: unknown): Promise<WebhookView> {
  assertCanManageWebhooks(actor);
  const { api, secret, ...fields } = newWebhook.parse(input);
  await assertPublicTarget(fields.url, 'url');
  const apiId = api === undefined ? null : findApi(api).id;
  const row = db().transaction((tx) => {
    const created = tx.insert(webhooks).values({ id: newId(), apiId, ...fields, secretSealed: seal('webhook', secret) }).returning().get();
    recordActivity(tx, actor, [{ operation: 'webhook_created', mediaId: null, target: created.name, before: null, after: described(created) }]);
    return created;
  });
  return view(row);
}

export async function updateWebhook(actor: Actor, id: string, input: unknown): Promise<WebhookView> {
  assertCanManageWebhooks(actor);
  const { secret, ...changes } = webhookChanges.parse(input);
  const current = find(id);
  if (current.source === 'env' && (changes.url !== undefined || secret)) {
    throw badRequest('This webhook comes from KURA_MEDIA_WEBHOOK_URL and KURA_WEBHOOK_SECRET: change them in the environment');
  }
  if (changes.url !== undefined) await assertPublicTarget(changes.url, 'url');
  const row = db().transaction((tx) => {
    const updated = tx
      .update(webhooks)
      .set({ ...changes, ...(secret ? { secretSealed: seal('webhook', secret) } : {}) })
      .where(eq(webhooks.id, current.id))
      .returning()
      .get();
    const after = { ...described(updated), ...(secret ? { secret: 'changed' } : {}) };
    recordActivity(tx, actor, [{ operation: 'webhook_updated', mediaId: null, target: updated.name, before: described(current), after }]);
    return updated;
  });
  return view(row);
}

/** Removes a webhook and its undelivered events (a provisioned one comes back at the next start). */
export function deleteWebhook(actor: Actor, id: string): void {
  assertCanManageWebhooks(actor);
  const current = find(id);
  db().transaction((tx) => {
    tx.delete(webhooks).where(and(eq(webhooks.id, current.id))).run();
    recordActivity(tx, actor, [{ operation: 'webhook_deleted', mediaId: null, target: current.name, before: described(current), after: null }]);
  });
}

/** What Activity keeps of a webhook: never its secret. */
const described = (w: Webhook) => ({ url: w.url, events: w.events, enabled: w.enabled, api: w.apiId ? 'content' : 'media' });

export function find(id: string): Webhook {
  const parsed = webhookId.safeParse(id);
  const row = parsed.success ? db().select().from(webhooks).where(eq(webhooks.id, parsed.data)).get() : undefined;
  if (!row) throw notFound('No such webhook');
  return row;
}
