// Design notes: docs/architecture.md, "Storage and the journal".
import 'server-only';
import { and, eq, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { db, type Tx, transaction } from '@/db';
import { storageJournal } from '@/db/schema';
import { instanceId, otherLiveInstances } from '@/lib/instances/this-instance';
import { storageNamed } from '@/lib/storage-settings/configured-storages';

/**
 * Objects that exist, or may exist, without a live media row. An upload is journalled before its
 * first byte is written and cleared in the transaction that inserts its row; old bytes are
 * journalled as garbage in the transaction that stops using them. Whatever a crash or a failed
 * step leaves behind, the sweeper removes.
 */
export async function journalUpload(storage: string, key: string): Promise<void> {
  await transaction((tx) =>
    tx.insert(storageJournal).values({ storage, key, reason: 'upload', instanceId: instanceId() }),
  );
}

/** Inside the transaction that makes `key` live: it is no longer a leftover. */
export async function clearJournal(tx: Tx, storage: string, key: string): Promise<void> {
  await tx.delete(storageJournal).where(and(eq(storageJournal.storage, storage), eq(storageJournal.key, key)));
}

/** Inside the transaction that stops using `key`: remove its bytes once committed. */
export async function journalGarbage(tx: Tx, storage: string, key: string): Promise<void> {
  await tx
    .insert(storageJournal)
    .values({ storage, key, reason: 'garbage' })
    .onConflictDoUpdate({ target: [storageJournal.storage, storageJournal.key], set: { reason: 'garbage' } });
}

/**
 * Removes one journalled object, then its journal row. A failure (a bucket out of reach) marks the row
 * as garbage, so the next sweep retries it rather than waiting for the upload grace period.
 */
export async function removeJournalled(storage: string, key: string): Promise<boolean> {
  const entry = and(eq(storageJournal.storage, storage), eq(storageJournal.key, key));
  try {
    await storageNamed(storage).remove(key);
    await transaction((tx) => tx.delete(storageJournal).where(entry));
    return true;
  } catch (err) {
    console.error(`[kura] could not remove ${storage}:${key}; will retry`, err instanceof Error ? err.message : err);
    await transaction((tx) => tx.update(storageJournal).set({ reason: 'garbage' }).where(entry));
    return false;
  }
}

/** Objects journalled as garbage inside a transaction, to remove after its commit. */
export type Garbage = { storage: string; key: string }[];

/** Removes what a transaction journalled as garbage, after its commit (a failure is left to the sweeper). */
export async function removeGarbage(garbage: Garbage): Promise<void> {
  for (const g of garbage) await removeJournalled(g.storage, g.key);
}

/**
 * Removes journalled objects: all garbage, and the uploads nobody can still be finishing: those of instances
 * that are gone (no heartbeat within LIVE_MS; several instances share one journal), those older than
 * `uploadsOlderThanMs`, and at start (`atStart`) this instance's own, left by its previous run.
 */
export async function sweepJournal(uploadsOlderThanMs: number, atStart = false): Promise<number> {
  const cutoff = new Date(Date.now() - uploadsOlderThanMs);
  const alive = await otherLiveInstances();
  if (!atStart) alive.push(instanceId());
  const rows = await db()
    .select()
    .from(storageJournal)
    .where(
      or(
        eq(storageJournal.reason, 'garbage'),
        lt(storageJournal.createdAt, cutoff),
        isNull(storageJournal.instanceId),
        alive.length ? notInArray(storageJournal.instanceId, alive) : sql`1 = 1`,
      ),
    );
  let removed = 0;
  for (const row of rows) if (await removeJournalled(row.storage, row.key)) removed++;
  return removed;
}
