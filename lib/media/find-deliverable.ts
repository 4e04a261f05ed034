import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { afterCommit, db, listen, notify } from '@/db';
import { media, type Media } from '@/db/schema';
import { processSingleton, processSingletonGetter } from '@/lib/process-singleton';
import { serviceId } from '@/lib/service/service-id';

// Prepared once per process: delivery is the hottest query (drizzle would build and prepare it per call).
const byId = () =>
  processSingleton('findDeliverable', () =>
    db()
      .select()
      .from(media)
      .where(eq(media.id, sql.placeholder('id')))
      .prepare(),
  );

/** Announced (after commit) by every media change, to every instance: cached rows are read again. */
export const MEDIA_CHANNEL = 'kura_media';

/**
 * Rows of recently delivered media, so a hit asks the database nothing. Every media change clears them
 * ({@link forgetDeliverables}, here at once and on other instances by {@link MEDIA_CHANNEL}); `generation`
 * keeps a row read before a change from being stored after it. Used only once this process listens.
 */
const rows = processSingletonGetter('deliverableRows', () => ({
  listening: false,
  generation: 0,
  noticeQueued: false,
  /** The generation as other threads see it (the delivery listener's), -1 while not listening. */
  shared: null as Int32Array | null,
  byId: new LRUCache<string, Media>({ max: 10_000 }),
}));

/**
 * The media item a public delivery URL names, or null. Public by design (no actor): media is
 * public from upload on, but only under its current name, so a rename or delete 404s at once.
 */
export async function findDeliverable(service: string, id: string, fileName: string): Promise<Media | null> {
  if (service !== serviceId() || !/^[0-9a-f]{32}$/.test(id)) return null;
  const cache = rows();
  let row = cache.listening ? cache.byId.get(id) : undefined;
  if (row === undefined) {
    const generation = cache.generation;
    [row] = await byId().execute({ id });
    if (row && cache.listening && generation === cache.generation) cache.byId.set(id, row);
  }
  return row && row.fileName === fileName ? row : null;
}

/**
 * The number of media changes this process has seen (modulo 2³¹, so it fits the Int32 other threads read), for a
 * cache of answers built from delivered rows (the delivery listener's hot answers): an answer stored under an older
 * number is stale. Null while changes are not watched (nothing may be cached then).
 */
export function deliverablesGeneration(): number | null {
  const cache = rows();
  return cache.listening ? cache.generation & 0x7fffffff : null;
}

/** Drops every cached row (a media change committed here or on another instance). */
function forgetDeliverables(): void {
  const cache = rows();
  cache.generation++;
  cache.byId.clear();
  publishGeneration();
}

/**
 * Shares {@link deliverablesGeneration} with another thread through `view` (one Int32 of a SharedArrayBuffer), kept
 * current from now on: -1 while nothing may be cached.
 */
export function shareDeliverablesGeneration(view: Int32Array): void {
  rows().shared = view;
  publishGeneration();
}

function publishGeneration(): void {
  const cache = rows();
  if (cache.shared) Atomics.store(cache.shared, 0, deliverablesGeneration() ?? -1);
}

/**
 * Called inside the transaction of every media change (`recordMediaChange`): once it commits, this
 * instance forgets its rows before the change is answered, and the others on the NOTIFY.
 */
export function noteMediaChanged(): void {
  afterCommit(() => {
    forgetDeliverables();
    // One notice for a transaction that changed many media (delete all), not one each.
    const cache = rows();
    if (cache.noticeQueued) return;
    cache.noticeQueued = true;
    queueMicrotask(() => {
      cache.noticeQueued = false;
      notify(MEDIA_CHANNEL);
    });
  });
}

/** Starts the row cache: from now on changes on any instance reach it (bootstrap). */
export function watchDeliverables(): void {
  const cache = rows();
  if (cache.listening) return;
  listen(MEDIA_CHANNEL, forgetDeliverables);
  cache.listening = true;
  publishGeneration();
}
