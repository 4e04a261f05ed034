import 'server-only';
import { inArray } from 'drizzle-orm';
import { db } from '@/db';
import { media, type Content, type Media } from '@/db/schema';
import type { MatchUrl } from '@/lib/media/delivery-url';
import { deliveryUrl, deliveryUrlMatcher } from '@/lib/media/urls';
import { referencesOf, richTextUrls } from './media-in-content';
import { editMediaElements } from './rich-html-media';
import { valueOf, type ApiField } from './schemas';

/** A content item as the content API returns it (microCMS's shape). */
export type ContentRecord = {
  id: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string;
  revisedAt: string;
} & Record<string, unknown>;

const imageValue = (m: Media) => ({
  url: deliveryUrl(m),
  width: m.width,
  height: m.height,
  ...(m.alt ? { alt: m.alt } : {}),
});
const fileValue = (m: Media) => ({ url: deliveryUrl(m), fileSize: m.size });

/**
 * Content rows in their read shape: media fields as `{url,width,height,alt?}` / `{url,fileSize}`, rich HTML with
 * current alt and size on each image.
 */
export async function presentContents(fields: ApiField[], rows: Content[]): Promise<ContentRecord[]> {
  const match = await deliveryUrlMatcher(rows.flatMap((r) => richTextUrls(fields, r.data)));
  const ids = [...new Set(rows.flatMap((r) => referencesOf(fields, r.data, match).map((ref) => ref.mediaId)))];
  const byId = new Map(
    (ids.length ? await db().select().from(media).where(inArray(media.id, ids)) : []).map((m) => [m.id, m]),
  );
  return rows.map((row) => {
    const record: ContentRecord = {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      publishedAt: row.createdAt.toISOString(),
      revisedAt: row.updatedAt.toISOString(),
    };
    for (const field of fields) {
      const value = valueOf(row.data, field.id);
      if (value === undefined || value === null) continue;
      record[field.id] = presentValue(field, value, byId, match);
    }
    return record;
  });
}

/** Whether a delivery URL carries Image API parameters (anything but the version tag). */
function transforms(url: string): boolean {
  const params = new URLSearchParams(url.split('#')[0].split('?')[1] ?? '');
  params.delete('v');
  return params.size > 0;
}

function presentValue(field: ApiField, value: unknown, byId: Map<string, Media>, match: MatchUrl): unknown {
  const one = (id: unknown) => byId.get(id as string);
  switch (field.kind) {
    case 'image': {
      const m = one(value);
      return m ? imageValue(m) : null;
    }
    case 'file': {
      const m = one(value);
      return m ? fileValue(m) : null;
    }
    case 'multipleImages':
      return (value as string[]).flatMap((id) => (byId.has(id) ? [imageValue(byId.get(id)!)] : []));
    case 'richEditor':
      return editMediaElements(value as string, match, (el, parts) => {
        const m = byId.get(parts.mediaId);
        if (!m || el.name !== 'img' || m.kind !== 'image') return;
        el.attribs.alt = m.alt;
        // An Image API URL (?w=400&ar=1:1) renders at another size; only the original's is known here.
        if (m.width && m.height && !transforms(el.attribs.src ?? '')) {
          el.attribs.width = String(m.width);
          el.attribs.height = String(m.height);
        }
      });
    default:
      return value;
  }
}

/** The record with only the top-level names asked for (in the record's own order); all of it without a list. */
export function pickFields<T extends Record<string, unknown>>(record: T, names: string[] | undefined): Partial<T> {
  if (!names) return record;
  const wanted = new Set(names);
  return Object.fromEntries(Object.entries(record).filter(([key]) => wanted.has(key))) as Partial<T>;
}
