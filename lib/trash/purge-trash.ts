import 'server-only';
import { lt } from 'drizzle-orm';
import { transaction } from '@/db';
import { mediaTrash } from '@/db/schema';
import { config } from '@/lib/config';
import { removeGarbage } from '@/lib/media/storage-journal';
import { dropTrashed } from './drop-trashed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sweeper's part: media in Trash longer than `KURA_TRASH_DAYS` is deleted for good (no webhook: it was sent). */
export async function purgeExpiredTrash(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - config().KURA_TRASH_DAYS * DAY_MS);
  const { items, garbage } = await transaction((tx) => dropTrashed(tx, lt(mediaTrash.trashedAt, cutoff)));
  await removeGarbage(garbage);
  return items.length;
}

/** When an item trashed at `trashedAt` will be purged. */
export const purgeAt = (trashedAt: Date): Date => new Date(trashedAt.getTime() + config().KURA_TRASH_DAYS * DAY_MS);
