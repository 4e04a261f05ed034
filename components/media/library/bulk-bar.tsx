'use client';

import { useState } from 'react';
import { bulkDeleteMediaAction, bulkEditMediaAction } from '@/app/(admin)/media/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/auth/authed-action';
import type { MediaRecord } from '@/lib/media/present';
import type { MemberChoice } from '@/lib/members/list-members';
import { BulkCreatorDialog, BulkTagsDialog } from './bulk-dialogs';
import { summarise, type BulkKind, type BulkOutcome, type BulkResult } from './bulk-result';
import type { Selection } from './use-selection';

type Props = {
  selection: Selection;
  items: MediaRecord[];
  members: MemberChoice[];
  tags: string[];
  canEdit: boolean;
  canDelete: boolean;
  /** After the server answered: `done` are the ids it changed or deleted. */
  onDone: (result: BulkResult, done: string[], kind: BulkKind) => void;
};

/** One bulk change as the bar sends it. */
type Run = { kind: 'creator'; creatorId: string } | { kind: 'tags'; addTags: string[] } | { kind: 'delete' };

/** Sends one bulk change; both actions' answers as done-or-kept outcomes, so the result region reads them alike. */
async function send(ids: string[], run: Run): Promise<ActionResult<{ kind: BulkKind; outcomes: BulkOutcome[] }>> {
  if (run.kind === 'delete') {
    const answer = await bulkDeleteMediaAction({ ids });
    if (!answer.ok) return answer;
    const outcomes = answer.data.map((o): BulkOutcome =>
      o.deleted ? { id: o.id, done: true } : { id: o.id, done: false, reason: o.reason },
    );
    return { ok: true, data: { kind: 'delete', outcomes } };
  }
  const answer = await bulkEditMediaAction(
    run.kind === 'creator' ? { ids, creatorId: run.creatorId } : { ids, addTags: run.addTags },
  );
  if (!answer.ok) return answer;
  const outcomes = answer.data.map((o): BulkOutcome =>
    o.changed ? { id: o.id, done: true } : { id: o.id, done: false, reason: o.reason },
  );
  return { ok: true, data: { kind: run.kind, outcomes } };
}

const button = 'rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60';

/** "N selected" and what can be done to them all: change the creator, add tags, delete. */
export function BulkBar({ selection, items, members, tags, canEdit, canDelete, onDone }: Props) {
  const [open, setOpen] = useState<BulkKind | null>(null);
  const ids = selection.ids;
  const form = useActionForm(
    (run: Run) => send(ids, run),
    ['creatorId', 'addTags'],
    ({ kind, outcomes }) => {
      const names = new Map(items.map((m) => [m.id, m.fileName]));
      setOpen(null);
      onDone(
        summarise(kind, outcomes, names),
        outcomes.filter((o) => o.done).map((o) => o.id),
        kind,
      );
    },
    { refresh: false }, // onDone refreshes, or leaves the deleted item's URL
  );

  const show = (kind: BulkKind) => {
    form.setError(null);
    setOpen(kind);
  };
  const close = () => setOpen(null);

  const dialog = { count: ids.length, form, onCancel: close };
  return (
    <section
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-3 border-t border-indigo-200 bg-indigo-50 px-5 py-2.5"
    >
      <p className="text-sm font-semibold text-indigo-900" aria-live="polite">
        {`${ids.length} selected`}
      </p>
      {canEdit && (
        <>
          <button
            type="button"
            onClick={() => show('creator')}
            className={`${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
          >
            Change creator
          </button>
          <button
            type="button"
            onClick={() => show('tags')}
            className={`${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
          >
            Add tags
          </button>
        </>
      )}
      {canDelete && (
        <button
          type="button"
          onClick={() => show('delete')}
          className={`${button} border-red-200 bg-white text-red-700 hover:bg-red-50`}
        >
          Delete
        </button>
      )}
      <button
        type="button"
        onClick={selection.clear}
        className="ml-auto text-sm text-indigo-800 hover:text-indigo-950 hover:underline"
      >
        Clear selection
      </button>

      {open === 'creator' && (
        <BulkCreatorDialog
          {...dialog}
          members={members}
          onSave={(creatorId) => form.submit({ kind: 'creator', creatorId })}
        />
      )}
      {open === 'tags' && (
        <BulkTagsDialog {...dialog} tags={tags} onSave={(addTags) => form.submit({ kind: 'tags', addTags })} />
      )}
      {open === 'delete' && (
        <ConfirmDialog
          title={`Delete ${ids.length} media?`}
          confirmLabel="Delete"
          pending={form.pending}
          error={form.error}
          onConfirm={() => form.submit({ kind: 'delete' })}
          onCancel={close}
        >
          Media that content uses is kept and listed with the reason. The URLs of the others stop working at once; they
          wait in Trash (Media settings), from where they can be restored.
        </ConfirmDialog>
      )}
    </section>
  );
}
