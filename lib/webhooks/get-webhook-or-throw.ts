import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { webhooks, type Webhook } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { webhookId } from './schemas';

/** The webhook with this id; a 404 "No such webhook" for an unknown or malformed id. */
export async function getWebhookOrThrow(id: string): Promise<Webhook> {
  const parsed = webhookId.safeParse(id);
  const row = parsed.success
    ? (await db().select().from(webhooks).where(eq(webhooks.id, parsed.data)).limit(1))[0]
    : undefined;
  if (!row) throw notFound('No such webhook');
  return row;
}
