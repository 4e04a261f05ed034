import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { transaction } from '@/db';
import { lockNamed } from '@/db/locks';
import { imageVariants, type Media } from '@/db/schema';
import { KuraError } from '@/lib/errors';
import { processSingletonGetter } from '@/lib/process-singleton';

const tooMany = (max: number) =>
  new KuraError(
    'too_many',
    `This image already has ${max} different Image API variants (KURA_MAX_VARIANTS_PER_MEDIA); ` +
      'variants asked for before keep working, a new combination of parameters is refused',
  );

/** The count of variants each media version had at its last reservation here, by `${id} ${sha256}`. */
const lastCounts = processSingletonGetter('variantCounts', () => new Map<string, number>());
const MAX_REMEMBERED = 10_000;

/**
 * Whether this media version was, at its last reservation in this process, so far below `max` that a new variant
 * may render while its place is reserved (`reservations` more may be in flight). Unknown (never reserved here, a
 * new version) is not: near the bound, or when unsure, the place is reserved first, so a refused variant costs no
 * render. Another instance adding variants meanwhile can only make a reservation refuse after its render.
 */
export function farBelowBound(m: Media, max: number, reservations: number): boolean {
  const total = lastCounts().get(`${m.id} ${m.sha256}`);
  return total !== undefined && total + reservations < max / 2;
}

function remember(m: Media, total: number): void {
  const counts = lastCounts();
  const key = `${m.id} ${m.sha256}`;
  counts.delete(key); // re-inserted last: the oldest go first
  counts.set(key, total);
  if (counts.size > MAX_REMEMBERED) counts.delete(counts.keys().next().value!);
}

/**
 * Reserves a place for a new variant of this media version, or throws 429 when it already has `max`.
 * A variant asked for before (even one evicted from disk since) always has its place. The count and
 * the insert are one transaction under a lock per media (db/locks.ts), so concurrent new variants cannot
 * overshoot, on either database. Returns
 * the undo for a render that failed: a refused or broken variant takes no place.
 * @example
 *   const release = await reserveVariant(m, planHash, 200);
 *   try { await render() } catch (e) { await release(); throw e }
 */
export async function reserveVariant(m: Media, planHash: string, max: number): Promise<() => Promise<void>> {
  const key = and(eq(imageVariants.mediaId, m.id), eq(imageVariants.sha256, m.sha256));
  const added = await transaction(async (tx) => {
    await lockNamed(tx, `variants:${m.id}`);
    // One read answers all three: this variant known? how many of this version? any counts of earlier versions?
    const thisVersion = sql`${imageVariants.sha256} = ${m.sha256}`;
    const [counts] = await tx
      .select({
        known: sql`count(*) filter (where ${thisVersion} and ${imageVariants.planHash} = ${planHash})`.mapWith(Number),
        total: sql`count(*) filter (where ${thisVersion})`.mapWith(Number),
        earlier: sql`count(*) filter (where not (${thisVersion}))`.mapWith(Number),
      })
      .from(imageVariants)
      .where(eq(imageVariants.mediaId, m.id));
    remember(m, counts.total);
    if (counts.known > 0) return false;
    if (counts.total >= max) throw tooMany(max);
    // Counts of earlier versions of the file can never be used again.
    if (counts.earlier > 0)
      await tx.delete(imageVariants).where(and(eq(imageVariants.mediaId, m.id), ne(imageVariants.sha256, m.sha256)));
    await tx.insert(imageVariants).values({ mediaId: m.id, sha256: m.sha256, planHash });
    remember(m, counts.total + 1);
    return true;
  });
  if (!added) return async () => {};
  return async () => {
    await transaction((tx) => tx.delete(imageVariants).where(and(key, eq(imageVariants.planHash, planHash))));
  };
}
