import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { media } from '@/db/schema';

/** The library's kinds (its filter's): images, then files by type. */
export const USAGE_KINDS = ['image', 'video', 'audio', 'pdf', 'other'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** Media and their bytes per kind, now (one scan of `media`). */
export async function storedByKind(d: Db): Promise<{ kind: UsageKind; count: number; bytes: number }[]> {
  const kind = sql<UsageKind>`case
    when ${media.kind} = 'image' then 'image'
    when ${media.mimeType} like 'video/%' then 'video'
    when ${media.mimeType} like 'audio/%' then 'audio'
    when ${media.mimeType} = 'application/pdf' then 'pdf'
    else 'other' end`;
  const rows = await d
    .select({ kind, count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${media.size}), 0)` })
    .from(media)
    .groupBy(kind);
  const found = new Map(rows.map((r) => [r.kind, r]));
  return USAGE_KINDS.map((k) => ({
    kind: k,
    count: Number(found.get(k)?.count ?? 0),
    bytes: Number(found.get(k)?.bytes ?? 0),
  }));
}
