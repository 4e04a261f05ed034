'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { deleteMediaAction } from '@/app/(admin)/media/actions';
import { restoreMediaAction } from '@/app/(admin)/media/settings/trash/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toasts';
import type { MediaReferences } from '@/lib/content/content-using-media';

/** How many of the blocking content items the note names before "and N more". */
const NAMED = 3;

/**
 * Delete from the detail panel. While content uses the file the button is disabled and a note links to that
 * content (Kura would refuse anyway); otherwise confirm, and the server decides once more (a reference added
 * meanwhile still refuses, with its message in the dialog).
 */
export function DeleteMediaButton({
  id,
  fileName,
  references,
  afterHref,
}: {
  id: string;
  fileName: string;
  references: MediaReferences;
  afterHref: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const noteId = useId();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const blocked = references.total > 0;

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteMediaAction({ id });
      if (!result.ok) return setError(result.error);
      setConfirming(false);
      router.push(afterHref);
      toast(`Moved ${fileName} to Trash`, async () => {
        const restored = await restoreMediaAction({ id });
        return restored.ok ? null : restored.error;
      });
    });

  return (
    <>
      <button
        type="button"
        disabled={blocked}
        aria-describedby={blocked ? noteId : undefined}
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
        className={
          'rounded-md border border-red-200 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 ' +
          'disabled:cursor-not-allowed disabled:border-slate-200 disabled:text-slate-400 disabled:hover:bg-transparent'
        }
      >
        Delete
      </button>
      {blocked && <InUseNote id={noteId} references={references} />}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${fileName}?`}
          confirmLabel="Delete"
          pending={pending}
          error={error}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        >
          Its URL stops working at once. It waits in Trash (Media settings), from where it can be restored.
        </ConfirmDialog>
      )}
    </>
  );
}

/** "Cannot be deleted while used by <a>Post</a>, <a>Page</a> and 2 more": what to change first, as links. */
function InUseNote({ id, references }: { id: string; references: MediaReferences }) {
  const named = references.visible.slice(0, NAMED);
  const more = references.total - named.length;
  return (
    <p id={id} className="basis-full text-xs text-slate-600" data-testid="delete-blocked">
      Cannot be deleted while content uses it:{' '}
      {named.map((h, i) => (
        <span key={h.contentId}>
          {i > 0 && ', '}
          <Link href={h.editPath} className="font-medium text-indigo-700 hover:underline">
            {h.title}
          </Link>
        </span>
      ))}
      {more > 0 && `${named.length > 0 ? ' and ' : ''}${more} more`}. Remove it there first.
    </p>
  );
}
