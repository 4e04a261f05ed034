'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { createWebhook } from '@/lib/webhooks/create-webhook';
import { deleteWebhook } from '@/lib/webhooks/delete-webhook';
import { listDeliveries } from '@/lib/webhooks/list-deliveries';
import { redeliver } from '@/lib/webhooks/redeliver';
import { newWebhook, webhookChanges } from '@/lib/webhooks/schemas';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { updateWebhook } from '@/lib/webhooks/update-webhook';

// Webhooks of Media settings and of each API's settings (Administrators; checked in lib/webhooks).
const id = z.string().min(1);
const refresh = () => {
  revalidatePath('/media/settings', 'layout');
  revalidatePath('/apis', 'layout');
};

export const createWebhookAction = authedAction(newWebhook, async (input, actor) => {
  const created = await createWebhook(actor, input);
  refresh();
  return created;
});

export const updateWebhookAction = authedAction(
  z.object({ id, changes: webhookChanges }),
  async ({ id, changes }, actor) => {
    const updated = await updateWebhook(actor, id, changes);
    refresh();
    return updated;
  },
);

export const deleteWebhookAction = authedAction(z.object({ id }), async ({ id }, actor) => {
  await deleteWebhook(actor, id);
  refresh();
  return { id };
});

/** One signed test request now; the result (status or error) is shown beside the button. */
export const sendTestWebhookAction = authedAction(z.object({ id }), ({ id }, actor) => sendTestEvent(actor, id));

export const listDeliveriesAction = authedAction(
  z.object({ id, before: z.number().int().positive().optional() }),
  async ({ id, before }, actor) => await listDeliveries(actor, id, before),
);

export const redeliverAction = authedAction(
  z.object({ id, delivery: z.number().int().positive() }),
  async ({ id, delivery }, actor) => {
    const queued = await redeliver(actor, id, delivery);
    refresh();
    return queued;
  },
);
