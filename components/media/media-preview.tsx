import { kindFilterOf } from '@/lib/media/filter-options';
import type { MediaRecord } from '@/lib/media/present';
import { durationLabel } from './media-format';

/** The grey-and-white squares behind an image, so transparency shows. */
const CHECKERBOARD = 'bg-[conic-gradient(#f1f5f9_25%,#fff_0_50%,#f1f5f9_0_75%,#fff_0)] bg-[length:16px_16px]';

/** The library's cached thumbnail of this version (an image, a video's poster frame, a PDF's first page). */
export const thumbnailUrl = (item: Pick<MediaRecord, 'id' | 'versionedUrl'>) =>
  `/media/thumbnail/${item.id}?v=${item.versionedUrl.slice(item.versionedUrl.lastIndexOf('?v=') + 3)}`;

/**
 * The top of the detail panel: the image, a video player with its poster frame, an audio player, or a PDF's
 * first page; nothing for other files. Without a poster or page (the server lacks ffmpeg or pdftoppm) it says so.
 */
export function MediaPreview({ item }: { item: MediaRecord }) {
  const kind = kindFilterOf(item);
  if (kind === 'other') return null;
  const text = caption(item, kind);
  return (
    <figure
      className={`border-b border-slate-100 p-4 ${kind === 'image' || kind === 'pdf' ? CHECKERBOARD : 'bg-slate-50'}`}
      data-testid="media-preview"
    >
      {kind === 'image' && (
        // eslint-disable-next-line @next/next/no-img-element -- the cached preview, not the original
        <img src={thumbnailUrl(item)} alt={item.alt ?? ''} className="mx-auto max-h-56 object-contain" />
      )}
      {kind === 'video' && (
        <video
          controls
          preload="metadata"
          src={item.url}
          poster={item.hasPreview ? thumbnailUrl(item) : undefined}
          aria-label={`Play ${item.fileName}`}
          className="mx-auto max-h-56 w-full rounded bg-black"
        />
      )}
      {kind === 'audio' && (
        <audio controls preload="metadata" src={item.url} aria-label={`Play ${item.fileName}`} className="w-full" />
      )}
      {kind === 'pdf' && item.hasPreview && (
        <a href={item.url} target="_blank" rel="noopener noreferrer" className="block">
          {/* eslint-disable-next-line @next/next/no-img-element -- the cached page image, not the original */}
          <img
            src={thumbnailUrl(item)}
            alt={`First page of ${item.fileName}`}
            className="mx-auto max-h-56 border border-slate-200 bg-white object-contain shadow-sm"
          />
        </a>
      )}
      {text && (
        <figcaption className="mt-2 text-center text-xs text-slate-600" data-testid="media-preview-caption">
          {text}
        </figcaption>
      )}
    </figure>
  );
}

function caption(item: MediaRecord, kind: ReturnType<typeof kindFilterOf>): string {
  if (kind === 'image') return '';
  if (kind === 'pdf') {
    const pages = item.pageCount ? `${item.pageCount} ${item.pageCount === 1 ? 'page' : 'pages'}` : '';
    if (item.hasPreview) return pages;
    return [pages, 'No page preview: the server could not read this PDF (it needs poppler-utils)']
      .filter(Boolean)
      .join(' · ');
  }
  const length = item.duration !== undefined ? `Duration ${durationLabel(item.duration)}` : '';
  if (kind === 'video' && !item.hasPreview)
    return [length, 'No poster frame: the server could not read this video (it needs ffmpeg)']
      .filter(Boolean)
      .join(' · ');
  return length || 'Duration unknown (the server needs ffmpeg to read it)';
}
