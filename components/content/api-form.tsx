'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createApiAction, updateApiAction } from '@/app/(admin)/apis/actions';
import { FieldError } from '@/components/ui/field-error';
import { useActionForm } from '@/components/ui/use-action-form';
import { FIELD_KIND_LABELS, FIELD_KINDS, type ApiField, type ApiKind, type FieldKind } from '@/lib/content/schemas';

type Draft = {
  key: number;
  id: string;
  name: string;
  kind: FieldKind;
  required: boolean;
  width: string;
  height: string;
};
type Props = {
  mode: 'create' | 'edit';
  initial?: { endpoint: string; name: string; kind: ApiKind; fields: ApiField[] };
};

const KIND_CHOICES: { kind: ApiKind; label: string; hint: string }[] = [
  { kind: 'list', label: 'List', hint: 'Many items: posts, news, products' },
  { kind: 'object', label: 'Object', hint: 'One item: site settings, a landing page' },
];

let keys = 0;
const toDraft = (f: ApiField): Draft => ({
  key: ++keys,
  id: f.id,
  name: f.name,
  kind: f.kind,
  required: f.required,
  width: f.imageSize ? String(f.imageSize.width) : '',
  height: f.imageSize ? String(f.imageSize.height) : '',
});
const blank = (): Draft => ({ key: ++keys, id: '', name: '', kind: 'text', required: false, width: '', height: '' });
const isImageKind = (k: FieldKind) => k === 'image' || k === 'multipleImages';

const box =
  'rounded-md border border-slate-300 px-2.5 py-1.5 text-sm ' +
  'focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';
const input = `${box} w-full`;

/** The form field of a server path: `fields.2.id` for a field's row, else the first segment (`endpoint`). */
const fieldOf = (path: string) =>
  path
    .split('.')
    .slice(0, path.startsWith('fields.') ? 3 : 1)
    .join('.');

