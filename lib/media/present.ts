import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { mediaTags, members, tags, type Media } from '@/db/schema';
import type { ImageEdit } from '@/lib/image-api/stored-edit';
import { editFacts } from './image-edit';
import { deliveryUrl, kuraUrl, versionedUrl, versionOf } from './urls';

/** The public shape of a media item: API responses and the detail panel alike. */
export type MediaRecord = {
  id: string;
  url: string;
  versionedUrl: string;
  /**
   * Only when `url` points straight at a bucket (direct-bucket mode): Kura's own URL of the media,
   * where the Image API works, and its versioned form.
   */
  kuraUrl?: string;
  kuraVersionedUrl?: string;
  fileName: string;
  kind: Media['kind'];
  mimeType: string;
  extension: string;
  size: number;
  width: number | null;
  height: number | null;
  /** Seconds of a video or audio file, when ffprobe could read them at upload. */
  duration?: number;
  /** Pages of a PDF, when pdfinfo could read them at upload. */
  pageCount?: number;
  /** A poster frame (video) or first page (PDF) is served as the library's thumbnail. */
  hasPreview?: true;
  alt?: string;
  /** Images only, once computed (lib/media/image-facts.ts): a 4×3 blurhash, `#rrggbb`, any transparent pixel. */
  blurhash?: string;
  dominantColor?: string;
  hasAlpha?: boolean;
  /**
   * Images with a stored edit (lib/media/image-edit.ts; docs/image-api.md, "Stored edits"), each only when set: the
   * focal point (fractions of the original), the crop (pixels of the original, before the turn), a quarter turn
   * clockwise, a flip. The original's bytes stay as uploaded; the Image API applies them.
   */
  focalPoint?: ImageEdit['focalPoint'];
  crop?: ImageEdit['crop'];
  rotate?: ImageEdit['rotate'];
  flip?: ImageEdit['flip'];
  tags: string[];
  /** Who uploaded it, by id and name: records reach API keys, which have no business with emails. */
  creator: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
};

/** Media rows with their creators and tags, in the order given; two queries whatever the count. */
export async function presentMedia(rows: Media[]): Promise<MediaRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const creatorIds = [...new Set(rows.flatMap((r) => (r.creatorId ? [r.creatorId] : [])))];
  const creators = new Map(
    (creatorIds.length
      ? await db().select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, creatorIds))
      : []
    ).map((c) => [c.id, c]),
  );
  const tagRows = await db()
    .select({ mediaId: mediaTags.mediaId, name: tags.name })
    .from(mediaTags)
    .innerJoin(tags, eq(tags.id, mediaTags.tagId))
    .where(inArray(mediaTags.mediaId, ids));
  return rows.map((m) => ({
    id: m.id,
    url: deliveryUrl(m),
    versionedUrl: versionedUrl(m),
    ...(deliveryUrl(m) !== kuraUrl(m)
      ? { kuraUrl: kuraUrl(m), kuraVersionedUrl: `${kuraUrl(m)}?v=${versionOf(m)}` }
      : {}),
    fileName: m.fileName,
    kind: m.kind,
    mimeType: m.mimeType,
    extension: m.extension,
    size: m.size,
    width: m.width,
    height: m.height,
    ...(m.duration !== null ? { duration: m.duration } : {}),
    ...(m.pageCount !== null ? { pageCount: m.pageCount } : {}),
    ...(m.hasPreview ? { hasPreview: true as const } : {}),
    ...(m.alt ? { alt: m.alt } : {}),
    ...(m.blurhash ? { blurhash: m.blurhash } : {}),
    ...(m.dominantColor ? { dominantColor: m.dominantColor } : {}),
    ...(m.hasAlpha !== null ? { hasAlpha: m.hasAlpha } : {}),
    ...editFacts(m),
    tags: tagRows
      .filter((t) => t.mediaId === m.id)
      .map((t) => t.name)
      .sort(),
    creator: (m.creatorId && creators.get(m.creatorId)) || null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  }));
}
