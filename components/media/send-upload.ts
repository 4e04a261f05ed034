import type { MediaRecord } from '@/lib/media/present';

/** A refused or failed upload; `status` is the HTTP status, or 0 when no answer came back. */
export class UploadError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'UploadError';
    this.status = status;
  }
}

export const NETWORK_ERROR = 'Network error: the upload did not reach Kura';

/** True for the rejection of an upload stopped through its AbortSignal. */
export const isAbortError = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';

const abortError = () => new DOMException('The upload was cancelled', 'AbortError');

function serverMessage(xhr: XMLHttpRequest): string {
  try {
    const message = (JSON.parse(xhr.responseText) as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
  } catch {}
  return `Upload failed (HTTP ${xhr.status})`;
}

type SendOptions = {
  onProgress?: (loaded: number) => void;
  signal?: AbortSignal;
  /** Default: a new upload, `POST /api/media/upload` answering 201. */
  target?: { method: 'POST' | 'PUT'; url: string; okStatus: number };
};

/**
 * Sends one file (multipart part `file`) and resolves with the media item Kura answers with: a new
 * upload by default, or a re-upload (`replaceTarget`). XMLHttpRequest rather than fetch because only it
 * reports upload progress.
 */
export function sendUpload(file: File, opts: SendOptions = {}): Promise<MediaRecord> {
  const { onProgress, signal, target = { method: 'POST', url: '/api/media/upload', okStatus: 201 } } = opts;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = (outcome: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded);
    xhr.onload = () =>
      settle(() => {
        if (xhr.status !== target.okStatus) return reject(new UploadError(serverMessage(xhr), xhr.status));
        try {
          resolve(JSON.parse(xhr.responseText) as MediaRecord);
        } catch {
          reject(
            new UploadError(
              'The file was stored, but Kura answered with something unreadable; reload the page',
              xhr.status,
            ),
          );
        }
      });
    xhr.onerror = () => settle(() => reject(new UploadError(NETWORK_ERROR, 0)));
    xhr.onabort = () => settle(() => reject(abortError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.open(target.method, target.url);
    xhr.send(body);
  });
}

/** Where a re-upload of media `id` goes: the same URL, or (`newUrl`) a new id and name. */
export const replaceTarget = (id: string, newUrl: boolean) =>
  ({ method: 'PUT', url: `/api/media/${id}/file${newUrl ? '?newUrl=true' : ''}`, okStatus: 200 }) as const;
