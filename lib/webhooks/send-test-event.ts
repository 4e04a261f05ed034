import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { unseal } from '@/lib/crypto/sealed';
import { sendWebhook, type SendResult } from '@/lib/events/send';
import { newId } from '@/lib/ids';
import { assertCanManageWebhooks } from '@/lib/permissions/settings';
import { serviceId } from '@/lib/service/service-id';
import { getWebhookOrThrow } from './get-webhook-or-throw';

/** "Send test": one signed request now, outside the outbox, answered with what the target said. */
export async function sendTestEvent(actor: Actor, webhookId: string): Promise<SendResult> {
  assertCanManageWebhooks(actor);
  const hook = await getWebhookOrThrow(webhookId);
  const body = JSON.stringify({ service: serviceId(), type: 'test', old: null, new: null });
  return sendWebhook(
    { url: hook.url, secret: unseal('webhook', hook.secretSealed), operator: hook.source === 'env' },
    { id: newId(), type: hook.apiId ? 'content.test' : 'media.test', body },
  );
}
