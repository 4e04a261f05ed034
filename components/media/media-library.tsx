'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { Duplicates } from '@/lib/media/list-duplicates';
import type { MediaPage } from '@/lib/media/list-media-page';
import type { MemberChoice } from '@/lib/members/list-members';
import { BulkBar } from './library/bulk-bar';
import { BulkResultRegion, type BulkKind, type BulkResult } from './library/bulk-result';
import { DuplicateGroups } from './library/duplicate-groups';
import { LibraryToolbar } from './library/library-toolbar';
import { Pager } from './library/pager';
import { FILTER_KEYS, hasFilters, VIEW_COOKIE, type LibraryQuery } from '@/lib/media/library-query';
import { useSelection } from './library/use-selection';
import { MediaGrid } from './media-grid';
import { MediaTable } from './media-table';
import { UploadList, useUploadQueue } from './upload-queue';
import { useFileDrop } from './use-file-drop';
import { useLibraryHref } from './use-library-href';

type Props = {
  list: MediaPage;
  query: LibraryQuery;
  /** Tag names and members for the filter selects and the bulk dialogs. */
  tags: string[];
  members: MemberChoice[];
  canUpload: boolean;
  canEdit: boolean;
  canDelete: boolean;
  maxUploadBytes: number;
  /** The Duplicates view's groups (`duplicates=1`), shown instead of the list. */
  duplicates: Duplicates | null;
  panel: React.ReactNode;
};

/**
 * The library screen: toolbar, table or grid with checkboxes and the bulk bar, drop-anywhere uploads, and the detail
 * panel beside it.
 */
