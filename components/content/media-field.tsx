'use client';

import { useRef, useState } from 'react';
import { formatBytes } from '@/lib/media/format-bytes';
import type { MediaRecord } from '@/lib/media/present';
import { dimensionsLabel } from '@/components/media/media-format';
import { Thumbnail } from '@/components/media/thumbnail';
import { describedBy, MediaFieldFrame, secondaryButton } from './field-frame';
import { MediaPickerDialog } from './media-picker';
import { joinMessages, type Size } from './media-rules';
import { useFileDrop } from '@/components/media/use-file-drop';
import { useLatest } from './use-latest';
import { useMediaUpload } from './use-media-upload';

export type MediaFieldProps = {
  id: string;
  label: string;
  accept: 'image' | 'any';
  value: MediaRecord | null;
  onChange: (value: MediaRecord | null) => void;
  requiredSize?: Size;
  maxUploadBytes: number;
  canUpload: boolean;
  error?: string;
  hint?: string;
};

/** One image or file: shows the choice, opens the picker, takes a file dropped from the desktop. */
export function MediaField({
  id,
  label,
  accept,
  value,
  onChange,
  requiredSize,
  maxUploadBytes,
  canUpload,
  error,
  hint,
}: MediaFieldProps) {
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const latestOnChange = useLatest(onChange);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const uploader = useMediaUpload({ accept, requiredSize, maxUploadBytes });

  const set = (item: MediaRecord | null) => {
    setMessage(null);
    latestOnChange.current(item);
  };
  const drop = useFileDrop(async (files) => {
    if (files.length === 0) return;
    setMessage(null);
    const messages = await uploader.uploadFiles(files.slice(0, 1), set);
    if (files.length > 1) messages.push(`${label} takes one file; only ${files[0].name} was used.`);
    if (messages.length) setMessage(joinMessages(messages));
  }, canUpload && !uploader.busy);

  const describedById = describedBy(id, hint);
  return (
    <MediaFieldFrame
      id={id}
      label={label}
      hint={hint}
      drop={drop}
      dropText={accept === 'image' ? 'Drop an image to use it' : 'Drop a file to use it'}
      box={
        'flex flex-wrap items-center gap-3 ' +
        (error || message ? 'border-red-300' : value ? 'border-slate-200' : 'border-dashed border-slate-300')
      }
      uploader={uploader}
      message={message ?? error}
      dialog={
        <MediaPickerDialog
          open={picking}
          accept={accept}
          requiredSize={requiredSize}
          maxUploadBytes={maxUploadBytes}
          canUpload={canUpload}
          onClose={() => setPicking(false)}
          onPick={(item) => {
            setPicking(false);
            set(item);
          }}
        />
      }
    >
      {value ? (
        <div
          className="flex min-w-0 flex-1 items-center gap-3"
          data-testid="media-field-value"
          data-media-id={value.id}
        >
          <div className="shrink-0">
            <Thumbnail item={value} size="row" />
          </div>
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-slate-900" title={value.fileName}>
              {value.fileName}
            </p>
            <p className="text-xs text-slate-500">
              {formatBytes(value.size)}
              {value.kind === 'image' && ` · ${dimensionsLabel(value)}`}
            </p>
          </div>
        </div>
      ) : (
        <p className="min-w-0 flex-1 text-sm text-slate-500">
          {canUpload ? 'Drop a file here or choose one' : 'Nothing chosen yet'}
        </p>
      )}
      <div className="flex shrink-0 gap-2">
        <button
          ref={chooseButton}
          type="button"
          onClick={() => setPicking(true)}
          disabled={uploader.busy}
          aria-describedby={describedById}
          className={secondaryButton}
        >
          Choose {label}
        </button>
        {value && (
          <button
            type="button"
            onClick={() => {
              set(null);
              chooseButton.current?.focus();
            }}
            className={`${secondaryButton} hover:text-red-700`}
          >
            Remove {label}
          </button>
        )}
      </div>
    </MediaFieldFrame>
  );
}
