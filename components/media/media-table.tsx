'use client';

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { formatBytes } from '@/lib/media/format-bytes';
import type { MediaRecord } from '@/lib/media/present';
import { LocalTime } from './local-time';
import { dimensionsLabel, formatLabel } from './media-format';
import { Thumbnail } from './thumbnail';
import { useLibraryHref } from './use-library-href';

const column = createColumnHelper<MediaRecord>();

export function MediaTable({ items, selectedId }: { items: MediaRecord[]; selectedId?: string }) {
  const router = useRouter();
  const href = useLibraryHref();
  const columns = [
    column.display({ id: 'thumbnail', header: () => <span className="sr-only">Preview</span>, cell: ({ row }) => <Thumbnail item={row.original} size="row" /> }),
    column.accessor('fileName', {
      header: 'Name',
      cell: ({ row, getValue }) => (
        <Link href={href({ selected: row.original.id })} scroll={false} className="block max-w-[28rem] truncate font-medium text-slate-900 hover:text-indigo-700" title={getValue()}>
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
  const table = useReactTable({ data: items, columns, getCoreRowModel: getCoreRowModel(), getRowId: (m) => m.id });

  return (
    <table className="w-full border-separate border-spacing-0 text-sm" aria-label="Media">
      <thead className="sticky top-0 z-10 bg-slate-50">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col" className="border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
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
            className={`cursor-pointer ${row.id === selectedId ? 'bg-indigo-50' : 'bg-white hover:bg-slate-50'}`}
          >
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} className="border-b border-slate-100 px-3 py-2 whitespace-nowrap text-slate-700">
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
