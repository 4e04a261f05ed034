import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { webhooks } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { seal } from '@/lib/crypto/sealed';
import { badRequest } from '@/lib/errors';
import { assertPublicTarget } from '@/lib/net/target-guard';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { getWebhookOrThrow } from './get-webhook-or-throw';
import { presentWebhook, webhookInActivity, type WebhookView } from './present-webhook';
import { webhookChanges } from './schemas';

/** Changes a webhook; the environment's webhook keeps the URL and secret it was given there. */
export async function updateWebhook(actor: Actor, id: string, input: unknown): Promise<WebhookView> {
  assertCanManageWebhooks(actor);
  const { secret, ...changes } = webhookChanges.parse(input);
  const current = await getWebhookOrThrow(id);
  if (current.source === 'env' && (changes.url !== undefined || secret)) {
    throw badRequest(
      'This webhook comes from KURA_MEDIA_WEBHOOK_URL and KURA_WEBHOOK_SECRET: change them in the environment',
    );
  }
  if (changes.url !== undefined) await assertPublicTarget(changes.url, 'url');
  const row = await transaction(async (tx) => {
    const updated = (
      await tx
        .update(webhooks)
        .set({ ...changes, ...(secret ? { secretSealed: seal('webhook', secret) } : {}) })
        .where(eq(webhooks.id, current.id))
        .returning()
    )[0];
    const after = { ...webhookInActivity(updated), ...(secret ? { secret: 'changed' } : {}) };
    await recordActivity(tx, actor, [
      { operation: 'webhook_updated', mediaId: null, target: updated.name, before: webhookInActivity(current), after },
    ]);
    return updated;
  });
  return presentWebhook(row);
}
