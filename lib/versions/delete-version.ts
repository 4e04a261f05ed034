import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { forUpdate } from '@/db/locks';
import { media } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { journalGarbage, removeGarbage } from '@/lib/media/storage-journal';
import { assertMediaRight, readableMedia } from '@/lib/permissions/media';
import { takeVersion } from './find-version';

/** "Delete version": an earlier version of media the actor may read goes, and its bytes are removed from storage. */
export async function deleteVersion(actor: Actor, mediaId: string, versionId: string): Promise<{ id: string }> {
  assertMediaRight(actor, 'delete');
  const gone = await transaction(async (tx) => {
    const where = and(eq(media.id, mediaId), readableMedia(actor));
    const owner = (await forUpdate(tx.select().from(media).where(where).limit(1)))[0];
    if (!owner) throw notFound('No such media');
    const version = await takeVersion(tx, mediaId, versionId);
    await journalGarbage(tx, version.storage, version.storageKey);
    await recordActivity(tx, actor, [
      {
        operation: 'version_delete',
        mediaId,
        target: owner.fileName,
        before: { size: version.size, sha256: version.sha256, keptAt: version.keptAt.toISOString() },
        after: null,
      },
    ]);
    return [{ storage: version.storage, key: version.storageKey }];
  });
  await removeGarbage(gone);
  return { id: versionId };
}
