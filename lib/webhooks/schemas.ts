import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '@/db/enums';

const webhookUrl = z
  .string()
  .trim()
  .max(2000, 'at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL, e.g. https://example.com/hooks/kura' }));

const secret = z.string().min(16, 'at least 16 characters, so it cannot be guessed').max(200, 'at most 200 characters');

export const webhookEvents = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, 'one of new, edit, delete'))
  .min(1, 'choose at least one event')
  .transform((list) =>
    [...new Set(list)].sort((a, b) => WEBHOOK_EVENT_TYPES.indexOf(a) - WEBHOOK_EVENT_TYPES.indexOf(b)),
  );

export const newWebhook = z
  .object({
    /** The API endpoint for a content webhook; absent for a media webhook. */
    api: z.string().min(1).optional(),
    name: z.string().trim().min(1, 'give it a name').max(100, 'at most 100 characters'),
    url: webhookUrl,
    secret,
    events: webhookEvents,
    enabled: z.boolean().default(true),
  })
  .strict();

export const webhookChanges = z
  .object({
    name: z.string().trim().min(1, 'give it a name').max(100, 'at most 100 characters').optional(),
    url: webhookUrl.optional(),
    /** Absent or empty: keep the secret. */
    secret: z.union([z.literal(''), secret]).optional(),
    events: webhookEvents.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const webhookId = z.string().regex(/^[0-9a-f]{32}$/, 'not a webhook id');

export const deliveryId = z.coerce.number().int().positive('not a delivery id');
