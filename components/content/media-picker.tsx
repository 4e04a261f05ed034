'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { listTagsAction } from '@/app/(admin)/media/actions';
import { FilterSelect } from '@/components/media/library/filter-select';
import {
  KIND_FILTERS,
  KIND_LABELS,
  SORT_LABELS,
  SORTS,
  type KindFilter,
  type MediaSort,
} from '@/lib/media/filter-options';
import type { MediaRecord } from '@/lib/media/present';
import { secondaryButton } from './field-frame';
import { joinMessages, mediaRefusal, type Size } from './media-rules';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { PickerResults } from './picker-results';
import { UploadProgress } from './upload-progress';
import { useFileDrop } from '@/components/media/use-file-drop';
import { useMediaUpload } from './use-media-upload';
import { usePickerSearch } from './use-picker-search';

export type MediaPickerProps = {
  open: boolean;
  accept: 'image' | 'any';
  requiredSize?: Size;
  onPick: (item: MediaRecord) => void;
  /** Several items in one trip (a gallery): items are toggled, then added together with `onPickMany`. */
  multiple?: boolean;
  onPickMany?: (items: MediaRecord[]) => void;
  onClose: () => void;
  maxUploadBytes: number;
  canUpload: boolean;
};

/**
 * The library in a modal: search and filter (tag, kind, sort), page, pick one item (or several with `multiple`),
 * or upload and pick at once.
 */
export function MediaPickerDialog(props: MediaPickerProps) {
  // Mounted only while open, so each opening starts with an empty search on page 1.
  return props.open ? <PickerDialog {...props} /> : null;
}

