'use client';

import { useRef, useState } from 'react';
import { ReplaceDialog } from './replace-dialog';

/** Re-upload in the panel's action row: pick a file, then confirm how to replace the current one. */
export function ReuploadButton({ id, fileName, kind }: { id: string; fileName: string; kind: 'image' | 'file' }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
      >
        Re-upload
      </button>
      <input
        ref={input}
        type="file"
        hidden
        // A hint for the file chooser only: the server decides the kind from the bytes.
        accept={kind === 'image' ? 'image/*' : undefined}
        data-testid="reupload-input"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again still opens the dialog
          if (chosen) setFile(chosen);
        }}
      />
      {file && <ReplaceDialog id={id} fileName={fileName} kind={kind} file={file} close={() => setFile(null)} />}
    </>
  );
}
