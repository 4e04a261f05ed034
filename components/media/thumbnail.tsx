'use client';

import { useState } from 'react';
import type { MediaRecord } from '@/lib/media/present';

/** The grey-and-white squares behind an image, so transparency shows. */
const CHECKERBOARD =
  'overflow-hidden bg-[conic-gradient(#f1f5f9_25%,#fff_0_50%,#f1f5f9_0_75%,#fff_0)] bg-[length:16px_16px]';

/**
 * A small preview of an image (never the original), or a badge with the file's extension. An opaque image shows its
 * dominant colour until the preview loads; one with transparency, the squares.
 */
export function Thumbnail({ item, size }: { item: MediaRecord; size: 'row' | 'card' }) {
  const [failed, setFailed] = useState(false);
  const box = size === 'row' ? 'h-10 w-10 rounded' : 'aspect-square w-full rounded-t-lg';
  const version = item.versionedUrl.slice(item.versionedUrl.lastIndexOf('?v=') + 3);
  // Images, and videos and PDFs whose poster frame or first page was made at upload.
  if ((item.kind === 'image' || item.hasPreview) && !failed) {
    const placeholder = item.dominantColor && item.hasAlpha === false ? item.dominantColor : null;
    return (
      <div
        className={`${box} ${placeholder ? 'overflow-hidden' : CHECKERBOARD}`}
        style={placeholder ? { backgroundColor: placeholder } : undefined}
        data-placeholder={placeholder ?? undefined}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- our own cached WebP, already small */}
        <img
          src={`/media/thumbnail/${item.id}?v=${version}`}
          alt={item.alt ?? ''}
          loading="lazy"
          onError={() => setFailed(true)}
          className="h-full w-full object-contain"
        />
      </div>
    );
  }
  return (
    <div
      className={`${box} flex items-center justify-center bg-slate-100 text-xs font-semibold uppercase text-slate-600`}
      aria-hidden="true"
    >
      {item.extension || 'file'}
    </div>
  );
}
