// Design notes: docs/scale-out.md, "Several instances".
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { databaseKind, db, transaction } from '@/db';
import { instances, webhookLeases } from '@/db/schema';
import { config } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { uploadTargetName } from '@/lib/storage-settings/upload-target';

/** How often an instance says it is alive, and how long after its last word it counts as gone. */
export const HEARTBEAT_MS = 5_000;
export const LIVE_MS = 20_000;
/** An instance silent this long is forgotten (its row only tells an operator it once ran). */
const FORGET_MS = 7 * 24 * 60 * 60 * 1000;

const state = () => processSingleton('instance', () => ({ id: null as string | null }));

/**
 * This process's instance id: made once and kept in its data dir, so a restart (even after a crash) is the
 * same instance again and may sweep what its previous run left half done.
 */
export function instanceId(): string {
  const known = state().id;
  if (known) return known;
  const file = path.join(config().dataDir, 'instance-id');
  fs.mkdirSync(config().dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(8).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return (state().id = fs.readFileSync(file, 'utf8').trim());
}

const liveSince = () => new Date(Date.now() - LIVE_MS);

/** The ids of the other instances that said they were alive within {@link LIVE_MS}. */
export async function otherLiveInstances(): Promise<string[]> {
  const rows = await db()
    .select({ id: instances.id })
    .from(instances)
    .where(and(ne(instances.id, instanceId()), gt(instances.heartbeatAt, liveSince())));
  return rows.map((r) => r.id);
}

/** Writes this instance's heartbeat (and keeps the webhook lines it sends alive). */
async function beat(startedAt?: Date): Promise<void> {
  const now = new Date();
  const id = instanceId();
  await transaction(async (tx) => {
    await tx
      .insert(instances)
      .values({ id, startedAt: startedAt ?? now, heartbeatAt: now, address: `${os.hostname()}:${config().PORT}` })
      .onConflictDoUpdate({
        target: instances.id,
        set: { heartbeatAt: now, ...(startedAt ? { startedAt, address: `${os.hostname()}:${config().PORT}` } : {}) },
      });
    await tx
      .update(webhookLeases)
      .set({ expiresAt: new Date(now.getTime() + LIVE_MS) })
      .where(eq(webhookLeases.instanceId, id));
  });
}

/**
 * Registers this instance at start (under the bootstrap lock, so two starting together are judged in turn) and
 * keeps its heartbeat. Several instances need a shared byte store: with local-disk storage on PostgreSQL, a
 * second live instance refuses to start.
 */
export async function registerInstance(): Promise<void> {
  if (databaseKind() === 'postgres' && uploadTargetName() === 'local') {
    const others = await otherLiveInstances();
    if (others.length > 0)
      throw new InstanceRefused(
        `another Kura instance (${others.join(', ')}) is running on this database with local-disk storage, ` +
          'whose files the other instances cannot read: configure an S3 bucket (KURA_S3_* or Media settings → ' +
          'Storage) before starting a second instance',
      );
  }
  await beat(new Date());
  setInterval(() => {
    beat().catch((err) => console.error('[kura] instance heartbeat failed; will retry', err));
  }, HEARTBEAT_MS).unref();
}

/** Forgets instances silent for a week (the prune job). */
export async function forgetGoneInstances(): Promise<void> {
  await transaction((tx) => tx.delete(instances).where(lt(instances.heartbeatAt, new Date(Date.now() - FORGET_MS))));
}

/** Start refused: the process prints the reason and exits. */
export class InstanceRefused extends Error {}
