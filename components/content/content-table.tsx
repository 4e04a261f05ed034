import Link from 'next/link';
import { LocalTime } from '@/components/media/local-time';
import type { ContentPage, ContentSortColumn } from '@/lib/content/list-content-page';

const COLUMNS: { column: ContentSortColumn; label: string }[] = [
  { column: 'title', label: 'Title' },
  { column: 'id', label: 'Id' },
  { column: 'createdAt', label: 'Created' },
  { column: 'updatedAt', label: 'Updated' },
];

/** The admin list's URL: the current search and sort, with the changes given (page 1 unless told). */
function hrefOf(list: ContentPage, change: { sort?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (list.q) params.set('q', list.q);
  const sort = change.sort ?? `${list.sort.descending ? '-' : ''}${list.sort.column}`;
  if (sort !== '-createdAt') params.set('sort', sort);
  if (change.page && change.page > 1) params.set('page', String(change.page));
  const query = params.toString();
  return query ? `?${query}` : '?';
}

/** Search box, sortable table (each header a link; `aria-sort` on the sorted one) and paging of a list API. */
export function ContentTable({ list }: { list: ContentPage }) {
  const { endpoint } = list.api;
  return (
    <>
      <form role="search" method="get" className="mt-6 flex items-center gap-3">
        <input
          type="search"
          name="q"
          aria-label="Search content"
          placeholder="Search text, text-area and rich-editor fields"
          defaultValue={list.q}
          maxLength={200}
          className={
            'w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm ' +
            'placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200'
          }
        />
        {(list.sort.column !== 'createdAt' || !list.sort.descending) && (
          <input type="hidden" name="sort" value={`${list.sort.descending ? '-' : ''}${list.sort.column}`} />
        )}
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          Search
        </button>
        <span className="ml-auto whitespace-nowrap text-sm text-slate-500" aria-live="polite">
          {list.total === 1 ? '1 item' : `${list.total.toLocaleString('en-US')} items`}
        </span>
      </form>
      {list.rows.length === 0 ? (
        <p className="mt-10 text-center text-sm text-slate-500">
          {list.q ? `Nothing matches “${list.q}”.` : 'No content yet.'}
        </p>
      ) : (
        <table className="mt-4 w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {COLUMNS.map(({ column, label }) => {
                const sorted = list.sort.column === column;
                const sortable = list.sortable.includes(column);
                // A click on the sorted column turns it round; another column starts ascending (dates: newest first).
                const next = sorted ? !list.sort.descending : column === 'createdAt' || column === 'updatedAt';
                return (
                  <th
                    key={column}
                    scope="col"
                    className="px-4 py-2 font-medium"
                    aria-sort={sorted ? (list.sort.descending ? 'descending' : 'ascending') : undefined}
                  >
                    {sortable ? (
                      <Link
                        href={hrefOf(list, { sort: `${next ? '-' : ''}${column}` })}
                        className="hover:text-slate-800"
                      >
                        {label}
                        <span aria-hidden="true" className="ml-1">
                          {sorted ? (list.sort.descending ? '↓' : '↑') : ''}
                        </span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                <td className="px-4 py-2">
                  <Link href={`/apis/${endpoint}/${row.id}`} className="font-medium text-indigo-700 hover:underline">
                    {row.title}
                  </Link>
                </td>
                <td className="px-4 py-2 font-mono text-xs text-slate-500">{row.id}</td>
                <td className="px-4 py-2 text-slate-600">
                  <LocalTime iso={row.createdAt} />
                </td>
                <td className="px-4 py-2 text-slate-600">
                  <LocalTime iso={row.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-center gap-4 text-sm">
          {list.page > 1 ? (
            <Link href={hrefOf(list, { page: list.page - 1 })}>← Previous</Link>
          ) : (
            <span className="text-slate-300" aria-disabled="true">
              ← Previous
            </span>
          )}
          <span className="text-slate-500">
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount ? (
            <Link href={hrefOf(list, { page: list.page + 1 })}>Next →</Link>
          ) : (
            <span className="text-slate-300" aria-disabled="true">
              Next →
            </span>
          )}
        </nav>
      )}
    </>
  );
}
