import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { webhooks } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { getWebhookOrThrow } from './get-webhook-or-throw';
import { webhookInActivity } from './present-webhook';

/** Removes a webhook and its undelivered events (a provisioned one comes back at the next start). */
export async function deleteWebhook(actor: Actor, id: string): Promise<void> {
  assertCanManageWebhooks(actor);
  const current = await getWebhookOrThrow(id);
  await transaction(async (tx) => {
    await tx.delete(webhooks).where(and(eq(webhooks.id, current.id)));
    await recordActivity(tx, actor, [
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
