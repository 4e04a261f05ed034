// The changes a webhook can be sent for; defined with the table in db/enums.ts.
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/db/enums';
