import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { WEBHOOK_EVENT_TYPES } from '@/db/enums';
import { webhooks } from '@/db/schema';
import { config } from '@/lib/config';
import { seal } from '@/lib/crypto/sealed';
import { newId } from '@/lib/ids';

/**
 * `KURA_MEDIA_WEBHOOK_URL` + `KURA_WEBHOOK_SECRET`: one media webhook for every event, kept in step with
 * the environment at each start (its URL and secret change only there). Unset: the provisioned one is
 * removed, with what it had not yet delivered.
 */
export async function provisionMediaWebhook(): Promise<void> {
  const { KURA_MEDIA_WEBHOOK_URL: url, KURA_WEBHOOK_SECRET: secret } = config();
  // One transaction: the look and the write cannot interleave with another start's.
  await transaction(async (tx) => {
    const [existing] = await tx.select().from(webhooks).where(eq(webhooks.source, 'env')).limit(1);
    if (!url || !secret) {
      if (existing) await tx.delete(webhooks).where(eq(webhooks.id, existing.id));
      return;
    }
    const fields = { url, secretSealed: seal('webhook', secret) };
    if (existing) await tx.update(webhooks).set(fields).where(eq(webhooks.id, existing.id));
    else
      await tx.insert(webhooks).values({
        id: newId(),
        apiId: null,
        name: 'From the environment',
        events: [...WEBHOOK_EVENT_TYPES],
        source: 'env',
        ...fields,
      });
  });
}
