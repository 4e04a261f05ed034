'use client';

import Link from 'next/link';
import { useRef } from 'react';
import type { MediaPage } from '@/lib/media/list-media';
import { MediaGrid } from './media-grid';
import { MediaTable } from './media-table';
import { UploadList, useUploadQueue } from './upload-queue';
import { useFileDrop } from './use-file-drop';
import { useLibraryHref } from './use-library-href';

type Props = {
  list: MediaPage;
  view: 'table' | 'grid';
  selectedId?: string;
  canUpload: boolean;
  maxUploadBytes: number;
  unused?: boolean;
  panel: React.ReactNode;
};

/** The library screen: toolbar, table or grid, drop-anywhere uploads, and the detail panel beside it. */
export function MediaLibrary({ list, view, selectedId, canUpload, maxUploadBytes, unused, panel }: Props) {
  const queue = useUploadQueue(maxUploadBytes);
  const href = useLibraryHref();
  const input = useRef<HTMLInputElement>(null);
  const drop = useFileDrop(queue.add, canUpload);

  const viewLink = (v: 'table' | 'grid', label: string) => (
    <Link
      href={href({ view: v === 'table' ? null : v })}
      scroll={false}
      aria-current={view === v ? 'page' : undefined}
      className={`px-3 py-1.5 text-sm ${view === v ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
    >
      {label}
    </Link>
  );

  return (
    <div className="flex min-h-0 flex-1">
      <main className="relative flex min-w-0 flex-1 flex-col" data-testid="library" {...drop.handlers}>
        <div className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-5 py-3">
          <div className="flex items-baseline gap-3">
            <h1 className="text-xl font-semibold">Media</h1>
            <span className="text-sm text-slate-500">{list.total === 1 ? '1 item' : `${list.total} items`}</span>
          </div>
          <div className="flex items-center gap-3">
            <Link
              href={href({ unused: unused ? null : '1', page: null, selected: null })}
              aria-current={unused ? 'true' : undefined}
              className={`rounded-md border px-3 py-1.5 text-sm ${unused ? 'border-indigo-300 bg-indigo-50 text-indigo-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              {unused ? '✓ Unused only' : 'Unused only'}
            </Link>
            <div className="flex overflow-hidden rounded-md border border-slate-300" role="group" aria-label="View">
              {viewLink('table', 'Table')}
              {viewLink('grid', 'Grid')}
            </div>
            {canUpload && (
              <>
                <button type="button" onClick={() => input.current?.click()} className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
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
            )}
          </div>
        </div>

        <div className="min-h-0 flex-1 overflow-auto">
          {list.items.length === 0 ? (
            <div className="flex h-full min-h-80 flex-col items-center justify-center gap-2 text-slate-500">
              <p className="text-base font-medium text-slate-700">{unused ? 'No unused media: content uses every item' : 'No media yet'}</p>
              {canUpload && !unused && <p className="text-sm">Drop files anywhere here, or use the Upload button.</p>}
            </div>
          ) : view === 'grid' ? (
            <MediaGrid items={list.items} selectedId={selectedId} />
          ) : (
            <MediaTable items={list.items} selectedId={selectedId} />
          )}
        </div>

        {list.pageCount > 1 && (
          <nav aria-label="Pages" className="flex items-center justify-center gap-4 border-t border-slate-200 bg-white py-2 text-sm">
            {list.page > 1 ? <Link href={href({ page: String(list.page - 1) })}>← Previous</Link> : <span className="text-slate-300">← Previous</span>}
            <span className="text-slate-500">
              Page {list.page} of {list.pageCount}
            </span>
            {list.page < list.pageCount ? <Link href={href({ page: String(list.page + 1) })}>Next →</Link> : <span className="text-slate-300">Next →</span>}
          </nav>
        )}

        {drop.dragging && (
          <div className="pointer-events-none absolute inset-2 z-20 flex items-center justify-center rounded-xl border-2 border-dashed border-indigo-400 bg-indigo-50/80 text-lg font-medium text-indigo-700">
            Drop files to upload
          </div>
        )}
        <UploadList queue={queue} />
      </main>
      {panel}
    </div>
  );
}
