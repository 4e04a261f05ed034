import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { media, type Media } from '@/db/schema';
import { processSingleton } from '@/lib/process-singleton';
import { serviceId } from '@/lib/service/service-id';

// Prepared once per process: delivery is the hottest query (drizzle would build and prepare it per call).
const byId = () =>
  processSingleton('findDeliverable', () =>
    db()
      .select()
      .from(media)
      .where(eq(media.id, sql.placeholder('id')))
      .prepare(),
  );

/**
 * The media item a public delivery URL names, or null. Public by design (no actor): media is
 * public from upload on, but only under its current name, so a rename or delete 404s at once.
 */
export async function findDeliverable(service: string, id: string, fileName: string): Promise<Media | null> {
  if (service !== serviceId() || !/^[0-9a-f]{32}$/.test(id)) return null;
  const [row] = await byId().execute({ id });
  return row && row.fileName === fileName ? row : null;
}
