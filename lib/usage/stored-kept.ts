import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { mediaTrash, mediaVersions } from '@/db/schema';

export type KeptBytes = { trash: { count: number; bytes: number }; versions: { count: number; bytes: number } };

/** Bytes still stored for media outside the library: in Trash, and earlier versions kept by re-uploads. */
export async function storedKept(d: Db): Promise<KeptBytes> {
  const total = (size: typeof mediaTrash.size | typeof mediaVersions.size) => ({
    count: sql<number>`count(*)`,
    bytes: sql<number>`coalesce(sum(${size}), 0)`,
  });
  const [[trash], [versions]] = await Promise.all([
    d.select(total(mediaTrash.size)).from(mediaTrash),
    d.select(total(mediaVersions.size)).from(mediaVersions),
  ]);
  const num = (r: { count: number; bytes: number }) => ({ count: Number(r.count), bytes: Number(r.bytes) });
  return { trash: num(trash), versions: num(versions) };
}
