import 'server-only';
import type { Tx } from '@/db';
import { type AUDIT_ACTOR_TYPES, type AuditOperation } from '@/db/enums';
import { auditLog } from '@/db/schema';

/** Who did it: an Actor, or someone not logged in (a login attempt, named by the email typed). */
export type ActivityActor = { type: (typeof AUDIT_ACTOR_TYPES)[number]; id: string; name: string };

export type ActivityEntry = {
  operation: AuditOperation;
  mediaId: string | null;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Writes audit entries in the caller's transaction: an operation rolled back leaves no entry. */
export async function recordActivity(
  tx: Tx,
  actor: ActivityActor,
  entries: ActivityEntry[],
  at = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(auditLog)
    .values(entries.map((e) => ({ ...e, at, actorType: actor.type, actorId: actor.id, actorName: actor.name })));
}
