/** The changes a webhook can be sent for (the webhooks table's `events`). */
export const WEBHOOK_EVENT_TYPES = ['new', 'edit', 'delete'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
