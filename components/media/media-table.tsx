'use client';

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { DEFAULT_SORT, SORT_LABELS, type MediaSort } from '@/lib/media/filter-options';
import { formatBytes } from '@/lib/media/format-bytes';
import type { MediaRecord } from '@/lib/media/present';
import { SelectCheckbox } from './library/select-checkbox';
import type { Selection } from './library/use-selection';
import { LocalTime } from './local-time';
import { dimensionsLabel, formatLabel } from './media-format';
import { Thumbnail } from './thumbnail';
import { useLibraryHref } from './use-library-href';

const column = createColumnHelper<MediaRecord>();

/** The columns a click on the header sorts by, and the direction a first click picks. */
const SORTABLE: Record<string, { key: 'name' | 'size' | 'created'; first: MediaSort }> = {
  fileName: { key: 'name', first: 'name' },
  size: { key: 'size', first: '-size' },
  createdAt: { key: 'created', first: '-created' },
};

/** `aria-sort` of a column under the current sort, and the sort a click on its header asks for. */
export function columnSort(columnId: string, sort: MediaSort) {
  const sortable = SORTABLE[columnId];
  if (!sortable) return null;
  const direction = sort === sortable.key ? 'ascending' : sort === `-${sortable.key}` ? 'descending' : 'none';
  const next: MediaSort =
    direction === 'none' ? sortable.first : direction === 'ascending' ? `-${sortable.key}` : sortable.key;
  return { direction, next } as const;
}

type Props = {
  items: MediaRecord[];
  /** The item open in the detail panel. */
  selectedId?: string;
  /** Checked items for the bulk bar; without it there are no checkboxes. */
  selection?: Selection;
  /** The list's order: Name, Size and Created headers show it and change it. */
  sort: MediaSort;
};

export function MediaTable({ items, selectedId, selection, sort }: Props) {
  const router = useRouter();
  const href = useLibraryHref();
  const columns = [
    ...(selection
      ? [
          column.display({
            id: 'select',
            header: () => (
              <SelectCheckbox
                label="Select all"
                checked={selection.all === 'all'}
                indeterminate={selection.all === 'some'}
                onToggle={(checked) => selection.setAll(checked)}
              />
            ),
            cell: ({ row }) => (
              <label className="flex cursor-pointer items-center py-3 pr-1 pl-4">
                <SelectCheckbox
                  label={`Select ${row.original.fileName}`}
                  checked={selection.has(row.id)}
                  onToggle={(checked, shift) => selection.toggle(row.id, checked, shift)}
                />
              </label>
            ),
          }),
        ]
      : []),
    column.display({
      id: 'thumbnail',
      header: () => <span className="sr-only">Preview</span>,
      cell: ({ row }) => <Thumbnail item={row.original} size="row" />,
    }),
    column.accessor('fileName', {
      header: 'Name',
      cell: ({ row, getValue }) => (
        <Link
          href={href({ selected: row.original.id })}
          scroll={false}
          className="block max-w-[28rem] truncate font-medium text-slate-900 hover:text-indigo-700"
          title={getValue()}
        >
          {getValue()}
        </Link>
      ),
    }),
    column.accessor((m) => formatLabel(m), { id: 'format', header: 'Format' }),
    column.accessor('size', { header: 'Size', cell: ({ getValue }) => formatBytes(getValue()) }),
    column.accessor((m) => dimensionsLabel(m), { id: 'dimensions', header: 'Dimensions' }),
    column.accessor((m) => m.creator?.name ?? '—', { id: 'creator', header: 'Creator' }),
    column.accessor('createdAt', { header: 'Created', cell: ({ getValue }) => <LocalTime iso={getValue()} /> }),
  ];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table; Kura does not use the React Compiler
  const table = useReactTable({ data: items, columns, getCoreRowModel: getCoreRowModel(), getRowId: (m) => m.id });

  return (
    <table className="w-full border-separate border-spacing-0 text-sm" aria-label="Media">
      <thead className="sticky top-0 z-10 bg-slate-50">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorting = columnSort(header.column.id, sort);
              const label = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={sorting?.direction}
                  className={
                    `border-b border-slate-200 py-2 text-left text-xs font-semibold uppercase tracking-wide ` +
                    `text-slate-500 ${header.column.id === 'select' ? 'w-10 pr-1 pl-4' : 'px-3'}`
                  }
                >
                  {sorting ? (
                    <Link
                      href={href({ sort: sorting.next === DEFAULT_SORT ? null : sorting.next, page: null })}
                      scroll={false}
                      title={`Sort: ${SORT_LABELS[sorting.next]}`}
                      className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                    >
                      {label}
                      <SortArrow direction={sorting.direction} />
                    </Link>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            data-media-id={row.id}
            aria-selected={row.id === selectedId}
            onClick={() => router.push(href({ selected: row.id }), { scroll: false })}
            data-checked={selection?.has(row.id) || undefined}
            className={
              'cursor-pointer ' +
              (row.id === selectedId
                ? 'bg-indigo-50'
                : selection?.has(row.id)
                  ? 'bg-indigo-50/50 hover:bg-indigo-50'
                  : 'bg-white hover:bg-slate-50')
            }
          >
            {row.getVisibleCells().map((cell) =>
              cell.column.id === 'select' ? (
                // The cell around the checkbox is its target too, and no click in it opens the panel.
                <td
                  key={cell.id}
                  onClick={(e) => e.stopPropagation()}
                  className="w-10 cursor-default border-b border-slate-100 p-0"
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ) : (
                <td key={cell.id} className="border-b border-slate-100 px-3 py-2 whitespace-nowrap text-slate-700">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** ▲, ▼ or a faint ↕ beside a sortable header (drawn, so the header's text stays its name). */
function SortArrow({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  const path =
    direction === 'ascending' ? 'M5 2 9 8H1z' : direction === 'descending' ? 'M5 8 1 2h8z' : 'M5 1 8 4H2zM5 9 2 6h6z';
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 10 10"
      className={`size-2.5 ${direction === 'none' ? 'text-slate-300' : 'text-slate-600'}`}
      fill="currentColor"
    >
      <path d={path} />
    </svg>
  );
}
