'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { findDuplicateAction } from '@/app/(admin)/media/duplicate-actions';
import type { DuplicateOf } from '@/lib/media/find-duplicate';
import { formatBytes } from '@/lib/media/format-bytes';
import { fileSha256 } from './file-sha256';
import { isAbortError, NETWORK_ERROR, sendUpload, UploadError } from './send-upload';
import { useLibraryHref } from './use-library-href';

const PARALLEL = 3;

/** `checking`: hashing the file and asking whether the library holds it; `duplicate`: it does, the member decides. */
type Status = 'queued' | 'checking' | 'duplicate' | 'reused' | 'uploading' | 'done' | 'failed' | 'cancelled';
export type UploadItem = {
  key: string;
  file: File;
  status: Status;
  loaded: number;
  error?: string;
  retryable: boolean;
  /** The library was asked for these bytes already ("Upload anyway" sends without asking again). */
  checked: boolean;
  /** The media item that already holds these bytes. */
  existing?: DuplicateOf;
  /** The new media item, once uploaded: its row leads to it. */
  created?: { id: string; fileName: string };
};

const isActive = (s: Status) => s === 'queued' || s === 'checking' || s === 'uploading';

type Action =
  | { type: 'add'; items: UploadItem[] }
  | { type: 'update'; key: string; patch: Partial<UploadItem> }
  | { type: 'clearFinished' };

function reducer(items: UploadItem[], action: Action): UploadItem[] {
  switch (action.type) {
    case 'add':
      return [...items, ...action.items];
    case 'update':
      return items.map((i) => (i.key === action.key ? { ...i, ...action.patch } : i));
    case 'clearFinished':
      return items.filter((i) => isActive(i.status) || i.status === 'duplicate');
  }
}

let counter = 0;

/**
 * The uploader: a few files at a time, each with progress, cancel and retry. Each file is first hashed and looked up:
 * bytes already in the library wait for "Use it" (nothing is sent) or "Upload anyway".
 */
export function useUploadQueue(maxBytes: number) {
  const router = useRouter();
  const [items, dispatch] = useReducer(reducer, []);
  const requests = useRef(new Map<string, AbortController>());

  const add = useCallback(
    (files: Iterable<File>) => {
      const next = [...files].map<UploadItem>((file) => {
        // Refused before sending, for good: retrying would not change the file.
        const refusal =
          file.size > maxBytes
            ? `The file is larger than the upload limit of ${formatBytes(maxBytes)}`
            : file.size === 0
              ? 'The file is empty (0 bytes): there is nothing to upload'
              : undefined;
        return {
          key: `u${++counter}`,
          file,
          loaded: 0,
          status: refusal ? 'failed' : 'queued',
          error: refusal,
          retryable: !refusal,
          checked: false,
        };
      });
      if (next.length) dispatch({ type: 'add', items: next });
    },
    [maxBytes],
  );

  const start = useCallback(
    (item: UploadItem) => {
      const controller = new AbortController();
      requests.current.set(item.key, controller);
      const update = (patch: Partial<UploadItem>) => dispatch({ type: 'update', key: item.key, patch });
      const finish = (patch: Partial<UploadItem>) => {
        requests.current.delete(item.key);
        update(patch);
      };
      if (!item.checked) {
        update({ status: 'checking', checked: true, error: undefined });
        existingCopy(item.file).then((existing) => {
          requests.current.delete(item.key);
          if (controller.signal.aborted) return update({ status: 'cancelled', retryable: true, checked: false });
          update(existing ? { status: 'duplicate', existing } : { status: 'queued' });
        });
        return;
      }
      sendUpload(item.file, { signal: controller.signal, onProgress: (loaded) => update({ loaded }) }).then(
        (record) => {
          finish({ status: 'done', loaded: item.file.size, created: { id: record.id, fileName: record.fileName } });
          router.refresh();
        },
        (err: unknown) => {
          if (isAbortError(err)) return finish({ status: 'cancelled', error: undefined, retryable: true });
          const status = err instanceof UploadError ? err.status : 0;
          const message = err instanceof Error ? err.message : NETWORK_ERROR;
          finish({ status: 'failed', error: message, retryable: status !== 413 && status !== 403 });
        },
      );
      update({ status: 'uploading', loaded: 0, error: undefined });
    },
    [router],
  );

  useEffect(() => {
    const active = items.filter((i) => i.status === 'uploading' || i.status === 'checking').length;
    items
      .filter((i) => i.status === 'queued')
      .slice(0, Math.max(0, PARALLEL - active))
      .forEach(start);
  }, [items, start]);

  const cancel = useCallback((key: string) => {
    const controller = requests.current.get(key);
    if (controller) controller.abort();
    else dispatch({ type: 'update', key, patch: { status: 'cancelled', retryable: true } });
  }, []);
  const retry = useCallback(
    (key: string) => dispatch({ type: 'update', key, patch: { status: 'queued', loaded: 0, error: undefined } }),
    [],
  );
  const clearFinished = useCallback(() => dispatch({ type: 'clearFinished' }), []);
  const uploadAnyway = useCallback(
    (key: string) => dispatch({ type: 'update', key, patch: { status: 'queued', checked: true } }),
    [],
  );
  const reuseExisting = useCallback(
    (key: string) => dispatch({ type: 'update', key, patch: { status: 'reused' } }),
    [],
  );

  return { items, add, cancel, retry, clearFinished, uploadAnyway, reuseExisting };
}

