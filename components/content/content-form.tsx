'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteContentAction, saveContentAction } from '@/app/(admin)/apis/actions';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ContentEditing } from '@/lib/content/content-for-editing';
import type { MediaRecord } from '@/lib/media/present';
import { valueOf } from '@/lib/content/schemas';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FieldControl, type FieldValue } from './field-control';
import { MediaPickerDialog } from './media-picker';
import { useUnsavedGuard } from './use-unsaved-guard';

type Props = { editing: ContentEditing; maxUploadBytes: number; canUpload: boolean };
type RichPick = { accept: 'image' | 'any'; resolve: (item: MediaRecord | null) => void };

/** Stored values (media by id) as form values (media as records, for previews). */
function initialValues({ fields, content, media }: ContentEditing): Record<string, FieldValue> {
  const data = content?.data ?? {};
  return Object.fromEntries(
    fields.map((f) => {
      const v = valueOf(data, f.id);
      if (f.kind === 'image' || f.kind === 'file')
        return [f.id, typeof v === 'string' ? ((valueOf(media, v) as MediaRecord | undefined) ?? null) : null];
      if (f.kind === 'multipleImages')
        return [f.id, Array.isArray(v) ? v.flatMap((id) => (Object.hasOwn(media, id) ? [media[id]] : [])) : []];
      if (f.kind === 'boolean') return [f.id, v === true];
      if (f.kind === 'number') return [f.id, typeof v === 'number' ? String(v) : ''];
      return [f.id, typeof v === 'string' ? v : ''];
    }),
  );
}

/** Form values in the content API's write shape: media by id, an empty value clears the field. */
function toBody(fields: ContentEditing['fields'], values: Record<string, FieldValue>): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = values[f.id];
      if (f.kind === 'image' || f.kind === 'file') return [f.id, (v as MediaRecord | null)?.id ?? null];
      if (f.kind === 'multipleImages')
        return [f.id, (v as MediaRecord[]).length ? (v as MediaRecord[]).map((m) => m.id) : null];
      if (f.kind === 'boolean') return [f.id, v as boolean];
      if (f.kind === 'number') return [f.id, v === '' ? null : Number(v)];
      return [f.id, v === '' ? null : v];
    }),
  );
}

/** The content edit form: one control per field, Save, and Delete for an existing item. */
export function ContentForm({ editing, maxUploadBytes, canUpload }: Props) {
  const router = useRouter();
  const { api, fields, content } = editing;
  const [values, setValues] = useState(() => initialValues(editing));
  const [status, setStatus] = useState<string | null>(null);
  const [richPick, setRichPick] = useState<RichPick | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  /** Edited since the page loaded or last saved: leaving asks first. */
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);
  const object = api.kind === 'object';
  const canSave = content || object ? editing.can.update : editing.can.create;

  const set = (id: string, value: FieldValue) => {
    setValues((vs) => ({ ...vs, [id]: value }));
    setStatus(null);
    setDirty(true);
  };

  const saving = useActionForm(
    async (input: Parameters<typeof saveContentAction>[0]) => {
      const result = await saveContentAction(input);
      if (result.ok) return result;
      // Domain messages start with the field id ("eyecatch: …"): show them at that field.
      const field = fields.find((f) => result.error.startsWith(`${f.id}: `));
      return field ? { ...result, fieldErrors: { [field.id]: result.error.slice(field.id.length + 2) } } : result;
    },
    fields.map((f) => f.id),
    (saved) => {
      setDirty(false);
      if (!content && !object) return router.push(`/apis/${api.endpoint}/${saved.id}`);
      setStatus('Saved');
      router.refresh();
    },
    { refresh: false, keepError: true }, // the message stays above Save too: the field may be out of sight
  );
  const deleting = useActionForm(deleteContentAction, [], () => router.push(`/apis/${api.endpoint}`), {
    refresh: false,
  });
  const pending = saving.pending || deleting.pending;

  function save(e: React.FormEvent) {
    e.preventDefault();
    saving.submit({
      endpoint: api.endpoint,
      ...(object ? { object } : { id: content?.id }),
      values: toBody(fields, values),
    });
  }

  const pick = (accept: 'image' | 'any') =>
    new Promise<MediaRecord | null>((resolve) => setRichPick({ accept, resolve }));
  const closePick = (item: MediaRecord | null) => {
    richPick?.resolve(item);
    setRichPick(null);
  };

  return (
    <form
      onSubmit={save}
      className="space-y-6"
      aria-label={content || object ? `Edit ${api.name} content` : `New ${api.name} content`}
    >
      {fields.map((field) => (
        <FieldControl
          key={field.id}
          field={field}
          value={values[field.id]}
          onChange={(v) => set(field.id, v)}
          error={saving.fieldErrors[field.id]}
          onPick={pick}
          maxUploadBytes={maxUploadBytes}
          canUpload={canUpload}
        />
      ))}
      <div id={saving.errorId} role="alert" className="text-sm text-red-600 empty:hidden">
        {saving.error}
      </div>
      <div className="sticky bottom-0 -mx-6 flex items-center gap-3 border-t border-slate-200 bg-white/95 px-6 py-3">
        <button
          type="submit"
          disabled={pending || !canSave}
          className={
            'rounded-md bg-indigo-600 px-5 py-1.5 text-sm font-medium ' +
            'text-white hover:bg-indigo-500 disabled:opacity-60'
          }
        >
          {pending ? 'Saving…' : 'Save'}
        </button>
        <span role="status" className="text-sm text-green-700">
          {status}
        </span>
        {content && !object && editing.can.delete && (
          <button
            type="button"
            onClick={() => {
              deleting.setError(null);
              setConfirmingDelete(true);
            }}
            className="ml-auto rounded-md border border-red-200 px-4 py-1.5 text-sm text-red-700 hover:bg-red-50"
          >
            Delete
          </button>
        )}
      </div>
      {richPick && (
        <MediaPickerDialog
          open
          accept={richPick.accept}
          onPick={(item) => closePick(item)}
          onClose={() => closePick(null)}
          maxUploadBytes={maxUploadBytes}
          canUpload={canUpload}
        />
      )}
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this content?"
          confirmLabel="Delete"
          pending={deleting.pending}
          error={deleting.error}
          onConfirm={() => deleting.submit({ endpoint: api.endpoint, id: content!.id })}
          onCancel={() => setConfirmingDelete(false)}
        >
          The content is removed from the API at once. The media it uses stays in the library.
        </ConfirmDialog>
      )}
    </form>
  );
}
