// Design notes: docs/usage.md.
import 'server-only';
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { media, usageDaily, usageMediaMonthly } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { config } from '@/lib/config';
import { freeSpace, lowSpaceWarning, type FreeSpace } from '@/lib/disk/free-space';
import { variantCacheBytes } from '@/lib/image-api/variant-cache';
import { assertCanReadUsage } from '@/lib/permissions/settings';
import { flushUsage } from './flush-usage';
import { storedByKind, type UsageKind } from './stored-by-kind';
import { storedKept, type KeptBytes } from './stored-kept';

/** The counters drawn per day. */
export const DAILY_METRICS = [
  'original.bytes',
  'original.requests',
  'variant.bytes',
  'variant.requests',
  'stored.originals',
  'stored.variants',
] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

const DAYS = 30;
const TOP = 20;

export type UsageView = {
  /** The last 30 UTC days, oldest first (`YYYY-MM-DD`), and each metric's value on each of them. */
  days: string[];
  daily: Record<DailyMetric, number[]>;
  /** This UTC month (`YYYY-MM`): totals, and the media that sent the most bytes. */
  month: string;
  monthTotals: { originalBytes: number; originalRequests: number; variantBytes: number; variantRequests: number };
  top: { id: string; fileName: string | null; bytes: number; requests: number }[];
  /** Now: bytes kept, media per kind, the data directory's disk. */
  /** `originals` counts every original byte on storage: the library's (`kinds`) and those `kept` outside it. */
  stored: {
    originals: number;
    variants: number;
    kinds: { kind: UsageKind; count: number; bytes: number }[];
    kept: KeptBytes;
  };
  disk: FreeSpace & { warning: string | null; reserve: number };
  flushEveryMs: number;
};

/** Media settings → Usage (Administrators): stored and delivered bytes per day, the month's top media, free disk. */
export async function getUsage(actor: Actor, now = new Date()): Promise<UsageView> {
  assertCanReadUsage(actor);
  await flushUsage({ stored: true }); // this process's counts so far, and today's stored figures, are in the rows
  const days = Array.from({ length: DAYS }, (_, i) =>
    new Date(now.getTime() - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
  const month = days[DAYS - 1].slice(0, 7);
  const from = [days[0], `${month}-01`].sort()[0]; // the chart's days and the whole month
  const rows = await db()
    .select()
    .from(usageDaily)
    .where(and(gte(usageDaily.day, from), inArray(usageDaily.metric, [...DAILY_METRICS])));
  const at = new Map(rows.map((r) => [`${r.day}|${r.metric}`, Number(r.value)]));
  const daily = Object.fromEntries(
    DAILY_METRICS.map((metric) => [metric, days.map((day) => at.get(`${day}|${metric}`) ?? 0)]),
  ) as Record<DailyMetric, number[]>;

  const inMonth = (metric: DailyMetric) =>
    rows.filter((r) => r.day.startsWith(month) && r.metric === metric).reduce((sum, r) => sum + Number(r.value), 0);
  const topRows = await db()
    .select({
      id: usageMediaMonthly.mediaId,
      fileName: media.fileName,
      bytes: usageMediaMonthly.bytes,
      requests: usageMediaMonthly.requests,
    })
    .from(usageMediaMonthly)
    .leftJoin(media, eq(media.id, usageMediaMonthly.mediaId))
    .where(eq(usageMediaMonthly.month, month))
    .orderBy(desc(usageMediaMonthly.bytes), usageMediaMonthly.mediaId)
    .limit(TOP);

  const kinds = await storedByKind(db());
  const kept = await storedKept(db());
  const space = await freeSpace();
  return {
    days,
    daily,
    month,
    monthTotals: {
      originalBytes: inMonth('original.bytes'),
      originalRequests: inMonth('original.requests'),
      variantBytes: inMonth('variant.bytes'),
      variantRequests: inMonth('variant.requests'),
    },
    top: topRows.map((r) => ({ ...r, bytes: Number(r.bytes), requests: Number(r.requests) })),
    stored: {
      originals: kinds.reduce((sum, k) => sum + k.bytes, 0) + kept.trash.bytes + kept.versions.bytes,
      variants: variantCacheBytes(),
      kinds,
      kept,
    },
    disk: { ...space, warning: lowSpaceWarning(space), reserve: config().KURA_MIN_FREE_BYTES },
    flushEveryMs: config().KURA_USAGE_FLUSH_MS,
  };
}
