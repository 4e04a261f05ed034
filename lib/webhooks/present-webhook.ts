import type { Webhook } from '@/db/schema';

/** A webhook as the settings screens show it: never its secret. */
export type WebhookView = Omit<Webhook, 'secretSealed' | 'createdAt'> & {
  createdAt: string;
  pending: number;
  failed: number;
};

/** A webhook row as the screens show it, with how many of its deliveries wait or failed. */
export const presentWebhook = (
  { secretSealed: _secret, createdAt, ...rest }: Webhook,
  pending = 0,
  failed = 0,
): WebhookView => ({
  ...rest,
  createdAt: createdAt.toISOString(),
  pending,
  failed,
});

/** What Activity keeps of a webhook: never its secret. */
export const webhookInActivity = (w: Webhook) => ({
  url: w.url,
  events: w.events,
  enabled: w.enabled,
  api: w.apiId ? 'content' : 'media',
});
