import 'server-only';
import { countDistinct, eq, inArray } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { apis, contentMedia, contents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hasContentRight } from '@/lib/permissions/content';
import { contentTitle } from './content-title';
import type { ApiField } from './schemas';

/** One content item that uses a media item, as the reference list shows it. */
export type ReferenceHolder = {
  contentId: string;
  api: { endpoint: string; name: string };
  title: string;
  /** Names of the fields through which it uses the media. */
  fields: string[];
  editPath: string;
};

export type MediaReferences = { total: number; visible: ReferenceHolder[]; hidden: number };

/** How many content items use each of these media (absent: none). */
export async function referenceCounts(mediaIds: string[], from: Db | Tx = db()): Promise<Map<string, number>> {
  if (mediaIds.length === 0) return new Map();
  const rows = await from
    .select({ mediaId: contentMedia.mediaId, n: countDistinct(contentMedia.contentId) })
    .from(contentMedia)
    .where(inArray(contentMedia.mediaId, mediaIds))
    .groupBy(contentMedia.mediaId);
  return new Map(rows.map((r) => [r.mediaId, r.n]));
}

/**
 * The content that uses a media item: all of it counted, listed only where the actor may read the
 * API. The caller has already checked the actor may read the media itself.
 */
export async function mediaReferences(actor: Actor, mediaId: string, from: Db | Tx = db()): Promise<MediaReferences> {
  const rows = await from
    .select({ contentId: contents.id, data: contents.data, field: contentMedia.field, api: apis })
    .from(contentMedia)
    .innerJoin(contents, eq(contents.id, contentMedia.contentId))
    .innerJoin(apis, eq(apis.id, contents.apiId))
    .where(eq(contentMedia.mediaId, mediaId))
    .orderBy(apis.name, contents.createdAt);
  const holders = new Map<string, ReferenceHolder & { readable: boolean }>();
  for (const row of rows) {
    const fields = row.api.fields as ApiField[];
    const fieldName = fields.find((f) => f.id === row.field)?.name ?? row.field;
    const known = holders.get(row.contentId);
    if (known) {
      known.fields.push(fieldName);
      continue;
    }
    holders.set(row.contentId, {
      contentId: row.contentId,
      api: { endpoint: row.api.endpoint, name: row.api.name },
      title: contentTitle(fields, row.data, row.contentId),
      fields: [fieldName],
      editPath: `/apis/${row.api.endpoint}/${row.contentId}`,
      readable: hasContentRight(actor, row.api.id, 'read'),
    });
  }
  const all = [...holders.values()];
  const visible = all.filter((h) => h.readable).map(({ readable: _, ...h }) => h);
  return { total: all.length, visible, hidden: all.length - visible.length };
}
