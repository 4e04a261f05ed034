'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { mergeMediaAction } from '@/app/(admin)/media/duplicate-actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatBytes } from '@/lib/media/format-bytes';
import type { DuplicateGroup, DuplicateItem, Duplicates } from '@/lib/media/list-duplicates';
import type { MergeReport } from '@/lib/media/merge-media';
import { Thumbnail } from '../thumbnail';
import { useLibraryHref } from '../use-library-href';

type Pending = { group: DuplicateGroup; keep: DuplicateItem };

/**
 * The Duplicates view: each group of exact copies or near-duplicates, and "Keep this one" merging the rest of the
 * group into that item (near-duplicates only after a confirmation naming them). Its report stays until the next.
 */
export function DuplicateGroups({ duplicates, canMerge }: { duplicates: Duplicates; canMerge: boolean }) {
  const router = useRouter();
  const href = useLibraryHref();
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [report, setReport] = useState<MergeReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const merge = ({ group, keep }: Pending) =>
    startTransition(async () => {
      const others = group.items.filter((i) => i.id !== keep.id).map((i) => i.id);
      const result = await mergeMediaAction({ keep: keep.id, merge: others, confirmNear: group.kind === 'near' });
      if (!result.ok) return setError(result.error);
      setError(null);
      setConfirming(null);
      setReport(result.data);
      router.refresh();
    });

  return (
    <div className="space-y-4 p-5">
      <MergeReportBox report={report} error={confirming ? null : error} />
      {duplicates.groups.length === 0 ? (
        <p className="py-16 text-center text-base font-medium text-slate-700">No duplicates: every item is unique</p>
      ) : (
        duplicates.groups.map((group) => (
          <section
            key={`${group.kind}-${group.items[0].id}`}
            aria-label={`${GROUP_LABEL[group.kind]} of ${group.items[0].fileName}`}
            className="rounded-lg border border-slate-200 bg-white"
          >
            <header className="flex items-center gap-2 border-b border-slate-100 px-4 py-2 text-sm">
              <span
                className={
                  'rounded px-2 py-0.5 text-xs font-semibold ' +
                  (group.kind === 'exact' ? 'bg-indigo-50 text-indigo-800' : 'bg-amber-50 text-amber-800')
                }
              >
                {group.kind === 'exact' ? 'Exact' : 'Near-duplicate'}
              </span>
              <span className="text-slate-600">
                {group.items.length} items{' '}
                {group.kind === 'exact' ? 'with the same bytes' : 'that look alike (resized or recompressed)'}
              </span>
            </header>
            <ul className="divide-y divide-slate-100">
              {group.items.map((item) => (
                <li key={item.id} className="flex items-center gap-3 px-4 py-2 text-sm">
                  <Thumbnail item={item} size="row" />
                  <div className="min-w-0 flex-1">
                    <Link href={href({ selected: item.id })} scroll={false} className="font-medium hover:underline">
                      {item.fileName}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {formatBytes(item.size)}
                      {item.width && item.height ? ` · ${item.width} × ${item.height}` : ''}
                      {` · ${item.references === 1 ? '1 reference' : `${item.references} references`}`}
                      {` · created ${item.createdAt.slice(0, 10)}`}
                    </p>
                  </div>
                  {canMerge && (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => {
                        setError(null);
                        if (group.kind === 'near') setConfirming({ group, keep: item });
                        else merge({ group, keep: item });
                      }}
                      aria-label={`Keep ${item.fileName} and merge the others into it`}
                      className={
                        'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60'
                      }
                    >
                      Keep this one
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {duplicates.more && (
        <p className="text-sm text-slate-500">More groups are waiting: they are shown once these are merged.</p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Merge near-duplicates into ${confirming.keep.fileName}?`}
          confirmLabel="Merge"
          pending={pending}
          error={error}
          onConfirm={() => merge(confirming)}
          onCancel={() => setConfirming(null)}
        >
          {nearWarning(confirming)}
        </ConfirmDialog>
      )}
    </div>
  );
}

const GROUP_LABEL = { exact: 'Exact duplicates', near: 'Near-duplicates' } as const;

/** What merging near-duplicates does, naming them. */
function nearWarning({ group, keep }: Pending): string {
  const others = group.items.filter((i) => i.id !== keep.id);
  const names = others.map((i) => i.fileName).join(', ');
  const one = others.length === 1;
  return (
    `${names} ${one ? 'looks' : 'look'} like ${keep.fileName} but ` +
    `${one ? 'is not an exact copy' : 'are not exact copies'}. Content that uses ${one ? 'it' : 'them'} will ` +
    `show ${keep.fileName} instead, and ${one ? 'it moves' : 'they move'} to Trash.`
  );
}

/** What the last merge did, item by item. */
function MergeReportBox({ report, error }: { report: MergeReport | null; error: string | null }) {
  return (
    <div role="status" aria-label="Merge result" className="empty:hidden">
      {error && <p className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-700">{error}</p>}
      {report && (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm">
          <p className="font-medium text-slate-900">Kept {report.kept.fileName}</p>
          <ul className="mt-1 space-y-0.5 text-slate-700">
            {report.outcomes.map((o) =>
              o.merged ? (
                <li key={o.id}>
                  Merged <span className="font-medium">{o.fileName}</span>
                  {` — ${o.references === 1 ? '1 content item' : `${o.references} content items`} now use the kept one`}
                </li>
              ) : (
                <li key={o.id}>Not merged: {o.reason}</li>
              ),
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
