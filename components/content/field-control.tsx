'use client';

import type { ApiField } from '@/lib/content/schemas';
import { TEXT_LIMITS } from '@/lib/content/schemas';
import type { MediaRecord } from '@/lib/media/present';
import { describedBy, FieldError, FieldLabel } from './field-frame';
import { MediaField } from './media-field';
import { MultipleImagesField } from './multiple-images-field';
import { RichEditor } from './rich-editor';

export type FieldValue = string | boolean | MediaRecord | MediaRecord[] | null;

type Props = {
  field: ApiField;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  error?: string;
  onPick: (accept: 'image' | 'any') => Promise<MediaRecord | null>;
  maxUploadBytes: number;
  canUpload: boolean;
};

const input =
  'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 ' +
  'focus:outline-none focus:ring-1 focus:ring-indigo-500 aria-[invalid=true]:border-red-500';

/** The control for one field of an API, by its kind. */
export function FieldControl({ field, value, onChange, error, onPick, maxUploadBytes, canUpload }: Props) {
  const id = `field-${field.id}`;
  const label = field.required ? `${field.name} *` : field.name;
  const size = field.imageSize;
  const hint = size ? `Exactly ${size.width} × ${size.height} px` : undefined;
  const media = { maxUploadBytes, canUpload, error, hint, requiredSize: size };
  switch (field.kind) {
    case 'image':
    case 'file':
      return (
        <MediaField
          id={field.id}
          label={field.name}
          accept={field.kind === 'image' ? 'image' : 'any'}
          value={value as MediaRecord | null}
          onChange={onChange}
          {...media}
        />
      );
    case 'multipleImages':
      return (
        <MultipleImagesField
          id={field.id}
          label={field.name}
          value={value as MediaRecord[]}
          onChange={onChange}
          {...media}
        />
      );
    case 'richEditor':
      return (
        <div>
          <FieldLabel id={id} label={label} />
          <div className="mt-1">
            <RichEditor
              id={id}
              labelId={`${id}-label`}
              name={field.id}
              initialHtml={value as string}
              onChange={onChange}
              onPick={onPick}
              invalid={!!error}
              describedBy={`${id}-error`}
            />
          </div>
          <FieldError id={id} message={error} />
        </div>
      );
    case 'boolean':
      return (
        <div>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input
              type="checkbox"
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
              aria-describedby={`${id}-error`}
            />
            {label}
          </label>
          <FieldError id={id} message={error} />
        </div>
      );
    default: {
      const common = {
        id,
        value: value as string,
        required: field.required,
        'aria-invalid': !!error,
        'aria-describedby': describedBy(id),
        className: input,
      };
      return (
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-700">
            {label}
          </label>
          {field.kind === 'textArea' ? (
            <textarea
              {...common}
              rows={5}
              maxLength={TEXT_LIMITS.textArea}
              onChange={(e) => onChange(e.target.value)}
            />
          ) : field.kind === 'number' ? (
            <input {...common} type="number" step="any" onChange={(e) => onChange(e.target.value)} />
          ) : (
            <input {...common} type="text" maxLength={TEXT_LIMITS.text} onChange={(e) => onChange(e.target.value)} />
          )}
          <FieldError id={id} message={error} />
        </div>
      );
    }
  }
}