export function MediaLibrary({
  list,
  query,
  tags,
  members,
  canUpload,
  canEdit,
  canDelete,
  maxUploadBytes,
  duplicates,
  panel,
}: Props) {
  const router = useRouter();
  const queue = useUploadQueue(maxUploadBytes);
  const href = useLibraryHref();
  const input = useRef<HTMLInputElement>(null);
  const drop = useFileDrop(queue.add, canUpload);
  const selection = useSelection(list.items);
  const [result, setResult] = useState<BulkResult | null>(null);
  const { view, unused } = query;
  const selectable = canEdit || canDelete;
  const filtered = hasFilters(query);
  // "Unused only" alone has its own empty sentence: there is media, and content uses all of it.
  const onlyUnused = Boolean(unused) && FILTER_KEYS.every((k) => k === 'unused' || query[k] === undefined);
  const clearHref = filtered ? href({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, null])), page: null }) : null;

  const afterBulk = (summary: BulkResult, done: string[], kind: BulkKind) => {
    setResult(summary);
    selection.drop(done);
    // The open item is gone: close its panel rather than show "not found".
    if (kind === 'delete' && query.selected && done.includes(query.selected))
      router.replace(href({ selected: null }), { scroll: false });
    else router.refresh();
  };

  const viewLink = (v: 'table' | 'grid', label: string) => (
    <Link
      href={href({ view: v })}
      scroll={false}
      // Remembered for links that name no view (the header's Media, a tag in the panel): a year, this browser.
      onClick={() => (document.cookie = `${VIEW_COOKIE}=${v}; path=/; max-age=31536000; samesite=lax`)}
      aria-current={view === v ? 'page' : undefined}
      className={
        'px-3 py-1.5 text-sm ' + (view === v ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 hover:bg-slate-50')
      }
    >
      {label}
    </Link>
  );

  return (
    <div className="flex min-h-0 flex-1">
      <main className="relative flex min-w-0 flex-1 flex-col" data-testid="library" {...drop.handlers}>
        <LibraryToolbar
          total={list.total}
          totalIsAtLeast={list.totalIsAtLeast}
          tags={tags}
          members={members}
          clearHref={clearHref}
          primary={
            canUpload && (
              <>
                <button
                  type="button"
                  onClick={() => input.current?.click()}
                  className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
                >
                  Upload
                </button>
                <input
                  ref={input}
                  type="file"
                  multiple
                  hidden
                  data-testid="upload-input"
                  onChange={(e) => {
                    if (e.target.files) queue.add(e.target.files);
                    e.target.value = '';
                  }}
                />
              </>
            )
          }
        >
          <ToggleLink on={Boolean(unused)} href={href({ unused: unused ? null : '1', page: null })}>
            Unused only
          </ToggleLink>
          <ToggleLink on={Boolean(duplicates)} href={href({ duplicates: duplicates ? null : '1', page: null })}>
            Duplicates
          </ToggleLink>
          <Link href="/media/settings" className="px-1 text-sm whitespace-nowrap text-slate-600 hover:text-slate-900">
            Media settings
          </Link>
          <div className="flex overflow-hidden rounded-md border border-slate-300" role="group" aria-label="View">
            {viewLink('table', 'Table')}
            {viewLink('grid', 'Grid')}
          </div>
        </LibraryToolbar>

        <div className="min-h-0 flex-1 overflow-auto">
          {duplicates ? (
            <DuplicateGroups duplicates={duplicates} canMerge={canEdit && canDelete} />
          ) : list.items.length === 0 ? (
            <EmptyState filtered={filtered} onlyUnused={onlyUnused} canUpload={canUpload} clearHref={clearHref} />
          ) : view === 'grid' ? (
            <MediaGrid items={list.items} selectedId={query.selected} selection={selectable ? selection : undefined} />
          ) : (
            <MediaTable
              items={list.items}
              selectedId={query.selected}
              selection={selectable ? selection : undefined}
              sort={query.sort}
            />
          )}
        </div>

        <BulkResultRegion result={result} onDismiss={() => setResult(null)} />
        {selectable && selection.ids.length > 0 && (
          <BulkBar selection={selection} members={members} canEdit={canEdit} canDelete={canDelete} onDone={afterBulk} />
        )}

        {!duplicates && <Pager list={list} perPage={query.perPage} />}

        {drop.dragging && (
          <div
            className={
              'pointer-events-none absolute inset-2 z-20 flex items-center justify-center rounded-xl ' +
              'border-2 border-dashed border-indigo-400 bg-indigo-50/80 text-lg font-medium text-indigo-700'
            }
          >
            Drop files to upload
          </div>
        )}
        <UploadList queue={queue} shownIds={list.items.map((m) => m.id)} />
      </main>
      {panel}
    </div>
  );
}

/** A filter that is on or off ("Unused only", "Duplicates"): a link to the other state, ticked while on. */
function ToggleLink({ on, href, children }: { on: boolean; href: string; children: string }) {
  return (
    <Link
      href={href}
      scroll={false}
      aria-current={on ? 'true' : undefined}
      className={
        'rounded-md border px-3 py-1.5 text-sm whitespace-nowrap ' +
        (on
          ? 'border-indigo-300 bg-indigo-50 text-indigo-800'
          : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50')
      }
    >
      {on ? `✓ ${children}` : children}
    </Link>
  );
}

function EmptyState({
  filtered,
  onlyUnused,
  canUpload,
  clearHref,
}: {
  filtered: boolean;
  onlyUnused: boolean;
  canUpload: boolean;
  clearHref: string | null;
}) {
  return (
    <div className="flex h-full min-h-80 flex-col items-center justify-center gap-2 text-slate-500">
      <p className="text-base font-medium text-slate-700">
        {!filtered
          ? 'No media yet'
          : onlyUnused
            ? 'No unused media: content uses every item'
            : 'No media matches these filters'}
      </p>
      {!filtered && canUpload && <p className="text-sm">Drop files anywhere here, or use the Upload button.</p>}
      {clearHref && (
        <Link href={clearHref} scroll={false} className="text-sm font-medium text-indigo-700 hover:underline">
          Clear filters
        </Link>
      )}
    </div>
  );
}
