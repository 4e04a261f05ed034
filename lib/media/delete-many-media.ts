import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { describeError } from '@/lib/errors';
import { assertMediaRight } from '@/lib/permissions/media';
import { deleteMedia } from './delete-media';

export type DeleteOutcome = { id: string; deleted: true } | { id: string; deleted: false; reason: string };

/** Deletes each of these media that no content uses; reports per item what was deleted and what was kept, and why. */
export async function deleteManyMedia(actor: Actor, ids: string[]): Promise<DeleteOutcome[]> {
  assertMediaRight(actor, 'delete');
  const outcomes: DeleteOutcome[] = [];
  for (const id of new Set(ids)) {
    try {
      await deleteMedia(actor, id);
      outcomes.push({ id, deleted: true });
    } catch (err) {
      // Even an unexpected failure (logged by describeError) is one item's outcome: the rest go on.
      outcomes.push({ id, deleted: false, reason: describeError(err).message });
    }
  }
  return outcomes;
}
