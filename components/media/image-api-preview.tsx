'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import type { PreviewUrls } from '@/lib/image-api/preview-urls';
import { formatBytes } from '@/lib/media/format-bytes';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { CopyButton } from './copy-button';

/** One transform: the result, its URL to copy and its size in bytes. */
function Transform({ url, params }: { url: string; params: string }) {
  const [bytes, setBytes] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Ask as an <img> does, so auto=format reports the size the browser really gets.
    fetch(url, { method: 'HEAD', headers: { Accept: 'image/avif,image/webp,image/*,*/*;q=0.8' } })
      .then(async (res) => {
        if (!live) return;
        if (res.ok) setBytes(Number(res.headers.get('content-length')));
        else
          setError(
            (
              (await fetch(url)
                .then((r) => r.json())
                .catch(() => null)) as { message?: string } | null
            )?.message ?? `HTTP ${res.status}`,
          );
      })
      .catch(() => live && setError('Not reachable'));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-2" aria-label={`Preview ${params}`}>
      <div
        className={
          'flex h-40 items-center justify-center ' +
          'bg-[conic-gradient(#f1f5f9_25%,#fff_0_50%,#f1f5f9_0_75%,#fff_0)] bg-[length:16px_16px]'
        }
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- the point is to show the Image API's own output */}
        {!error && <img src={url} alt={`Result of ${params}`} className="max-h-40 max-w-full object-contain" />}
        {error && (
          <p role="alert" className="px-2 text-center text-xs text-red-600">
            {error}
          </p>
        )}
      </div>
      <figcaption className="mt-2 space-y-1">
        <code className="block truncate text-xs text-slate-700" title={url}>
          ?{params}
        </code>
        <div className="flex items-center justify-between gap-2">
          <span className="text-xs text-slate-500" data-testid="preview-bytes">
            {bytes !== null ? formatBytes(bytes) : '…'}
          </span>
          <CopyButton value={url} label="Copy" />
        </div>
      </figcaption>
    </figure>
  );
}

/**
 * "Image API preview": several transforms side by side, a field for any parameters, and an srcset snippet.
 * Every URL comes from the server (`previewUrls`), signed there when Kura signs its Image API URLs;
 * "Show" puts the typed parameters into the page's URL (`try=`) so the server can sign them too.
 */
export function ImageApiPreview({
  urls,
  fileName,
  alt,
  bucketUrl = false,
}: {
  urls: PreviewUrls;
  fileName: string;
  alt: string;
  bucketUrl?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // Open on arrival when the URL carries parameters being tried ("Show" reloads the page's data with them).
  const [open, setOpen] = useState(() => Boolean(searchParams?.has('try')));
  const titleId = useId();
  const [custom, setCustom] = useState(urls.tried.params);
  const { src, srcset } = urls.snippet;
  const snippet =
    `<img src="${src}" srcset="${srcset}" sizes="(max-width: ` +
    `640px) 100vw, 640px" alt="${alt.replace(/"/g, '&quot;')}">`;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Image API preview
      </button>
      {open && (
        <ModalDialog labelledBy={titleId} onClose={() => setOpen(false)}>
          <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
            <h2 id={titleId} className="min-w-0 truncate text-base font-semibold">
              Image API preview of {fileName}
            </h2>
            <button
              type="button"
              onClick={() => setOpen(false)}
              aria-label="Close the preview"
              className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
            >
              ✕
            </button>
          </div>
          <div
            className="max-h-[calc(100vh-8rem)] space-y-4 overflow-y-auto p-5"
            aria-label={`Image API preview of ${fileName}`}
            role="region"
          >
            {bucketUrl && (
              <p
                className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900"
                data-testid="image-api-bucket-note"
              >
                This media&apos;s delivery URL points straight at the S3 bucket, where the Image API does not apply.
                These transforms use its Kura URL, which serves the same file.
              </p>
            )}
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {urls.presets.map((p) => (
                <Transform key={p.params} url={p.url} params={p.params} />
              ))}
            </div>
            <form
              className="space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                const next = new URLSearchParams(searchParams?.toString());
                next.set('try', custom.replace(/^[?&]+/, ''));
                router.replace(`${pathname}?${next}`, { scroll: false });
              }}
            >
              <label
                htmlFor="image-api-params"
                className="block text-xs font-medium uppercase tracking-wide text-slate-500"
              >
                Try parameters
              </label>
              <div className="flex gap-2">
                <input
                  id="image-api-params"
                  value={custom}
                  onChange={(e) => setCustom(e.target.value)}
                  className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 font-mono text-xs"
                />
                <button type="submit" className="rounded-md bg-slate-900 px-3 py-1 text-xs font-medium text-white">
                  Show
                </button>
              </div>
              {urls.tried.params && <Transform key={urls.tried.url} url={urls.tried.url} params={urls.tried.params} />}
            </form>
            <div className="space-y-2">
              <label
                htmlFor="image-api-snippet"
                className="block text-xs font-medium uppercase tracking-wide text-slate-500"
              >
                Responsive image snippet
              </label>
              <textarea
                id="image-api-snippet"
                readOnly
                value={snippet}
                rows={4}
                className="w-full rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs"
              />
              <CopyButton value={snippet} label="Copy snippet" />
            </div>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
