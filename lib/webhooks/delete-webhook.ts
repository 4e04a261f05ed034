import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db';
import { webhooks } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { getWebhookOrThrow } from './get-webhook-or-throw';
import { webhookInActivity } from './present-webhook';

/** Removes a webhook and its undelivered events (a provisioned one comes back at the next start). */
export function deleteWebhook(actor: Actor, id: string): void {
  assertCanManageWebhooks(actor);
  const current = getWebhookOrThrow(id);
  db().transaction((tx) => {
    tx.delete(webhooks)
      .where(and(eq(webhooks.id, current.id)))
      .run();
    recordActivity(tx, actor, [
      {
        operation: 'webhook_deleted',
        mediaId: null,
        target: current.name,
        before: webhookInActivity(current),
        after: null,
      },
    ]);
  });
}
