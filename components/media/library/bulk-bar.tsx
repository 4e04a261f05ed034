'use client';

import { useState, useTransition } from 'react';
import { bulkDeleteMediaAction, bulkEditMediaAction } from '@/app/(admin)/media/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
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

type Answer = { ok: true; data: BulkOutcome[] } | { ok: false; error: string };

const button = 'rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60';

/** "N selected" and what can be done to them all: change the creator, add tags, delete. */
export function BulkBar({ selection, items, members, tags, canEdit, canDelete, onDone }: Props) {
  const [open, setOpen] = useState<BulkKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ids = selection.ids;

  const show = (kind: BulkKind) => {
    setError(null);
    setOpen(kind);
  };
  const close = () => setOpen(null);

  const run = (kind: BulkKind, call: () => Promise<Answer>) =>
    startTransition(async () => {
      setError(null);
      const answer = await call();
      if (!answer.ok) return setError(answer.error);
      const names = new Map(items.map((m) => [m.id, m.fileName]));
      setOpen(null);
      onDone(
        summarise(kind, answer.data, names),
        answer.data.filter((o) => o.done).map((o) => o.id),
        kind,
      );
    });

  const edit = (kind: 'creator' | 'tags', input: { creatorId: string } | { addTags: string[] }) =>
    run(kind, async () => {
      const answer = await bulkEditMediaAction({ ids, ...input });
      if (!answer.ok) return answer;
      return {
        ok: true,
        data: answer.data.map((o) =>
          o.changed ? { id: o.id, done: true } : { id: o.id, done: false, reason: o.reason },
        ),
      };
    });

  const remove = () =>
    run('delete', async () => {
      const answer = await bulkDeleteMediaAction({ ids });
      if (!answer.ok) return answer;
      return {
        ok: true,
        data: answer.data.map((o) =>
          o.deleted ? { id: o.id, done: true } : { id: o.id, done: false, reason: o.reason },
        ),
      };
    });

  const dialog = { count: ids.length, pending, error, setError, onCancel: close };
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
        <BulkCreatorDialog {...dialog} members={members} onSave={(creatorId) => edit('creator', { creatorId })} />
      )}
      {open === 'tags' && <BulkTagsDialog {...dialog} tags={tags} onSave={(addTags) => edit('tags', { addTags })} />}
      {open === 'delete' && (
        <ConfirmDialog
          title={`Delete ${ids.length} media?`}
          confirmLabel="Delete"
          pending={pending}
          error={error}
          onConfirm={remove}
          onCancel={close}
        >
          Media that content uses is kept and listed with the reason. The URLs of the others stop working at once. This
          cannot be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}
