import 'server-only';
import type { Tx } from '@/db';
import { auditLog, type AuditOperation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';

export type ActivityEntry = {
  operation: AuditOperation;
  mediaId: string | null;
  target: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Writes audit entries in the caller's transaction: an operation rolled back leaves no entry. */
export function recordActivity(tx: Tx, actor: Actor, entries: ActivityEntry[], at = new Date()): void {
  if (entries.length === 0) return;
  tx.insert(auditLog)
    .values(entries.map((e) => ({ ...e, at, actorType: actor.type, actorId: actor.id, actorName: actor.name })))
    .run();
}
