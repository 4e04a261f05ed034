import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { db, migrateDatabase, transaction, unlessLocked, withLock } from '@/db';
import { apiKeys, memberRoles, members, roles } from '@/db/schema';
import { pruneActivity } from '@/lib/activity/prune-activity';
import { KEY_PREVIEW_LENGTH } from '@/lib/api-keys/create-api-key';
import { hashApiKey } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { authSecret } from '@/lib/auth/secret';
import { config } from '@/lib/config';
import { startDeliveries } from '@/lib/events/delivery-worker';
import { pruneDeliveries } from '@/lib/events/prune-deliveries';
import { newId } from '@/lib/ids';
import { forgetGoneInstances, InstanceRefused, registerInstance } from '@/lib/instances/this-instance';
import { backfillImageFacts } from '@/lib/media/backfill-image-facts';
import { watchDeliverables } from '@/lib/media/find-deliverable';
import { sweepJournal } from '@/lib/media/storage-journal';
import { purgeExpiredTrash } from '@/lib/trash/purge-trash';
import { envS3Location } from '@/lib/storage/s3-config';
import { allStorages } from '@/lib/storage-settings/configured-storages';
import { writeS3Config } from '@/lib/storage-settings/s3-configs';
import { loadSettings } from '@/lib/settings/snapshot';
import { watchSettings } from '@/lib/settings/watch-settings';
import { provisionMediaWebhook } from '@/lib/webhooks/provision';
import { startUsageFlusher } from '@/lib/usage/flush-usage';
import { startDeliveryListener } from './delivery-listener';
import { guardSlowClients } from './slow-clients';
import { keepDataDirPrivate } from './private-data-dir';
import { ensureServiceId } from './service-id';
import { ensureStarterRoles } from '@/lib/roles/starter-roles';

const UPLOAD_GRACE_MS = 6 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Everything a start needs before the first request: schema, ids, secret, first admin, API key, webhook, clean storage,
 * deliveries.
 */
export async function bootstrap(): Promise<void> {
  keepDataDirPrivate(); // before the first file is created
  await migrateDatabase();
  // Instances starting together on one PostgreSQL database provision one after the other: each row once.
  await withLock('kura.bootstrap', provision);
  watchSettings();
  watchDeliverables();
  guardSlowClients(); // Next's own server only: the delivery listener below keeps Node's request timeout
  await startDeliveryListener();
  await startDeliveries(); // pending webhook deliveries survive restarts
  startUsageFlusher();
  // Periodic jobs run on one instance per tick (the others find the lock taken and skip it).
  let sweeping = false; // a slow bucket must not pile sweeps on top of each other
  setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    unlessLocked('kura.sweep', async () => {
      await purgeExpiredTrash();
      await backfillImageFacts();
      await sweepJournal(UPLOAD_GRACE_MS);
    })
      .catch((err) => console.error('[kura] storage sweep failed; will retry', err))
      .finally(() => (sweeping = false));
  }, config().KURA_SWEEP_EVERY_MS).unref();
  const prune = async () => {
    try {
      await unlessLocked('kura.prune', async () => {
        await pruneDeliveries();
        await pruneActivity();
        await forgetGoneInstances();
      });
    } catch (err) {
      console.error('[kura] pruning old deliveries, activity or sessions failed; will retry', err);
    }
  };
  await prune();
  setInterval(() => void prune(), PRUNE_EVERY_MS).unref();
}

