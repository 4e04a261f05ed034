import 'server-only';
import { databaseKind, db, notify, type Tx } from '@/db';
import { settings } from '@/db/schema';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The `settings` table (the service id, where uploads go, the stored bucket configurations) is a handful of
 * rows read on every URL Kura writes and every delivery. It is kept in memory: loaded at start, loaded again
 * after each change, so URL building and storage lookup stay synchronous. Other instances learn of a change by
 * {@link SETTINGS_CHANNEL} at once, and read the table again before the operations that write by it (uploads).
 */
const snapshot = () => processSingleton('settings', () => ({ rows: null as Map<string, string> | null }));

/** Announced (after commit) by every settings write, to every instance (lib/settings/watch-settings.ts). */
export const SETTINGS_CHANNEL = 'kura_settings';

/** Reads the table into memory; call after a transaction that wrote settings has committed. */
export async function loadSettings(): Promise<void> {
  const rows = await db().select().from(settings);
  snapshot().rows = new Map(rows.map((r) => [r.key, r.value]));
}

/**
 * Before an operation that writes by the settings (an upload picks its storage by them): on PostgreSQL another
 * instance may have changed them a moment ago, so they are read again (a handful of rows); SQLite has one.
 */
export async function refreshSettings(): Promise<void> {
  if (databaseKind() === 'postgres') await loadSettings();
}

function rows(): Map<string, string> {
  const loaded = snapshot().rows;
  if (!loaded) throw new Error('Settings are read before loadSettings() ran (it runs at start)');
  return loaded;
}

/** One setting's value, as last loaded. */
export const setting = (key: string): string | undefined => rows().get(key);

/** Every setting whose key starts with `prefix`, as last loaded. */
export const settingsStartingWith = (prefix: string): [string, string][] =>
  [...rows()].filter(([key]) => key.startsWith(prefix));

/** Writes a setting inside `tx` (`keep`: only when it has no value yet). Load again after commit. */
export async function writeSetting(tx: Tx, key: string, value: string, mode: 'replace' | 'keep' = 'replace') {
  notify(SETTINGS_CHANNEL);
  const insert = tx.insert(settings).values({ key, value });
  await (mode === 'keep'
    ? insert.onConflictDoNothing()
    : insert.onConflictDoUpdate({ target: settings.key, set: { value } }));
}
