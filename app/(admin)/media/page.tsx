import type { Metadata } from 'next';
import { DetailPanel } from '@/components/media/detail-panel';
import { MediaLibrary } from '@/components/media/media-library';
import { requireMemberPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { KuraError } from '@/lib/errors';
import { mediaReferences } from '@/lib/content/media-references';
import { getMedia } from '@/lib/media/get-media';
import { listMedia } from '@/lib/media/list-media';
import type { MediaRecord } from '@/lib/media/present';
import { libraryQuery } from '@/lib/media/schemas';

export const metadata: Metadata = { title: 'Media' };

const PAGE_SIZE = 50;

export default async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireMemberPage();
  const query = libraryQuery.parse(await searchParams);
  const list = listMedia(actor, { page: query.page, pageSize: PAGE_SIZE, unused: query.unused });
  let selected: MediaRecord | null = null;
  if (query.selected) {
    try {
      selected = getMedia(actor, query.selected);
    } catch (err) {
      if (!(err instanceof KuraError && err.code === 'not_found')) throw err;
    }
  }
  const closeHref = `/media?${new URLSearchParams({
    ...(query.view === 'grid' ? { view: 'grid' } : {}),
    ...(query.page > 1 ? { page: String(query.page) } : {}),
    ...(query.unused ? { unused: '1' } : {}),
  })}`;
  return (
    <MediaLibrary
      list={list}
      view={query.view}
      selectedId={selected?.id}
      canUpload={actor.media.upload}
      maxUploadBytes={config().KURA_MAX_UPLOAD_BYTES}
      unused={query.unused}
      panel={
        selected ? (
          <DetailPanel item={selected} closeHref={closeHref} references={mediaReferences(actor, selected.id)} canDelete={actor.media.delete} />
        ) : null
      }
    />
  );
}
