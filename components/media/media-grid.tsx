'use client';

import Link from 'next/link';
import { formatBytes } from '@/lib/media/format-bytes';
import type { MediaRecord } from '@/lib/media/present';
import { SelectCheckbox } from './library/select-checkbox';
import type { Selection } from './library/use-selection';
import { dimensionsLabel } from './media-format';
import { Thumbnail } from './thumbnail';
import { useLibraryHref } from './use-library-href';

type Props = {
  items: MediaRecord[];
  /** The item open in the detail panel. */
  selectedId?: string;
  /** Checked items for the bulk bar; without it there are no checkboxes. */
  selection?: Selection;
};

export function MediaGrid({ items, selectedId, selection }: Props) {
  const href = useLibraryHref();
  const selecting = selection && selection.all !== 'none';
  return (
    <div className="p-4">
      {selection && (
        <label className="mb-3 inline-flex cursor-pointer items-center gap-2 text-sm text-slate-600">
          <SelectCheckbox
            label="Select all"
            checked={selection.all === 'all'}
            indeterminate={selection.all === 'some'}
            onToggle={(checked) => selection.setAll(checked)}
          />
          <span aria-hidden="true">Select all</span>
        </label>
      )}
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-4" aria-label="Media">
        {items.map((item) => {
          const checked = selection?.has(item.id) ?? false;
          return (
            <li key={item.id} data-media-id={item.id} data-checked={checked || undefined} className="group relative">
              <Link
                href={href({ selected: item.id })}
                scroll={false}
                aria-current={item.id === selectedId ? 'true' : undefined}
                className={`block rounded-lg border bg-white shadow-sm transition hover:shadow ${
                  item.id === selectedId
                    ? 'border-indigo-500 ring-2 ring-indigo-200'
                    : checked
                      ? 'border-indigo-400 ring-1 ring-indigo-300'
                      : 'border-slate-200'
                }`}
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
              {selection && (
                // Beside the link, not inside it: a checkbox inside a link would be both at once.
                <div
                  className={
                    `absolute top-2 left-2 flex rounded bg-white/90 p-1 ` +
                    `shadow-sm transition-opacity focus-within:opacity-100 ` +
                    (`group-hover:opacity-100 pointer-coarse:opacity-100 ` +
                      `${checked || selecting ? 'opacity-100' : 'opacity-0'}`)
                  }
                >
                  <SelectCheckbox
                    label={`Select ${item.fileName}`}
                    checked={checked}
                    onToggle={(on, shift) => selection.toggle(item.id, on, shift)}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