/** Create or change an API: endpoint (fixed once created), name, and its ordered list of fields. */
export function ApiForm({ mode, initial }: Props) {
  const router = useRouter();
  const [endpoint, setEndpoint] = useState(initial?.endpoint ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<ApiKind>(initial?.kind ?? 'list');
  const [fields, setFields] = useState<Draft[]>(
    initial ? initial.fields.map(toDraft) : [{ ...blank(), id: 'title', name: 'Title', required: true }],
  );
  const form = useActionForm(
    mode === 'create' ? createApiAction : updateApiAction,
    ['name', 'endpoint', ...fields.flatMap((_, i) => [`fields.${i}.id`, `fields.${i}.name`, `fields.${i}.imageSize`])],
    (saved) => router.push(`/apis/${saved.endpoint}`),
    { fieldOf, refresh: false },
  );
  /** The message shown under an input, by its server path. */
  const errorOf = (path: string) => <FieldError id={form.fieldErrorId(path)} message={form.fieldErrors[path]} />;

  const change = (key: number, patch: Partial<Draft>) =>
    setFields((fs) => fs.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const move = (index: number, by: number) =>
    setFields((fs) => {
      const next = [...fs];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const payload = {
      endpoint,
      name,
      kind,
      fields: fields.map((f) => ({
        id: f.id,
        name: f.name,
        kind: f.kind,
        required: f.required,
        ...(isImageKind(f.kind) && (f.width || f.height)
          ? { imageSize: { width: Number(f.width), height: Number(f.height) } }
          : {}),
      })),
    };
    form.submit(payload);
  }

  return (
    <form onSubmit={submit} className="space-y-6" aria-describedby={form.errorId}>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label className="block text-sm font-medium">
            API name
            <input
              className={`${input} mt-1`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={60}
              placeholder="Blog"
              {...form.describe('name')}
            />
          </label>
          {errorOf('name')}
        </div>
        <div>
          <label className="block text-sm font-medium">
            Endpoint
            <input
              className={`${input} mt-1 font-mono disabled:bg-slate-100`}
              value={endpoint}
              onChange={(e) => setEndpoint(e.target.value)}
              disabled={mode === 'edit'}
              required
              placeholder="blogs"
              {...form.describe('endpoint', 'endpoint-hint')}
            />
            <span id="endpoint-hint" className="mt-1 block text-xs font-normal text-slate-500">
              {mode === 'edit'
                ? 'Fixed: clients read /api/v1/' + endpoint
                : 'Lowercase letters, digits, - and _; the path /api/v1/{endpoint}. “media” is reserved.'}
            </span>
          </label>
          {errorOf('endpoint')}
        </div>
      </div>

      <fieldset aria-describedby="kind-hint">
        <legend className="text-sm font-semibold">API type</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {KIND_CHOICES.map((choice) => (
            <label
              key={choice.kind}
              className={
                'flex min-w-56 items-start gap-2 rounded-lg border bg-white p-3 text-sm ' +
                (kind === choice.kind ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-slate-200')
              }
            >
              <input
                type="radio"
                name="kind"
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => setKind(choice.kind)}
                disabled={mode === 'edit'}
                className="mt-0.5"
              />
              <span>
                <span className="block font-medium">{choice.label}</span>
                <span className="block text-xs text-slate-500">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <p id="kind-hint" className="mt-1 text-xs text-slate-500">
          {mode === 'edit'
            ? 'Fixed once the API exists.'
            : 'An object API is read with GET /api/v1/{endpoint} and written with PATCH /api/v1/{endpoint}.'}
        </p>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold">Fields</legend>
        <ol className="mt-2 space-y-2">
          {fields.map((f, i) => (
            <li key={f.key} className="rounded-lg border border-slate-200 bg-white p-3" aria-label={`Field ${i + 1}`}>
              <div className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_10rem_auto]">
                <div>
                  <label className="block text-xs font-medium text-slate-600">
                    Field id
                    <input
                      className={`${input} mt-1 font-mono`}
                      value={f.id}
                      onChange={(e) => change(f.key, { id: e.target.value })}
                      required
                      placeholder="title"
                      {...form.describe(`fields.${i}.id`)}
                    />
                  </label>
                  {errorOf(`fields.${i}.id`)}
                </div>
                <div>
                  <label className="block text-xs font-medium text-slate-600">
                    Display name
                    <input
                      className={`${input} mt-1`}
                      value={f.name}
                      onChange={(e) => change(f.key, { name: e.target.value })}
                      required
                      placeholder="Title"
                      {...form.describe(`fields.${i}.name`)}
                    />
                  </label>
                  {errorOf(`fields.${i}.name`)}
                </div>
                <label className="block text-xs font-medium text-slate-600">
                  Kind
                  <select
                    className={`${input} mt-1`}
                    value={f.kind}
                    onChange={(e) => change(f.key, { kind: e.target.value as FieldKind })}
                  >
                    {FIELD_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {FIELD_KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </label>
                <div className="flex items-center gap-1 pb-1">
                  <button
                    type="button"
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                    aria-label={`Move field ${f.id || i + 1} up`}
                    className="rounded px-2 py-1 text-slate-500 hover:bg-slate-100 disabled:opacity-30"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => move(i, 1)}
                    disabled={i === fields.length - 1}
                    aria-label={`Move field ${f.id || i + 1} down`}
                    className="rounded px-2 py-1 text-slate-500 hover:bg-slate-100 disabled:opacity-30"
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() => setFields((fs) => fs.filter((x) => x.key !== f.key))}
                    disabled={fields.length === 1}
                    aria-label={`Remove field ${f.id || i + 1}`}
                    className="rounded px-2 py-1 text-red-600 hover:bg-red-50 disabled:opacity-30"
                  >
                    ✕
                  </button>
                </div>
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-4 text-xs text-slate-600">
                <label className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={f.required}
                    onChange={(e) => change(f.key, { required: e.target.checked })}
                  />{' '}
                  Required
                </label>
                {isImageKind(f.kind) && (
                  <span className="flex items-center gap-1.5 whitespace-nowrap">
                    Exact image size (optional):
                    <input
                      aria-label={`Required width of ${f.id || 'field'}`}
                      {...form.describe(`fields.${i}.imageSize`)}
                      className={`${box} w-24`}
                      inputMode="numeric"
                      value={f.width}
                      onChange={(e) => change(f.key, { width: e.target.value })}
                      placeholder="width"
                    />
                    ×
                    <input
                      aria-label={`Required height of ${f.id || 'field'}`}
                      {...form.describe(`fields.${i}.imageSize`)}
                      className={`${box} w-24`}
                      inputMode="numeric"
                      value={f.height}
                      onChange={(e) => change(f.key, { height: e.target.value })}
                      placeholder="height"
                    />
                    px
                  </span>
                )}
              </div>
              {errorOf(`fields.${i}.imageSize`)}
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => setFields((fs) => [...fs, blank()])}
          className={
            'mt-3 rounded-md border border-dashed border-slate-300 ' +
            'px-3 py-1.5 text-sm text-slate-700 hover:bg-white'
          }
        >
          Add field
        </button>
      </fieldset>

      <div id={form.errorId} aria-live="polite" className="text-sm text-red-600">
        {form.error}
      </div>
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={form.pending}
          className={
            'rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium ' +
            'text-white hover:bg-indigo-500 disabled:opacity-60'
          }
        >
          {form.pending ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          onClick={() => router.back()}
          className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-50"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
