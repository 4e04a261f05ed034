import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { mediaVersions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getMediaRow } from '@/lib/media/get-media';

export type VersionRecord = {
  id: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  /** The ETag these bytes were served with. */
  etag: string;
  alt?: string;
  uploadedAt: string;
  /** When a re-upload replaced these bytes, and who did it. */
  keptAt: string;
  keptBy: string;
};

/** The earlier versions of one media item, newest first (the panel's History; `GET /api/v1/media/{id}/versions`). */
export async function listVersions(actor: Actor, mediaId: string): Promise<VersionRecord[]> {
  await getMediaRow(actor, mediaId); // 404 unless the actor may read it (and 403 for a key without "Get media")
  const rows = await db()
    .select()
    .from(mediaVersions)
    .where(eq(mediaVersions.mediaId, mediaId))
    .orderBy(desc(mediaVersions.keptAt), desc(mediaVersions.id));
  return rows.map((v) => ({
    id: v.id,
    mimeType: v.mimeType,
    size: v.size,
    width: v.width,
    height: v.height,
    etag: `"${v.sha256.slice(0, 32)}"`,
    ...(v.alt ? { alt: v.alt } : {}),
    uploadedAt: v.uploadedAt.toISOString(),
    keptAt: v.keptAt.toISOString(),
    keptBy: v.keptBy,
  }));
}
