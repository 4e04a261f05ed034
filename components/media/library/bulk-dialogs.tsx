'use client';

import { useId, useRef, useState } from 'react';
import { ModalDialog } from '@/components/content/modal-dialog';
import type { MemberChoice } from '@/lib/members/list-members';

const field = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200';

type FrameProps = {
  title: string;
  pending: boolean;
  error: string | null;
  errorId: string;
  initialFocus: React.RefObject<HTMLElement | null>;
  onSubmit: () => void;
  onCancel: () => void;
  children: React.ReactNode;
};

/** A small form in a modal: one field, saved with Save, dismissed with Cancel or Escape. */
function BulkFormDialog({ title, pending, error, errorId, initialFocus, onSubmit, onCancel, children }: FrameProps) {
  const titleId = useId();
  return (
    <ModalDialog labelledBy={titleId} onClose={onCancel} initialFocus={initialFocus} size="narrow">
      <form
        noValidate
        className="space-y-3 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        {children}
        <div id={errorId} aria-live="polite" className="text-sm text-red-600">
          {error && <p role="alert">{error}</p>}
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-50">
            Cancel
          </button>
          <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60">
            {pending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

type DialogProps = { count: number; pending: boolean; error: string | null; setError: (e: string | null) => void; onCancel: () => void };

/** The bulk "Change creator": one member becomes the creator of every selected item. */
export function BulkCreatorDialog({ count, pending, error, setError, onCancel, members, onSave }: DialogProps & { members: MemberChoice[]; onSave: (creatorId: string) => void }) {
  const id = useId();
  const errorId = useId();
  const select = useRef<HTMLSelectElement>(null);
  const [creatorId, setCreatorId] = useState('');
  return (
    <BulkFormDialog
      title={`Change creator of ${count} media`}
      {...{ pending, error, errorId, onCancel }}
      initialFocus={select}
      onSubmit={() => (creatorId ? onSave(creatorId) : setError('Choose a member'))}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Creator
        </label>
        <select ref={select} id={id} value={creatorId} onChange={(e) => setCreatorId(e.target.value)} aria-describedby={errorId} className={field}>
          <option value="">Choose a member</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name === m.email ? m.email : `${m.name} (${m.email})`}
            </option>
          ))}
        </select>
      </div>
    </BulkFormDialog>
  );
}

/** Tag names from "a, b , ,c": trimmed, blanks dropped, each once. */
export const parseTags = (text: string) => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];

/** The bulk "Add tags": these tags are added to every selected item (the tags they already have stay). */
export function BulkTagsDialog({ count, pending, error, setError, onCancel, tags, onSave }: DialogProps & { tags: string[]; onSave: (tags: string[]) => void }) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const chosen = parseTags(text);
  // Existing tags matching what is being typed after the last comma: a click completes it.
  const fragment = (text.split(',').at(-1) ?? '').trim().toLowerCase();
  const suggestions = tags.filter((t) => !chosen.includes(t) && t.toLowerCase().includes(fragment)).slice(0, 12);
  const pick = (tag: string) => {
    const before = text.split(',').slice(0, -1).map((t) => t.trim()).filter(Boolean);
    setText([...before, tag].join(', ') + ', ');
    input.current?.focus();
  };
  return (
    <BulkFormDialog
      title={`Add tags to ${count} media`}
      {...{ pending, error, errorId, onCancel }}
      initialFocus={input}
      onSubmit={() => (chosen.length ? onSave(chosen) : setError('Give at least one tag'))}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Tags
        </label>
        <input
          ref={input}
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          placeholder="e.g. hero, spring-campaign"
          aria-describedby={`${hintId} ${errorId}`}
          aria-invalid={error ? true : undefined}
          className={field}
        />
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          Separate tags with commas. Tags that do not exist yet are created.
        </p>
        {suggestions.length > 0 && (
          <div role="group" aria-label="Existing tags" className="mt-2 flex flex-wrap gap-1">
            {suggestions.map((t) => (
              <button key={t} type="button" onClick={() => pick(t)} aria-label={`Add tag ${t}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-indigo-100 hover:text-indigo-800">
                {t}
              </button>
            ))}
          </div>
        )}
      </div>
    </BulkFormDialog>
  );
}
