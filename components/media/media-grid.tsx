'use client';

import Link from 'next/link';
import { formatBytes } from '@/lib/media/format-bytes';
import type { MediaRecord } from '@/lib/media/present';
import { dimensionsLabel } from './media-format';
import { Thumbnail } from './thumbnail';
import { useLibraryHref } from './use-library-href';

export function MediaGrid({ items, selectedId }: { items: MediaRecord[]; selectedId?: string }) {
  const href = useLibraryHref();
  return (
    <ul className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-4 p-4" aria-label="Media">
      {items.map((item) => (
        <li key={item.id} data-media-id={item.id}>
          <Link
            href={href({ selected: item.id })}
            scroll={false}
            aria-current={item.id === selectedId ? 'true' : undefined}
            className={`block rounded-lg border bg-white shadow-sm transition hover:shadow ${item.id === selectedId ? 'border-indigo-500 ring-2 ring-indigo-200' : 'border-slate-200'}`}
          >
            <Thumbnail item={item} size="card" />
            <div className="px-2.5 py-2">
              <p className="truncate text-sm font-medium text-slate-900" title={item.fileName}>
                {item.fileName}
              </p>
              <p className="text-xs text-slate-500">
                {formatBytes(item.size)}
                {item.kind === 'image' && ` · ${dimensionsLabel(item)}`}
              </p>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
