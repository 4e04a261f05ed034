// Design notes: docs/usage.md.
import 'server-only';
import { sql } from 'drizzle-orm';
import { db, transaction } from '@/db';
import { usageDaily, usageMediaMonthly } from '@/db/schema';
import { config } from '@/lib/config';
import { variantCacheBytes } from '@/lib/image-api/variant-cache';
import { processSingleton } from '@/lib/process-singleton';
import { emptyPending, pendingUsage, restorePending } from './count-delivery';
import { storedByKind } from './stored-by-kind';
import { storedKept } from './stored-kept';

/** Stored figures (bytes kept, media per kind) are recorded for the day at most this often: they need a scan. */
const STORED_EVERY_MS = 10 * 60 * 1000;

const state = () => processSingleton('usageFlush', () => ({ storedAt: 0, running: Promise.resolve() }));

/**
 * Writes the counts held in memory as additions to the day's and the month's rows, in one transaction, and every
 * ten minutes (or when `stored` asks) the day's stored figures. A failed write (a full disk) keeps the counts for
 * the next flush. Flushes never overlap.
 */
export function flushUsage(opts: { stored?: boolean } = {}): Promise<void> {
  const s = state();
  s.running = s.running.then(() => writeOnce(opts.stored ?? false));
  return s.running;
}

async function writeOnce(forceStored: boolean): Promise<void> {
  const pending = pendingUsage();
  const counts = pending.current;
  pending.current = emptyPending();
  const s = state();
  const stored = forceStored || Date.now() - s.storedAt >= STORED_EVERY_MS;
  try {
    const figures = stored ? await storedFigures() : [];
    const rows = [
      ...[...counts.daily].flatMap(([key, t]) => {
        const [day, output] = key.split('|');
        return [
          { day, metric: `${output}.bytes`, value: t.bytes },
          { day, metric: `${output}.requests`, value: t.requests },
        ];
      }),
    ];
    const perMedia = [...counts.perMedia].map(([key, t]) => {
      const [month, mediaId] = key.split('|');
      return { month, mediaId, bytes: t.bytes, requests: t.requests };
    });
    if (rows.length === 0 && perMedia.length === 0 && figures.length === 0) return;
    await transaction(async (tx) => {
      if (rows.length > 0)
        await tx
          .insert(usageDaily)
          .values(rows)
          .onConflictDoUpdate({
            target: [usageDaily.day, usageDaily.metric],
            set: { value: sql`${usageDaily.value} + excluded.value` },
          });
      if (figures.length > 0)
        await tx
          .insert(usageDaily)
          .values(figures)
          .onConflictDoUpdate({ target: [usageDaily.day, usageDaily.metric], set: { value: sql`excluded.value` } });
      if (perMedia.length > 0)
        await tx
          .insert(usageMediaMonthly)
          .values(perMedia)
          .onConflictDoUpdate({
            target: [usageMediaMonthly.month, usageMediaMonthly.mediaId],
            set: {
              bytes: sql`${usageMediaMonthly.bytes} + excluded.bytes`,
              requests: sql`${usageMediaMonthly.requests} + excluded.requests`,
            },
          });
    });
    if (stored) s.storedAt = Date.now();
  } catch (err) {
    restorePending(counts);
    console.error('[kura] usage counts could not be written; kept for the next flush', err);
  }
}

/** Today's stored figures: bytes of originals and of the variant cache, media per kind. */
async function storedFigures() {
  const day = new Date().toISOString().slice(0, 10);
  const kinds = await storedByKind(db());
  const kept = await storedKept(db());
  // Every original byte on storage: the library's, Trash's and the earlier versions' (docs/trash-and-versions.md).
  const originals = kinds.reduce((sum, k) => sum + k.bytes, 0) + kept.trash.bytes + kept.versions.bytes;
  return [
    { day, metric: 'stored.originals', value: originals },
    { day, metric: 'stored.variants', value: variantCacheBytes() },
    ...kinds.map((k) => ({ day, metric: `media.${k.kind}`, value: k.count })),
  ];
}

/** Writes every few seconds (`KURA_USAGE_FLUSH_MS`) and once more when the server is stopped. */
export function startUsageFlusher(): void {
  const { KURA_USAGE_FLUSH_MS } = config();
  setInterval(() => void flushUsage(), KURA_USAGE_FLUSH_MS).unref();
  void flushUsage({ stored: true });
  // SQLite writes without waiting, so the last counts are in before Next's own handler exits; PostgreSQL's write
  // races it (docs/usage.md: at most one window lost, as in a crash).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void flushUsage({ stored: true }));
}