/** The rows and files a service needs, made once; then this instance joins and sweeps what its last run left. */
async function provision(): Promise<void> {
  await ensureServiceId();
  authSecret();
  const adminRoleId = await ensureAdministratorRole();
  await ensureStarterRoles();
  await ensureFirstAdmin(adminRoleId);
  await ensureEnvApiKey();
  await provisionMediaWebhook();
  // Loaded only for a demo: it uploads and writes content, whose modules (sharp, the HTML sanitiser) a start needs not.
  if (config().KURA_DEMO) await (await import('./demo')).ensureDemo();
  // KURA_S3_* is remembered, so media uploaded under it stays readable if the environment changes later.
  const envBucket = envS3Location();
  if (envBucket) {
    await transaction((tx) => writeS3Config(tx, envBucket, 'env'));
    await loadSettings();
  }
  try {
    await registerInstance();
  } catch (err) {
    if (!(err instanceof InstanceRefused)) throw err;
    console.error(`[kura] cannot start: ${err.message}`);
    process.exit(1);
  }
  // Nothing of this instance is in flight yet: its temp files and journalled uploads are leftovers of a crash
  // (and so are those of instances that are gone).
  for (const storage of allStorages()) await storage.sweepInterrupted();
  await purgeExpiredTrash();
  await sweepJournal(UPLOAD_GRACE_MS, true);
}

async function ensureAdministratorRole(): Promise<string> {
  await transaction((tx) =>
    tx
      .insert(roles)
      .values({
        id: newId(),
        name: 'Administrator',
        builtin: 'administrator',
        mediaRead: 'all',
        mediaUpload: true,
        mediaEdit: true,
        mediaDelete: true,
      })
      .onConflictDoNothing(),
  );
  return (await db().select({ id: roles.id }).from(roles).where(eq(roles.builtin, 'administrator')).limit(1))[0]!.id;
}

async function ensureFirstAdmin(roleId: string) {
  if ((await db().select({ n: count() }).from(members).limit(1))[0]!.n > 0) return; // the common case, without hashing
  const { KURA_ADMIN_EMAIL, KURA_ADMIN_PASSWORD } = config();
  const email = KURA_ADMIN_EMAIL ?? 'admin@localhost';
  const password = KURA_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const id = newId();
  // Decided inside the transaction: only a service with no member at all gets this admin.
  const created = await transaction(async (tx) => {
    if ((await tx.select({ n: count() }).from(members).limit(1))[0]!.n > 0) return false;
    await tx.insert(members).values({ id, email, name: 'Administrator', passwordHash });
    await tx.insert(memberRoles).values({ memberId: id, roleId });
    return true;
  });
  if (!created) return;
  if (KURA_ADMIN_PASSWORD) console.log(`[kura] created Administrator ${email}`);
  else
    console.log(
      `[kura] created Administrator ${email} with password: ${password}\n[kura] (shown once: log in and keep it safe)`,
    );
}

/**
 * The key from KURA_API_KEY (the only one holding `content_all`) follows the environment: a changed or
 * removed value revokes the key made from the previous one, so a rotated secret stops working at once.
 */
async function ensureEnvApiKey() {
  const key = config().KURA_API_KEY;
  const hash = key ? hashApiKey(key) : null;
  const all = {
    mediaGet: true,
    mediaUpload: true,
    mediaEdit: true,
    mediaDelete: true,
    contentAll: true,
    revokedAt: null,
  };
  await transaction(async (tx) => {
    await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(apiKeys.contentAll, true), isNull(apiKeys.revokedAt), hash ? ne(apiKeys.keyHash, hash) : undefined),
      );
    // Keys listed before previews were cut to KEY_PREVIEW_LENGTH characters.
    await tx
      .update(apiKeys)
      .set({ keyPreview: sql`substr(${apiKeys.keyPreview}, 1, ${KEY_PREVIEW_LENGTH})` })
      .where(gt(sql`length(${apiKeys.keyPreview})`, KEY_PREVIEW_LENGTH));
    if (!key || !hash) return;
    await tx
      .insert(apiKeys)
      .values({
        id: newId(),
        name: 'KURA_API_KEY',
        keyHash: hash,
        keyPreview: key.slice(0, KEY_PREVIEW_LENGTH),
        ...all,
      })
      .onConflictDoUpdate({ target: apiKeys.keyHash, set: all });
  });
}