/** The library's item with these bytes, or null (also when the file cannot be hashed or looked up: it uploads). */
async function existingCopy(file: File): Promise<DuplicateOf | null> {
  try {
    const sha256 = await fileSha256(file);
    if (!sha256) return null;
    const found = await findDuplicateAction({ sha256 });
    return found.ok ? found.data : null;
  } catch {
    return null;
  }
}

const STATUS_TEXT: Record<Status, string> = {
  queued: 'Waiting',
  checking: 'Checking',
  duplicate: 'Already in the library',
  reused: 'Not uploaded',
  uploading: 'Uploading',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "8 of 8 done · 1 failed": the tray's count, said once for all rows. */
function summary(items: UploadItem[]): string {
  const counted = items.filter((i) => i.status !== 'cancelled');
  const done = counted.filter((i) => i.status === 'done' || i.status === 'reused').length;
  const failed = counted.filter((i) => i.status === 'failed').length;
  return `${done} of ${counted.length} done${failed ? ` · ${failed} failed` : ''}`;
}

/**
 * The upload tray, bottom right: a count for all files, rows leading to each new item (and saying when the current
 * filters or page hide it), and a Hide button so it never sits on the list for long.
 */
export function UploadList({
  queue,
  shownIds,
}: {
  queue: ReturnType<typeof useUploadQueue>;
  /** The items the library shows now: an upload not among them is hidden by the filters, the sort or the page. */
  shownIds: string[];
}) {
  const href = useLibraryHref();
  const [collapsed, setCollapsed] = useState(false);
  if (queue.items.length === 0) return null;
  const busy = queue.items.some((i) => isActive(i.status));
  const listId = 'upload-rows';
  return (
    <section
      aria-label="Uploads"
      className={
        'absolute bottom-4 right-4 z-30 w-96 max-w-[calc(100%-2rem)] ' +
        'rounded-xl border border-slate-200 bg-white shadow-lg'
      }
    >
      <header className="flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold">
          Uploads{' '}
          <span className="font-normal text-slate-600" data-testid="upload-summary" aria-live="polite">
            {summary(queue.items)}
          </span>
        </h2>
        <div className="flex shrink-0 items-center gap-3">
          {!busy && (
            <button type="button" onClick={queue.clearFinished} className="text-xs text-slate-600 hover:text-slate-900">
              Clear
            </button>
          )}
          <button
            type="button"
            onClick={() => setCollapsed((c) => !c)}
            aria-expanded={!collapsed}
            aria-controls={listId}
            className="text-xs text-slate-600 hover:text-slate-900"
          >
            {collapsed ? 'Show' : 'Hide'}
          </button>
        </div>
      </header>
      <ul id={listId} hidden={collapsed} className="max-h-[min(18rem,40vh)] divide-y divide-slate-100 overflow-y-auto">
        {queue.items.map((item) => {
          // The library holds these bytes: the row asks what to do, or says nothing was sent.
          const known = item.status === 'duplicate' || item.status === 'reused';
          const percent = item.file.size ? Math.min(100, Math.round((item.loaded / item.file.size) * 100)) : 100;
          return (
            <li
              key={item.key}
              className="px-4 py-2"
              data-upload-status={item.status}
              aria-label={`Upload of ${item.file.name}`}
            >
              <div className="flex items-center justify-between gap-2 text-sm">
                {item.created ? (
                  <Link
                    href={href({ selected: item.created.id })}
                    scroll={false}
                    className="truncate font-medium text-indigo-700 hover:underline"
                    title={`Open ${item.created.fileName}`}
                  >
                    {item.created.fileName}
                  </Link>
                ) : (
                  <span className="truncate font-medium" title={item.file.name}>
                    {item.file.name}
                  </span>
                )}
                <span className="shrink-0 text-xs text-slate-500">{STATUS_TEXT[item.status]}</span>
              </div>
              {!known && item.status !== 'failed' && (
                <progress
                  className={
                    'mt-1 h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-100 ' +
                    '[&::-webkit-progress-value]:bg-indigo-500'
                  }
                  max={100}
                  value={item.status === 'done' ? 100 : percent}
                  aria-label={`Progress of ${item.file.name}`}
                />
              )}
              {known && item.existing ? (
                <DuplicateRow
                  item={item}
                  existing={item.existing}
                  href={href({ selected: item.existing.id })}
                  onUse={() => queue.reuseExisting(item.key)}
                  onUpload={() => queue.uploadAnyway(item.key)}
                />
              ) : (
                <div className="mt-1 flex items-center justify-between gap-2 text-xs">
                  <span
                    className={item.error ? 'text-red-600' : 'text-slate-500'}
                    role={item.error ? 'alert' : undefined}
                  >
                    {item.error ??
                      (item.created && !shownIds.includes(item.created.id)
                        ? 'Not in this view: the filters, sort or page hide it. Its name opens it.'
                        : `${formatBytes(item.status === 'done' ? item.file.size : item.loaded)} of ` +
                          `${formatBytes(item.file.size)}`)}
                  </span>
                  {isActive(item.status) && (
                    <button
                      type="button"
                      onClick={() => queue.cancel(item.key)}
                      className="text-slate-600 hover:text-red-600"
                      aria-label={`Cancel upload of ${item.file.name}`}
                    >
                      Cancel
                    </button>
                  )}
                  {(item.status === 'failed' || item.status === 'cancelled') && item.retryable && (
                    <button
                      type="button"
                      onClick={() => queue.retry(item.key)}
                      className="text-indigo-600 hover:text-indigo-800"
                      aria-label={`Retry upload of ${item.file.name}`}
                    >
                      Retry
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Bytes the library already holds: "Use it" sends nothing and opens that item; "Upload anyway" sends the file. */
function DuplicateRow({
  item,
  existing,
  href,
  onUse,
  onUpload,
}: {
  item: UploadItem;
  existing: DuplicateOf;
  href: string;
  onUse: () => void;
  onUpload: () => void;
}) {
  const link = (
    <Link href={href} scroll={false} className="font-medium text-indigo-700 hover:underline">
      {existing.fileName}
    </Link>
  );
  if (item.status === 'reused') {
    return <p className="mt-1 text-xs text-slate-600">Using {link}, already in the library: nothing was uploaded.</p>;
  }
  return (
    <div className="mt-1 text-xs">
      <p className="text-amber-800">Already in the library as {link}</p>
      <div className="mt-1 flex gap-3">
        <Link
          href={href}
          scroll={false}
          onClick={onUse}
          className="font-medium text-indigo-700 hover:text-indigo-900"
          aria-label={`Use it: ${existing.fileName} instead of uploading ${item.file.name}`}
        >
          Use it
        </Link>
        <button
          type="button"
          onClick={onUpload}
          className="text-slate-700 hover:text-slate-900"
          aria-label={`Upload ${item.file.name} anyway`}
        >
          Upload anyway
        </button>
      </div>
    </div>
  );
}
