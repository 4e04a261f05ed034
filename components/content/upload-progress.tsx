import { formatBytes } from '@/lib/media/format-bytes';
import type { UploadProgressState } from './use-media-upload';

/** The bar under a media field or in the picker while a file is on its way. */
export function UploadProgress({ progress, onStop }: { progress: UploadProgressState; onStop: () => void }) {
  const { fileName, loaded, size, index, count } = progress;
  const percent = size ? Math.min(100, Math.round((loaded / size) * 100)) : 100;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2" data-testid="upload-progress">
      <div className="flex items-center justify-between gap-2 text-xs">
        <span className="truncate font-medium text-slate-700" title={fileName}>
          Uploading {fileName}
          {count > 1 && ` (${index + 1} of ${count})`}
        </span>
        <span className="shrink-0 text-slate-500">
          {formatBytes(loaded)} of {formatBytes(size)}
        </span>
        {/* Named "Stop", not "Cancel upload", so it never shadows the dialog's Cancel or Upload buttons. */}
        <button
          type="button"
          onClick={onStop}
          aria-label={`Stop sending ${fileName}`}
          className="shrink-0 text-slate-600 hover:text-red-600"
        >
          Stop
        </button>
      </div>
      <progress
        className={
          'mt-1 h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-100 ' +
          '[&::-webkit-progress-value]:bg-indigo-500'
        }
        max={100}
        value={percent}
        aria-label={`Progress of ${fileName}`}
      />
    </div>
  );
}
