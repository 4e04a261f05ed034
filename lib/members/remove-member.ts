import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db';
import { media, members } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { badRequest, notFound } from '@/lib/errors';
import { assertAdmin } from '@/lib/permissions/admin';
import { assertAnAdministratorRemains } from './administrators';
import { recordActivity } from '@/lib/activity/record-activity';

/** Up to this many of the removed member's media ids are returned, for "Reassign N media" (the bulk limit). */
const REASSIGNABLE = 1000;

export type RemovedMember = {
  id: string;
  name: string;
  email: string;
  /** How many media the member had uploaded; they now have no creator. */
  mediaCount: number;
  /** Their ids when there are at most 1,000 (the bulk creator change takes that many), else empty. */
  mediaIds: string[];
};

/**
 * Removes a member (Administrators only, never oneself, never the last Administrator). In the same
 * transaction their media lose their creator (the foreign key sets it to null), so a "created by
 * members of this role" scope stops matching it, and their sessions go with them (cascade).
 */
export async function removeMember(actor: Actor, id: string): Promise<RemovedMember> {
  assertAdmin(actor, 'remove members');
  if (id === actor.id) throw badRequest('You cannot remove yourself; another Administrator can');
  return await transaction(async (tx) => {
    const ids = (await tx.select({ id: media.id }).from(media).where(eq(media.creatorId, id))).map((r) => r.id);
    const removed = await tx
      .delete(members)
      .where(eq(members.id, id))
      .returning({ id: members.id, name: members.name, email: members.email });
    if (removed.length === 0) throw notFound('No such member');
    await assertAnAdministratorRemains(tx);
    await recordActivity(tx, actor, [
      {
        operation: 'member_removed',
        mediaId: null,
        target: removed[0].email,
        before: { name: removed[0].name },
        after: null,
      },
    ]);
    return { ...removed[0], mediaCount: ids.length, mediaIds: ids.length <= REASSIGNABLE ? ids : [] };
  });
}
