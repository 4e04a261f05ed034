'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deletePermanentlyAction, restoreMediaAction } from '@/app/(admin)/media/settings/trash/actions';
import { LocalTime } from '@/components/media/local-time';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatBytes } from '@/lib/media/format-bytes';
import type { TrashItem } from '@/lib/trash/list-trash';

const cell = 'px-3 py-2 align-middle';
const button = 'rounded-md border px-3 py-1 text-sm font-medium disabled:opacity-50';

/** The Trash table: each item with who deleted it, when, its size, Restore and Delete permanently. */
export function TrashList({ items, page, pages }: { items: TrashItem[]; page: number; pages: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<TrashItem | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = (item: TrashItem) =>
    startTransition(async () => {
      const result = await restoreMediaAction({ id: item.id });
      setStatus(result.ok ? `Restored ${item.fileName}` : result.error);
      router.refresh();
    });

  const deleteForGood = (item: TrashItem) =>
    startTransition(async () => {
      const result = await deletePermanentlyAction({ ids: [item.id] });
      if (!result.ok) return setError(result.error);
      const [outcome] = result.data;
      setConfirming(null);
      setStatus(outcome.deleted ? `Deleted ${item.fileName} permanently` : outcome.reason);
      router.refresh();
    });

  return (
    <section aria-label="Media in Trash" className="space-y-3">
      <p role="status" aria-live="polite" className="text-sm text-slate-700 empty:hidden">
        {status}
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-5 py-10 text-center text-sm text-slate-600">
          Trash is empty.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className={cell}>Name</th>
                <th className={cell}>Size</th>
                <th className={cell}>Deleted by</th>
                <th className={cell}>Deleted</th>
                <th className={cell}>Deleted for good</th>
                <th className={cell}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className="border-b border-slate-100 last:border-0">
                  <td className={`${cell} max-w-72 break-all font-medium text-slate-800`}>{item.fileName}</td>
                  <td className={`${cell} whitespace-nowrap text-slate-600`}>{formatBytes(item.size)}</td>
                  <td className={`${cell} text-slate-600`}>{item.trashedBy}</td>
                  <td className={`${cell} whitespace-nowrap text-slate-600`}>
                    <LocalTime iso={item.trashedAt} />
                  </td>
                  <td className={`${cell} whitespace-nowrap text-slate-600`}>
                    <LocalTime iso={item.purgeAt} />
                  </td>
                  <td className={`${cell} whitespace-nowrap text-right`}>
                    <div className="flex justify-end gap-2">
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => restore(item)}
                        aria-label={`Restore ${item.fileName}`}
                        className={`${button} border-slate-300 text-slate-700 hover:bg-slate-50`}
                      >
                        Restore
                      </button>
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => {
                          setError(null);
                          setConfirming(item);
                        }}
                        aria-label={`Delete ${item.fileName} permanently`}
                        className={`${button} border-red-200 text-red-700 hover:bg-red-50`}
                      >
                        Delete permanently
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Trash pages" className="flex items-center gap-3 text-sm">
          {page > 1 && <Link href={`/media/settings/trash?page=${page - 1}`}>Previous</Link>}
          <span className="text-slate-500">{`Page ${page} of ${pages}`}</span>
          {page < pages && <Link href={`/media/settings/trash?page=${page + 1}`}>Next</Link>}
        </nav>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${confirming.fileName} permanently?`}
          confirmLabel="Delete"
          pending={pending}
          error={error}
          onConfirm={() => deleteForGood(confirming)}
          onCancel={() => setConfirming(null)}
        >
          Its bytes are removed from storage, with its earlier versions. This cannot be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
