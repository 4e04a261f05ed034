import 'server-only';
import fs from 'node:fs';
import { config } from '@/lib/config';
import { formatBytes } from '@/lib/media/format-bytes';

/** The data directory's file system: what is free for Kura (`bavail`: root's reserve not counted) and its size. */
export type FreeSpace = { freeBytes: number; totalBytes: number };

/** Under this share of the disk free, health and Media settings → Usage warn. */
const WARN_SHARE = 0.05;

/** Free and total bytes of the file system holding `dir` (the data directory by default). */
export async function freeSpace(dir = config().dataDir): Promise<FreeSpace> {
  const s = await fs.promises.statfs(dir);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
}

/** What `GET /api/health` says of the disk: free bytes, and a warning when they run low. */
export async function diskHealth(): Promise<{ freeBytes: number; warning?: string }> {
  const space = await freeSpace();
  const warning = lowSpaceWarning(space);
  return { freeBytes: space.freeBytes, ...(warning ? { warning } : {}) };
}

/** A sentence for an operator when free space is under 5 % of the disk or under `KURA_MIN_FREE_BYTES`, else null. */
export function lowSpaceWarning({ freeBytes, totalBytes }: FreeSpace): string | null {
  const reserve = config().KURA_MIN_FREE_BYTES;
  if (freeBytes >= reserve && freeBytes >= totalBytes * WARN_SHARE) return null;
  const share = totalBytes > 0 ? ` (${((freeBytes / totalBytes) * 100).toFixed(1)} % of the disk)` : '';
  const refusing =
    freeBytes < reserve ? `; uploads are refused while under KURA_MIN_FREE_BYTES (${formatBytes(reserve)})` : '';
  return `Only ${formatBytes(freeBytes)} free in the data directory${share}${refusing}`;
}
