import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { settings } from '@/db/schema';
import { newServiceId } from '@/lib/ids';

let cached: string | undefined;

/** The service id: random, made at first start, never changed. */
export function serviceId(): string {
  if (cached) return cached;
  db().insert(settings).values({ key: 'service_id', value: newServiceId() }).onConflictDoNothing().run();
  cached = db().select().from(settings).where(eq(settings.key, 'service_id')).get()!.value;
  return cached;
}
