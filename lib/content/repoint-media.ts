import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { apis, contentMedia, contents, type Media } from '@/db/schema';
import { deliveryUrl, isKuraUrl, deliveryUrlMatcher } from '@/lib/media/urls';
import { rewriteMediaUrls, urlsIn } from './rich-html-media';
import type { ApiField } from './schemas';

/**
 * Inside a rename, a "new URL" re-upload or a merge of duplicates: every content item that uses media `fromId` is made
 * to use `to` instead — media fields (stored as ids) and rich-editor HTML (its URLs, query strings kept) —
 * and its reference rows follow. Returns how many content items changed.
 */
export async function repointMedia(
  tx: Tx,
  fromId: string,
  to: Pick<Media, 'id' | 'fileName' | 'kind' | 'storage' | 'storageKey'>,
): Promise<number> {
  const holders = await tx
    .selectDistinct({ id: contents.id, data: contents.data, fields: apis.fields })
    .from(contentMedia)
    .innerJoin(contents, eq(contents.id, contentMedia.contentId))
    .innerJoin(apis, eq(apis.id, contents.apiId))
    .where(eq(contentMedia.mediaId, fromId));
  if (holders.length === 0) return 0;
  const swap = (id: unknown) => (id === fromId ? to.id : id);
  for (const holder of holders) {
    const data = { ...holder.data };
    for (const field of holder.fields as ApiField[]) {
      if (!Object.hasOwn(data, field.id)) continue;
      const value = data[field.id];
      if (field.kind === 'image' || field.kind === 'file') data[field.id] = swap(value);
      // A gallery that held both (a merge of duplicates) keeps `to` once, where it came first.
      if (field.kind === 'multipleImages') {
        data[field.id] = (value as string[]).map(swap).filter((id, i, all) => id !== to.id || all.indexOf(id) === i);
      }
      if (field.kind === 'richEditor') {
        const match = await deliveryUrlMatcher(urlsIn(value as string));
        data[field.id] = rewriteMediaUrls(value as string, match, (url, parts) =>
          parts.mediaId === fromId ? retarget(url, fromId, to) : null,
        );
      }
    }
    await tx.update(contents).set({ data }).where(eq(contents.id, holder.id));
  }
  if (to.id !== fromId) {
    const both = await tx
      .select({ contentId: contentMedia.contentId, field: contentMedia.field })
      .from(contentMedia)
      .where(
        and(
          eq(contentMedia.mediaId, to.id),
          inArray(
            contentMedia.contentId,
            holders.map((h) => h.id),
          ),
        ),
      );
    for (const row of both) {
      await tx
        .delete(contentMedia)
        .where(
          and(
            eq(contentMedia.contentId, row.contentId),
            eq(contentMedia.field, row.field),
            eq(contentMedia.mediaId, fromId),
          ),
        );
    }
    await tx.update(contentMedia).set({ mediaId: to.id }).where(eq(contentMedia.mediaId, fromId));
  }
  return holders.length;
}

/**
 * The same URL pointing at `to`: only its `{id}/{name}` segments change, so its origin (a CDN, an
 * earlier public URL), relative form, query (Image API parameters) and fragment stay as written.
 * A direct-bucket URL names one object, so it becomes `to`'s current URL (query and fragment kept).
 */
function retarget(
  url: string,
  fromId: string,
  to: Pick<Media, 'id' | 'fileName' | 'kind' | 'storage' | 'storageKey'>,
): string {
  const cut = url.search(/[?#]/);
  const [path, rest] = cut < 0 ? [url, ''] : [url.slice(0, cut), url.slice(cut)];
  if (!isKuraUrl(path)) return deliveryUrl(to) + rest;
  return path.replace(new RegExp(`/${fromId}/[^/]+$`), `/${to.id}/${encodeURIComponent(to.fileName)}`) + rest;
}
