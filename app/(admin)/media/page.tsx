import type { Metadata } from 'next';
import { DetailPanel } from '@/components/media/detail-panel';
import { MediaLibrary } from '@/components/media/media-library';
import { requireMemberPage } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { KuraError } from '@/lib/errors';
import { getMedia } from '@/lib/media/get-media';
import { listMedia } from '@/lib/media/list-media';
import type { MediaRecord } from '@/lib/media/present';
import { libraryQuery } from '@/lib/media/schemas';

export const metadata: Metadata = { title: 'Media' };

const PAGE_SIZE = 50;

export default async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireMemberPage();
  const query = libraryQuery.parse(await searchParams);
  const list = listMedia(actor, { page: query.page, pageSize: PAGE_SIZE });
  let selected: MediaRecord | null = null;
  if (query.selected) {
    try {
      selected = getMedia(actor, query.selected);
    } catch (err) {
      if (!(err instanceof KuraError && err.code === 'not_found')) throw err;
    }
  }
  const closeHref = `/media?${new URLSearchParams({ ...(query.view === 'grid' ? { view: 'grid' } : {}), ...(query.page > 1 ? { page: String(query.page) } : {}) })}`;
  return (
    <MediaLibrary
      list={list}
      view={query.view}
      selectedId={selected?.id}
      canUpload={actor.media.upload}
      maxUploadBytes={config().KURA_MAX_UPLOAD_BYTES}
      panel={selected ? <DetailPanel item={selected} closeHref={closeHref} references={0} /> : null}
    />
  );
}
