import 'server-only';
import { and, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { media, type Api } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { presentMedia, type MediaRecord } from '@/lib/media/present';
import { hasContentRight } from '@/lib/permissions/content';
import { readableMedia } from '@/lib/permissions/media';
import { fieldsOf, readableApi } from './get-api';
import { getContentRow } from './list-content';
import { referencesIn } from './media-in-content';
import type { ApiField } from './schemas';
import { objectRow } from './write-object';

export type ContentEditing = {
  api: Pick<Api, 'endpoint' | 'name' | 'kind'>;
  fields: ApiField[];
  /** Stored values: media fields hold media ids. Null for a new item. */
  content: { id: string; data: Record<string, unknown>; createdAt: string; updatedAt: string } | null;
  /** The media the stored values use, by id, for previews. */
  media: Record<string, MediaRecord>;
  can: { create: boolean; update: boolean; delete: boolean };
};

/** What the content edit page needs: the API's fields, the item's stored values and the media they use (an object
 * API's one item whatever `id` says). */
export async function contentForEditing(actor: Actor, endpoint: string, id: string | null): Promise<ContentEditing> {
  const api = await readableApi(actor, endpoint);
  const fields = fieldsOf(api);
  // An object API's one item is found by the API itself (null until its first save).
  const row =
    api.kind === 'object' ? ((await objectRow(api)) ?? null) : id ? await getContentRow(actor, endpoint, id) : null;
  const ids = row ? [...new Set((await referencesIn(fields, row.data)).map((r) => r.mediaId))] : [];
  const rows = ids.length ? await db().select().from(media).where(inArray(media.id, ids)) : [];
  // Media the content uses but the member may not read: what the content API shows (URL, size), no more.
  const readable = new Set(
    ids.length
      ? (
          await db()
            .select({ id: media.id })
            .from(media)
            .where(and(inArray(media.id, ids), readableMedia(actor)))
        ).map((r) => r.id)
      : [],
  );
  const records = (await presentMedia(rows)).map((m) => (readable.has(m.id) ? m : { ...m, creator: null, tags: [] }));
  return {
    api: { endpoint: api.endpoint, name: api.name, kind: api.kind },
    fields,
    content: row && {
      id: row.id,
      data: row.data,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    media: Object.fromEntries(records.map((m) => [m.id, m])),
    can: {
      create: hasContentRight(actor, api.id, 'create'),
      update: hasContentRight(actor, api.id, 'update'),
      delete: hasContentRight(actor, api.id, 'delete'),
    },
  };
}
