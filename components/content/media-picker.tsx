'use client';

import { useId, useRef, useState } from 'react';
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
  onClose: () => void;
  maxUploadBytes: number;
  canUpload: boolean;
};

/** The library in a modal: search, page, pick one item, or upload one and pick it at once. */
export function MediaPickerDialog(props: MediaPickerProps) {
  // Mounted only while open, so each opening starts with an empty search on page 1.
  return props.open ? <PickerDialog {...props} /> : null;
}

function PickerDialog({ accept, requiredSize, onPick, onClose, maxUploadBytes, canUpload }: MediaPickerProps) {
  const headingId = useId();
  const searchId = useId();
  const searchInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const search = usePickerSearch(accept === 'image');
  const uploader = useMediaUpload({ accept, requiredSize, maxUploadBytes });
  const [problem, setProblem] = useState<string | null>(null);

  const choose = (item: MediaRecord) => {
    const refusal = mediaRefusal(item, { accept, requiredSize });
    if (refusal) setProblem(refusal);
    else onPick(item);
  };
  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setProblem(null);
    const messages = await uploader.uploadFiles(files.slice(0, 1), onPick);
    if (messages.length === 0) return;
    setProblem(joinMessages(messages));
    search.reload();
  };
  const drop = useFileDrop((files) => void upload(files), canUpload && !uploader.busy);

  const noun = accept === 'image' ? 'images' : 'media';
  const result = search.result;
  const alert = problem ?? search.error;

  return (
    <ModalDialog labelledBy={headingId} onClose={onClose} initialFocus={searchInput}>
      <div className="relative flex max-h-[calc(100vh-2rem)] flex-col" data-testid="media-picker" {...drop.handlers}>
        <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-5 py-3">
          <h2 id={headingId} className="text-base font-semibold">
            {accept === 'image' ? 'Choose an image' : 'Choose a file'}
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
