'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteVersionAction, restoreVersionAction } from '@/app/(admin)/media/version-actions';
import { LocalTime } from '@/components/media/local-time';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatBytes } from '@/lib/media/format-bytes';
import type { VersionRecord } from '@/lib/versions/list-versions';

const button = 'rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50';

/** The detail panel's History: the earlier versions a re-upload kept, each with Restore and Delete. */
export function VersionHistory(props: {
  mediaId: string;
  isImage: boolean;
  versions: VersionRecord[];
  canEdit: boolean;
  canDelete: boolean;
}) {
  const { mediaId, versions } = props;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<VersionRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = (v: VersionRecord) =>
    startTransition(async () => {
      const result = await restoreVersionAction({ id: mediaId, versionId: v.id });
      setStatus(result.ok ? 'Version restored: it is the current file now' : result.error);
      router.refresh();
    });
  const remove = (v: VersionRecord) =>
    startTransition(async () => {
      const result = await deleteVersionAction({ id: mediaId, versionId: v.id });
      if (!result.ok) return setError(result.error);
      setConfirming(null);
      setStatus('Version deleted');
      router.refresh();
    });

  return (
    <section aria-label="History" className="border-t border-slate-100 px-5 py-3">
      <h3 className="text-xs font-medium uppercase text-slate-500">History</h3>
      <p role="status" aria-live="polite" className="mt-1 text-xs text-slate-700 empty:hidden">
        {status}
      </p>
      {versions.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">No earlier versions: a re-upload keeps the file it replaces.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {versions.map((v) => (
            <li key={v.id} aria-label={`Version of ${v.uploadedAt}`} className="flex gap-3 text-xs text-slate-600">
              {props.isImage && (
                // eslint-disable-next-line @next/next/no-img-element -- a cached thumbnail of the kept bytes
                <img src={`/media/thumbnail/${mediaId}/${v.id}`} alt="" className="size-12 shrink-0 object-contain" />
              )}
              <div className="min-w-0 flex-1 space-y-0.5">
                <p>
                  Uploaded <LocalTime iso={v.uploadedAt} />
                </p>
                <p>
                  {`Replaced by ${v.keptBy} `}
                  <LocalTime iso={v.keptAt} />
                </p>
                <p>
                  {formatBytes(v.size)}
                  {v.width !== null && v.height !== null ? ` · ${v.width} × ${v.height}` : ''}
                </p>
                <div className="flex gap-2 pt-1">
                  {props.canEdit && (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => restore(v)}
                      className={`${button} border-slate-300 text-slate-700 hover:bg-slate-50`}
                    >
                      Restore this version
                    </button>
                  )}
                  {props.canDelete && (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => {
                        setError(null);
                        setConfirming(v);
                      }}
                      className={`${button} border-red-200 text-red-700 hover:bg-red-50`}
                    >
                      Delete version
                    </button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this version?"
          confirmLabel="Delete"
          pending={pending}
          error={error}
          onConfirm={() => remove(confirming)}
          onCancel={() => setConfirming(null)}
        >
          Its bytes are removed from storage. This cannot be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
