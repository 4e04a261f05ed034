import 'server-only';
import { transaction } from '@/db';
import { webhooks } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { findApi } from '@/lib/content/get-api';
import { seal } from '@/lib/crypto/sealed';
import { newId } from '@/lib/ids';
import { assertPublicTarget } from '@/lib/net/target-guard';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { presentWebhook, webhookInActivity, type WebhookView } from './present-webhook';
import { newWebhook } from './schemas';

/** Adds a webhook; its URL may not point at this machine or its private networks (KURA_ALLOW_PRIVATE_TARGETS). */
export async function createWebhook(actor: Actor, input: unknown): Promise<WebhookView> {
  assertCanManageWebhooks(actor);
  const { api, secret, ...fields } = newWebhook.parse(input);
  await assertPublicTarget(fields.url, 'url');
  const apiId = api === undefined ? null : (await findApi(api)).id;
  const row = await transaction(async (tx) => {
    const created = (
      await tx
        .insert(webhooks)
        .values({ id: newId(), apiId, ...fields, secretSealed: seal('webhook', secret) })
        .returning()
    )[0];
    await recordActivity(tx, actor, [
      {
        operation: 'webhook_created',
        mediaId: null,
        target: created.name,
        before: null,
        after: webhookInActivity(created),
      },
    ]);
    return created;
  });
  return presentWebhook(row);
}
