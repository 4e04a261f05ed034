'use client';

import { useRef, useState } from 'react';
import { bulkDeleteMediaAction, bulkEditMediaAction } from '@/app/(admin)/media/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/auth/authed-action';
import type { MemberChoice } from '@/lib/members/list-members';
import { BulkCreatorDialog, BulkTagsDialog } from './bulk-dialogs';
import { summarise, type BulkKind, type BulkOutcome, type BulkResult } from './bulk-result';
import type { Selection } from './use-selection';

type Props = {
  selection: Selection;
  members: MemberChoice[];
  canEdit: boolean;
  canDelete: boolean;
  /** After the server answered: `done` are the ids it changed or deleted. */
  onDone: (result: BulkResult, done: string[], kind: BulkKind) => void;
};

/** One bulk change as the bar sends it. */
type Run =
  | { kind: 'creator'; creatorId: string }
  | { kind: 'tags'; addTags: string[] }
  | { kind: 'untag'; removeTags: string[] }
  | { kind: 'delete' };

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
    run.kind === 'creator'
      ? { ids, creatorId: run.creatorId }
      : run.kind === 'tags'
        ? { ids, addTags: run.addTags }
        : { ids, removeTags: run.removeTags },
  );
  if (!answer.ok) return answer;
  const outcomes = answer.data.map((o): BulkOutcome =>
    o.changed ? { id: o.id, done: true } : { id: o.id, done: false, reason: o.reason },
  );
  return { ok: true, data: { kind: run.kind, outcomes } };
}

const button = 'rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60';

/** "N selected" (on this page or not) and what can be done to them all: change the creator, add or remove tags,
 * delete. */
export function BulkBar({ selection, members, canEdit, canDelete, onDone }: Props) {
  const [open, setOpen] = useState<BulkKind | null>(null);
  const ids = selection.ids;
  const sentTags = useRef<string[]>([]);
  const form = useActionForm(
    (run: Run) => {
      sentTags.current = run.kind === 'tags' ? run.addTags : run.kind === 'untag' ? run.removeTags : [];
      return send(ids, run);
    },
    ['creatorId', 'addTags', 'removeTags'],
    ({ kind, outcomes }) => {
      setOpen(null);
      onDone(
        summarise(kind, outcomes, selection.names, sentTags.current),
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
        {ids.length > selection.onPage && (
          <span className="font-normal text-indigo-800">{` · ${ids.length - selection.onPage} not on this page`}</span>
        )}
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
          <button
            type="button"
            onClick={() => show('untag')}
            className={`${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
          >
            Remove tags
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
        <BulkTagsDialog {...dialog} mode="add" onSave={(addTags) => form.submit({ kind: 'tags', addTags })} />
      )}
      {open === 'untag' && (
        <BulkTagsDialog {...dialog} mode="remove" onSave={(removeTags) => form.submit({ kind: 'untag', removeTags })} />
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