function PickerDialog(props: MediaPickerProps) {
  const { accept, requiredSize, onPick, onClose, maxUploadBytes, canUpload, multiple = false } = props;
  const headingId = useId();
  const searchId = useId();
  const searchInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const search = usePickerSearch(accept === 'image');
  const uploader = useMediaUpload({ accept, requiredSize, maxUploadBytes });
  const [problem, setProblem] = useState<string | null>(null);
  const [picked, setPicked] = useState<MediaRecord[]>([]);
  const tags = useTagNames();

  // Several: a click toggles the item; they are added together. One: a click picks it.
  const select = (item: MediaRecord) =>
    setPicked((items) => (items.some((m) => m.id === item.id) ? items : [...items, item]));
  const choose = (item: MediaRecord) => {
    const refusal = mediaRefusal(item, { accept, requiredSize });
    if (refusal) return setProblem(refusal);
    setProblem(null);
    if (!multiple) return onPick(item);
    if (picked.some((m) => m.id === item.id)) setPicked(picked.filter((m) => m.id !== item.id));
    else select(item);
  };
  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setProblem(null);
    const messages = await uploader.uploadFiles(multiple ? files : files.slice(0, 1), multiple ? select : onPick);
    if (multiple) search.reload();
    if (messages.length === 0) return;
    setProblem(joinMessages(messages));
    search.reload();
  };
  const drop = useFileDrop((files) => void upload(files), canUpload && !uploader.busy);

  const noun = accept === 'image' ? 'images' : 'media';
  const title = multiple ? 'Choose images' : accept === 'image' ? 'Choose an image' : 'Choose a file';
  const setFilter = (key: 'tag' | 'kind' | 'sort', value: string) =>
    search.setFilters({ ...search.filters, [key]: value || undefined });
  const result = search.result;
  const alert = problem ?? search.error;

  return (
    <ModalDialog labelledBy={headingId} onClose={onClose} initialFocus={searchInput}>
      <div className="relative flex max-h-[calc(100vh-2rem)] flex-col" data-testid="media-picker" {...drop.handlers}>
        <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-5 py-3">
          <h2 id={headingId} className="text-base font-semibold">
            {title}
          </h2>
          {requiredSize && (
            <span className="text-xs text-slate-500">
              Exactly {requiredSize.width} × {requiredSize.height} px
            </span>
          )}
          <div className="ml-auto flex items-center gap-2">
            {canUpload && (
              <>
                <button
                  type="button"
                  onClick={() => fileInput.current?.click()}
                  className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
                >
                  Upload
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  hidden
                  accept={accept === 'image' ? 'image/*' : undefined}
                  data-testid="picker-upload-input"
                  onChange={(e) => {
                    void upload(Array.from(e.target.files ?? []));
                    e.target.value = '';
                  }}
                />
              </>
            )}
            <button type="button" onClick={onClose} className={secondaryButton}>
              Cancel
            </button>
          </div>
        </header>

        <div className="space-y-3 border-b border-slate-100 px-5 py-3">
          <label htmlFor={searchId} className="sr-only">
            Search media
          </label>
          <input
            ref={searchInput}
            id={searchId}
            type="search"
            value={search.text}
            maxLength={200}
            placeholder="Search by file name or alt text"
            onChange={(e) => search.setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            className={
              'w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm ' +
              'focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200'
            }
          />
          <div className="flex flex-wrap items-center gap-2.5">
            <FilterSelect
              label="Tag"
              value={search.filters.tag ?? ''}
              onChange={(v) => setFilter('tag', v)}
              options={[{ value: '', label: 'All tags' }, ...tags.map((t) => ({ value: t, label: t }))]}
            />
            {accept === 'any' && (
              <FilterSelect
                label="Kind"
                value={search.filters.kind ?? ''}
                onChange={(v) => setFilter('kind', v as KindFilter)}
                options={[
                  { value: '', label: 'All kinds' },
                  ...KIND_FILTERS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
                ]}
              />
            )}
            <FilterSelect
              label="Sort"
              value={search.filters.sort ?? SORTS[0]}
              onChange={(v) => setFilter('sort', v as MediaSort)}
              options={SORTS.map((o) => ({ value: o, label: SORT_LABELS[o] }))}
            />
          </div>
          {alert && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
              {alert}
            </p>
          )}
          {uploader.progress && <UploadProgress progress={uploader.progress} onStop={uploader.cancel} />}
        </div>

        <div className="min-h-48 flex-1 overflow-y-auto">
          <PickerResults
            items={result?.items ?? null}
            loading={search.loading}
            query={search.query}
            noun={noun}
            requiredSize={requiredSize}
            selectedIds={multiple ? new Set(picked.map((m) => m.id)) : undefined}
            onChoose={choose}
          />
        </div>

        {result && result.items.length > 0 && (
          <nav
            aria-label="Pages"
            className="flex items-center justify-center gap-4 border-t border-slate-200 px-5 py-2 text-sm"
          >
            <button
              type="button"
              className={secondaryButton}
              disabled={result.page <= 1}
              onClick={() => search.setPage(result.page - 1)}
            >
              <span aria-hidden="true">← </span>Previous
            </button>
            <span className="text-slate-500">
              Page {result.page} of {Math.max(1, result.pageCount)}
              {result.totalIsAtLeast ? '+' : ''}
            </span>
            <button
              type="button"
              className={secondaryButton}
              disabled={result.page >= result.pageCount}
              onClick={() => search.setPage(result.page + 1)}
            >
              Next<span aria-hidden="true"> →</span>
            </button>
          </nav>
        )}

        {multiple && (
          <footer className="flex items-center gap-3 border-t border-slate-200 px-5 py-3">
            <span role="status" className="text-sm text-slate-600">
              {picked.length === 0 ? 'Click images to select them' : `${picked.length} selected`}
            </span>
            {picked.length > 0 && (
              <button type="button" onClick={() => setPicked([])} className={secondaryButton}>
                Clear selection
              </button>
            )}
            <button
              type="button"
              disabled={picked.length === 0}
              onClick={() => props.onPickMany?.(picked)}
              className={
                'ml-auto rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white ' +
                'hover:bg-indigo-500 disabled:opacity-50'
              }
            >
              {picked.length === 1 ? 'Add 1 image' : `Add ${picked.length} images`}
            </button>
          </footer>
        )}

        {drop.dragging && (
          <div
            className={
              'pointer-events-none absolute inset-2 z-20 flex items-center justify-center rounded-xl ' +
              'border-2 border-dashed border-indigo-400 bg-indigo-50/80 text-lg font-medium text-indigo-700'
            }
          >
            Drop a file to upload and use it
          </div>
        )}
      </div>
    </ModalDialog>
  );
}

/** The service's tag names, for the Tag filter (at most 100 exist: KURA_MAX_TAGS). */
function useTagNames(): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    listTagsAction({}).then(
      (res) => live && res.ok && setNames(res.data.map((t) => t.name)),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return names;
}
