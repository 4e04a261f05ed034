import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { DetailPanel } from '@/components/media/detail-panel';
import { VersionHistory } from '@/components/media/version-history';
import { MediaLibrary } from '@/components/media/media-library';
import { requireMemberPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { KuraError } from '@/lib/errors';
import { mediaReferences } from '@/lib/content/content-using-media';
import { previewUrls } from '@/lib/image-api/preview-urls';
import { getMedia } from '@/lib/media/get-media';
import { listDuplicates } from '@/lib/media/list-duplicates';
import { listMediaPage } from '@/lib/media/list-media-page';
import { listTagNames } from '@/lib/tags/list-tag-names';
import type { MediaRecord } from '@/lib/media/present';
import { libraryFilter, libraryQueryString, parseLibraryQuery, VIEW_COOKIE } from '@/lib/media/library-query';
import { hasMediaRight } from '@/lib/permissions/media';
import { listMemberChoices } from '@/lib/members/list-members';
import { listVersions } from '@/lib/versions/list-versions';

export const metadata: Metadata = { title: 'Media' };

export default async function MediaPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireMemberPage();
  const params = await searchParams;
  const query = parseLibraryQuery(params, (await cookies()).get(VIEW_COOKIE)?.value);
  // The Image API preview's "Try parameters": signed by the panel on the server, never by the browser.
  const tried = typeof params.try === 'string' ? params.try.slice(0, 2000) : null;
  const list = await listMediaPage(actor, { page: query.page, pageSize: query.perPage, ...libraryFilter(query) });
  let selected: MediaRecord | null = null;
  if (query.selected) {
    try {
      selected = await getMedia(actor, query.selected);
    } catch (err) {
      if (!(err instanceof KuraError && err.code === 'not_found')) throw err;
    }
  }
  // Closing the panel keeps the view exactly as it is: search, filters, sort, view and the page shown.
  const rest = libraryQueryString({ ...query, page: list.page, selected: undefined });
  const closeHref = rest ? `/media?${rest}` : '/media';
  return (
    <MediaLibrary
      list={list}
      query={query}
      tags={await listTagNames(actor)}
      members={await listMemberChoices(actor)}
      canUpload={hasMediaRight(actor, 'upload')}
      canEdit={hasMediaRight(actor, 'edit')}
      canDelete={hasMediaRight(actor, 'delete')}
      maxUploadBytes={config().KURA_MAX_UPLOAD_BYTES}
      duplicates={query.duplicates ? await listDuplicates(actor) : null}
      panel={
        selected ? (
          <DetailPanel
            item={selected}
            closeHref={closeHref}
            references={await mediaReferences(actor, selected.id)}
            canEdit={hasMediaRight(actor, 'edit')}
            canDelete={hasMediaRight(actor, 'delete')}
            history={
              <VersionHistory
                mediaId={selected.id}
                isImage={selected.kind === 'image'}
                versions={await listVersions(actor, selected.id)}
                canEdit={hasMediaRight(actor, 'edit')}
                canDelete={hasMediaRight(actor, 'delete')}
              />
            }
            preview={
              selected.kind === 'image' && selected.mimeType !== 'image/svg+xml'
                ? previewUrls(selected.kuraVersionedUrl ?? selected.versionedUrl, tried)
                : null
            }
          />
        ) : null
      }
    />
  );
}
