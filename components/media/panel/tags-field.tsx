'use client';

import { FieldError } from '@/components/ui/field-error';
import { inputClass } from '@/components/ui/input-class';
import { useTagChoices } from './use-tag-choices';

type Props = {
  inputId: string;
  /** The input's aria wiring from the dialog's form (`useActionForm().describe`), given the hint's id. */
  describe: (hintId: string) => { 'aria-invalid'?: boolean; 'aria-describedby': string };
  /** The server's message about the tags, and the id it is shown under. */
  error: { id: string; message?: string };
  input: React.RefObject<HTMLInputElement | null>;
  tags: string[];
  draft: string;
  onDraft: (value: string) => void;
  onAdd: (names: string[]) => void;
  onRemove: (name: string) => void;
};

/** Splits typed text at commas into tag names; the part after the last comma stays being typed. */
export function splitTags(text: string): { done: string[]; rest: string } {
  const parts = text.split(',');
  const rest = parts.pop() ?? '';
  return { done: parts.map((p) => p.trim()).filter(Boolean), rest: rest.trimStart() };
}

/** The tag dialog's body: chosen tags as chips, the input (comma or Enter adds), existing tags to toggle. */
export function TagsField({ inputId, describe, error, input, tags, draft, onDraft, onAdd, onRemove }: Props) {
  const choices = useTagChoices(draft);
  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium">
        Tags
      </label>
      {tags.length > 0 && (
        <ul aria-label="Chosen tags" className="flex flex-wrap gap-1">
          {tags.map((t) => (
            <li
              key={t}
              className="flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2 pr-1 text-xs text-indigo-900"
            >
              {t}
              <button
                type="button"
                aria-label={`Remove tag ${t}`}
                onClick={() => onRemove(t)}
                className="rounded-full px-1 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-900"
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={inputId}
        value={draft}
        autoComplete="off"
        placeholder="Type tags, separated by commas"
        onChange={(e) => {
          const { done, rest } = splitTags(e.target.value);
          if (done.length) onAdd(done);
          onDraft(rest);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          // Enter adds what is typed; with nothing typed it falls through and saves the dialog.
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault();
            onAdd([draft.trim()]);
            onDraft('');
          } else if (e.key === 'Backspace' && !draft && tags.length) onRemove(tags[tags.length - 1]);
        }}
        {...describe(`${inputId}-hint`)}
        className={inputClass}
      />
      <FieldError {...error} />
      <p id={`${inputId}-hint`} className="text-xs text-slate-500">
        Separate tags with commas or press Enter. Each tag has 1–50 characters.
      </p>
      <div
        role="group"
        aria-label="Existing tags"
        aria-busy={!choices.tags}
        className="flex max-h-40 flex-wrap gap-1 overflow-y-auto"
      >
        {choices.error && <p className="text-xs text-red-600">{choices.error}</p>}
        {choices.tags?.length === 0 && (
          <p className="text-xs text-slate-500">
            {draft.trim() ? 'No existing tag matches; it will be created.' : 'No tags yet.'}
          </p>
        )}
        {choices.tags?.map((t) => {
          const on = tags.includes(t.name);
          return (
            <button
              key={t.id}
              type="button"
              aria-pressed={on}
              onClick={() => {
                if (on) return onRemove(t.name);
                onAdd([t.name]);
                onDraft('');
              }}
              className={
                `rounded-full border px-2 py-0.5 text-xs ` +
                (on
                  ? 'border-indigo-300 bg-indigo-600 text-white'
                  : 'border-slate-300 text-slate-700 hover:bg-slate-50')
              }
            >
              {t.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
