import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { mediaVersions } from '@/db/schema';
import { notFound } from '@/lib/errors';

const named = (mediaId: string, versionId: string) =>
  and(eq(mediaVersions.id, versionId), eq(mediaVersions.mediaId, mediaId));

/** One kept version of one media item, or 404. */
export async function findVersion(mediaId: string, versionId: string) {
  const found = (await db().select().from(mediaVersions).where(named(mediaId, versionId)).limit(1))[0];
  if (!found) throw notFound('No such version');
  return found;
}

/** Inside a restore's or delete's transaction: the version's row is taken out (404 when another took it first). */
export async function takeVersion(tx: Tx, mediaId: string, versionId: string) {
  const taken = (await tx.delete(mediaVersions).where(named(mediaId, versionId)).returning())[0];
  if (!taken) throw notFound('No such version');
  return taken;
}
