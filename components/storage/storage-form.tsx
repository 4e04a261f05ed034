'use client';

import { useId, useState } from 'react';
import { saveStorageAction } from '@/app/(admin)/media/settings/storage/actions';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { StorageSettingsView } from '@/lib/storage-settings/get-storage-settings';
import { ConnectionTest } from './connection-test';
import { DirectUrlNote } from './direct-url-note';

type Form = StorageSettingsView['form'];

/** The S3 fields whose messages are also shown beside them (every refusal is in the Save result). */
const FIELDS = ['bucket', 'region', 'endpoint', 'accessKeyId', 'secretAccessKey', 'prefix', 'publicUrl'];

function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint: string }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={`${id}-hint`}
        className="mt-1"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {props.label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {props.hint}
        </p>
      </div>
    </div>
  );
}

/** Media settings → Storage: local disk or a bucket, its connection test, and Save (which tests again first). */
export function StorageForm({ uploadTo, initial }: { uploadTo: string; initial: Form }) {
  const [target, setTarget] = useState<'local' | 's3'>(uploadTo === 'local' ? 'local' : 's3');
  const [form, setForm] = useState(initial);
  const [secret, setSecret] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const { secretStored: _stored, ...fields } = form;
  const values = () => ({ ...fields, secretAccessKey: secret });

  const saving = useActionForm(
    saveStorageAction,
    FIELDS,
    (done) => {
      setSaved(done.message);
      if (secret) setForm((f) => ({ ...f, secretStored: true }));
      setSecret('');
    },
    { keepError: true }, // the Save result beside the button says it too: the field may be out of sight
  );
  const save = () => {
    setSaved(null);
    saving.submit(target === 'local' ? { target } : { target, ...values() });
  };
  const errors = saving.fieldErrors;

  return (
    <section aria-labelledby="storage-form-heading" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
      <h2 id="storage-form-heading" className="text-base font-semibold">
        New uploads
      </h2>
      <form
        className="mt-3 space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-slate-700">Store new uploads on</legend>
          {(
            [
              ['local', 'Local disk'],
              ['s3', 'Amazon S3 or an S3-compatible bucket'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="target"
                value={value}
                checked={target === value}
                onChange={() => setTarget(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>

        {target === 's3' && (
          <div className="space-y-4 border-l-2 border-indigo-100 pl-4">
            <div className="grid grid-cols-2 gap-4">
              <TextField label="Bucket" value={form.bucket} onChange={set('bucket')} error={errors.bucket} mono />
              <TextField label="Region" value={form.region} onChange={set('region')} error={errors.region} mono />
            </div>
            <TextField
              label="Endpoint"
              value={form.endpoint}
              onChange={set('endpoint')}
              error={errors.endpoint}
              mono
              placeholder="https://s3.example.com"
              hint="Empty for Amazon S3; the URL of any S3-compatible server otherwise."
            />
            <Check
              label="Path-style addressing"
              checked={form.forcePathStyle}
              onChange={set('forcePathStyle')}
              hint="endpoint/bucket/key instead of bucket.endpoint/key; most S3-compatible servers need it."
            />
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium text-slate-700">Credentials</legend>
              {(
                [
                  ['keys', 'Access keys'],
                  ['default', 'SDK default credential chain (environment, shared files, instance role)'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="credentials"
                    value={value}
                    checked={form.credentials === value}
                    onChange={() => set('credentials')(value)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            {form.credentials === 'keys' && (
              <div className="grid grid-cols-2 gap-4">
                <TextField
                  label="Access key ID"
                  value={form.accessKeyId}
                  onChange={set('accessKeyId')}
                  error={errors.accessKeyId}
                  mono
                />
                <TextField
                  label="Secret access key"
                  type="password"
                  value={secret}
                  onChange={setSecret}
                  error={errors.secretAccessKey}
                  placeholder={form.secretStored ? 'Stored — leave empty to keep it' : ''}
                  hint="Stored encrypted and never shown again."
                />
              </div>
            )}
            <TextField
              label="Key prefix"
              value={form.prefix}
              onChange={set('prefix')}
              error={errors.prefix}
              mono
              placeholder="media/"
              hint="Objects are stored under this folder of the bucket."
            />
            <TextField
              label="Public base URL"
              value={form.publicUrl}
              onChange={set('publicUrl')}
              error={errors.publicUrl}
              mono
              placeholder="https://cdn.example.com"
              hint={
                'Optional. When set, delivery URLs point at the bucket ' +
                'or CDN (public base URL + object key) instead of Kura.'
              }
            />
            {form.publicUrl && <DirectUrlNote />}
            <Check
              label="Fix file names"
              checked={form.fixFileNames}
              onChange={set('fixFileNames')}
              hint={
                'Object keys end with the file name ({prefix}{id}/{version}/{name}). ' +
                'Media stored this way cannot be renamed, and re-uploads keep the name.'
              }
            />
            <ConnectionTest input={values} />
          </div>
        )}

        <div className="flex items-center gap-3 border-t border-slate-100 pt-4">
          <button
            type="submit"
            disabled={saving.pending}
            className={
              'rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium ' +
              'text-white hover:bg-slate-700 disabled:opacity-50'
            }
          >
            {saving.pending ? 'Saving…' : 'Save'}
          </button>
          <p className="text-xs text-slate-500">
            {target === 's3'
              ? 'Save runs the connection test first and switches on only if it passes.'
              : 'Media already in a bucket stays there.'}
          </p>
        </div>
        <div id={saving.errorId} role="status" aria-label="Save result" className="text-sm">
          {(saving.error ?? saved) && (
            <p
              className={
                `rounded-md border px-3 py-2 ` +
                (saving.error
                  ? 'border-red-200 bg-red-50 text-red-800'
                  : 'border-emerald-200 bg-emerald-50 text-emerald-900')
              }
            >
              {saving.error ?? saved}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
