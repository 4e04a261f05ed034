import 'server-only';
import { and, count as countAll, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { deliveries, webhooks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findApi } from '@/lib/content/get-api';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { presentWebhook, type WebhookView } from './present-webhook';

/** The media webhooks (`api` absent) or one API's webhooks, with how many deliveries wait or failed. */
export async function listWebhooks(actor: Actor, api?: string): Promise<WebhookView[]> {
  assertCanManageWebhooks(actor);
  const apiId = api === undefined ? null : (await findApi(api)).id;
  // A builder subquery, so its columns are written with their tables: a bare "id" inside would be the delivery's.
  const count = (state: 'pending' | 'failed') =>
    sql<number>`(${db()
      .select({ n: countAll() })
      .from(deliveries)
      .where(and(eq(deliveries.webhookId, webhooks.id), eq(deliveries.state, state)))})`.mapWith(Number);
  return (
    await db()
      .select({ webhook: webhooks, pending: count('pending'), failed: count('failed') })
      .from(webhooks)
      .where(apiId === null ? isNull(webhooks.apiId) : eq(webhooks.apiId, apiId))
      .orderBy(desc(webhooks.createdAt))
  ).map(({ webhook, pending, failed }) => presentWebhook(webhook, pending, failed));
}
