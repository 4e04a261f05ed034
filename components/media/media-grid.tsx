'use client';

import Link from 'next/link';
import { useState } from 'react';
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

/** How many cards sit on the first row: what ArrowUp and ArrowDown move by. */
function columnsOf(list: HTMLElement): number {
  const cards = [...list.children] as HTMLElement[];
  const top = cards[0]?.offsetTop;
  return Math.max(1, cards.filter((c) => c.offsetTop === top).length);
}

/** Where a key moves from card `i` of `n` in rows of `columns`; null for keys the grid leaves alone. */
function moveTo(key: string, i: number, n: number, columns: number): number | null {
  const to = {
    ArrowLeft: i - 1,
    ArrowRight: i + 1,
    ArrowUp: i - columns,
    ArrowDown: i + columns,
    Home: 0,
    End: n - 1,
  }[key];
  return to === undefined ? null : Math.min(n - 1, Math.max(0, to));
}

/**
 * The library as cards: one tab stop for the whole grid (a roving tabindex), arrow keys, Home and End move between
 * cards, Enter opens one in the panel and Space selects it.
 */
export function MediaGrid({ items, selectedId, selection }: Props) {
  const href = useLibraryHref();
  const selecting = selection && selection.all !== 'none';
  const [focused, setFocused] = useState<string | null>(null);
  // The tab stop: the card last focused, else the open item, else the first.
  const current = [focused, selectedId].find((id) => id && items.some((m) => m.id === id)) ?? items[0]?.id;

  const onKeyDown = (e: React.KeyboardEvent<HTMLAnchorElement>, i: number) => {
    const item = items[i];
    if (e.key === ' ' && selection) {
      e.preventDefault();
      selection.toggle(item.id, !selection.has(item.id), e.shiftKey);
      return;
    }
    const list = e.currentTarget.closest('ul');
    const to = list && moveTo(e.key, i, items.length, columnsOf(list));
    if (to === null || !list) return;
    e.preventDefault();
    list.querySelectorAll<HTMLElement>(':scope > li > a')[to]?.focus();
  };
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
      <p id="grid-keys" className="sr-only">
        Arrow keys move between items, Enter opens one, Space selects it.
      </p>
      <ul
        className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-4"
        aria-label="Media"
        aria-describedby="grid-keys"
      >
        {items.map((item, i) => {
          const checked = selection?.has(item.id) ?? false;
          return (
            <li key={item.id} data-media-id={item.id} data-checked={checked || undefined} className="group relative">
              <Link
                href={href({ selected: item.id })}
                scroll={false}
                tabIndex={item.id === current ? 0 : -1}
                onFocus={() => setFocused(item.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
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
                    {checked && <span className="sr-only"> (selected)</span>}
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
                    tabIndex={-1}
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
