'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { extensionOf } from '@/lib/media/file-name';
import { formatBytes } from '@/lib/media/format-bytes';
import { isAbortError, replaceTarget, sendUpload } from '../send-upload';
import { useLibraryHref } from '../use-library-href';
import { ConfirmBox } from '@/components/ui/confirm-box';
import { EditDialog } from '@/components/ui/edit-dialog';
import { useToast } from '@/components/ui/toasts';

type Props = { id: string; fileName: string; kind: 'image' | 'file'; file: File; close: () => void };

/** "Replace this file?": same URL by default, or a new one; sends the file with a progress bar. */
export function ReplaceDialog({ id, fileName, kind, file, close }: Props) {
  const router = useRouter();
  const href = useLibraryHref();
  const toast = useToast();
  const [newUrl, setNewUrl] = useState(false);
  const [mismatchConfirmed, setMismatchConfirmed] = useState(false);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  const sending = useRef<AbortController | null>(null);
  const errorId = useId();

  useEffect(() => () => sending.current?.abort(), []); // closing the dialog stops the upload

  // A PNG over photo.jpg keeps the .jpg URL while served as a PNG: said, and confirmed, before it happens.
  const [current, chosen] = [extensionOf(fileName), extensionOf(file.name)];
  const mismatch = !newUrl && current !== chosen;

  const upload = async () => {
    if (mismatch && !mismatchConfirmed)
      return setError(`Confirm that the URL keeps .${current || '(no extension)'}, or replace with a new URL`);
    const controller = new AbortController();
    sending.current = controller;
    setError(null);
    setLoaded(0);
    try {
      const replaced = await sendUpload(file, {
        target: replaceTarget(id, newUrl),
        onProgress: setLoaded,
        signal: controller.signal,
      });
      sending.current = null;
      close();
      toast(replaced.id === id ? `Replaced ${fileName}` : `Uploaded ${replaced.fileName} under a new URL`);
      if (replaced.id !== id) router.push(href({ selected: replaced.id }), { scroll: false });
      else router.refresh();
    } catch (err) {
      if (isAbortError(err)) return;
      setError(err instanceof Error ? err.message : String(err));
      setLoaded(null);
    }
  };

  const percent = loaded === null ? 0 : file.size ? Math.min(100, Math.round((loaded / file.size) * 100)) : 100;
  return (
    <EditDialog
      title="Replace this file?"
      submitLabel="Upload"
      errorId={errorId}
      error={error}
      pending={loaded !== null}
      initialFocus={checkbox}
      onSubmit={upload}
      onCancel={close}
    >
      <p className="text-sm text-slate-700">
        Replace <span className="break-all font-medium">{fileName}</span> with{' '}
        <span className="break-all font-medium">{file.name}</span> ({formatBytes(file.size)}).
      </p>
      <p className="text-sm text-slate-700" data-testid="replace-explanation">
        {newUrl
          ? `The file gets a new id and its own name (${file.name}), so its ` +
            `URL changes and the old URL stops working at once. Content using ` +
            (`it is updated to the new URL. The new file must be ` +
              `${kind === 'image' ? 'an image' : 'a file, not an image'}; alt text is reset.`)
          : 'The URL stays the same; the new file must be of the same kind (image or file); alt text is reset.'}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input
          ref={checkbox}
          type="checkbox"
          checked={newUrl}
          disabled={loaded !== null}
          onChange={(e) => setNewUrl(e.target.checked)}
          aria-describedby={errorId}
        />
        Replace with a new URL
      </label>
      {mismatch && (
        <ConfirmBox
          label={`Keep ${current ? `the .${current}` : 'this'} URL anyway`}
          checked={mismatchConfirmed}
          disabled={loaded !== null}
          onChange={(on) => {
            setMismatchConfirmed(on);
            setError(null);
          }}
        >
          The new file is {chosen ? `a .${chosen}` : 'without an extension'}, but the URL keeps the name{' '}
          <span className="break-all font-medium">{fileName}</span>. Replace with a new URL to give it a name that
          matches.
        </ConfirmBox>
      )}
      {loaded !== null && (
        <div className="space-y-1">
          <progress
            className={
              'h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-100 ' +
              '[&::-webkit-progress-value]:bg-indigo-500'
            }
            max={100}
            value={percent}
            aria-label={`Progress of ${file.name}`}
          />
          <p className="text-xs text-slate-500">
            {formatBytes(loaded)} of {formatBytes(file.size)}
          </p>
        </div>
      )}
    </EditDialog>
  );
}
