'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@/lib/media/library-query';
import type { MediaPage } from '@/lib/media/list-media-page';
import { useLibraryHref } from '../use-library-href';

/**
 * The page numbers shown: the first and last, and two either side of the current one; `null` is a gap.
 * @example pageWindow(6, 20) // [1, null, 4, 5, 6, 7, 8, null, 20]
 */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const shown = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((p, i) =>
    i > 0 && p - sorted[i - 1] > 2 ? [null, p] : i > 0 && p - sorted[i - 1] === 2 ? [p - 1, p] : [p],
  );
}

const pageLink = 'min-w-8 rounded px-2 py-1 text-center';
const smallInput =
  'rounded-md border border-slate-300 px-2 py-1 text-sm ' +
  'focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';

/** Previous, numbered pages, Next, a page to jump to and the page size: the library's pages, kept in the URL. */
export function Pager({ list, perPage }: { list: MediaPage; perPage: number }) {
  const href = useLibraryHref();
  const router = useRouter();
  const sizeId = useId();
  const jumpId = useId();
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | null>(null);
  const { page, pageCount, totalIsAtLeast } = list;
  const to = (p: number) => href({ page: p === 1 ? null : String(p) });
  if (pageCount <= 1 && perPage === DEFAULT_PAGE_SIZE && list.total <= DEFAULT_PAGE_SIZE) return null;

  return (
    <nav
      aria-label="Pages"
      className={
        'flex flex-wrap items-center justify-center gap-x-4 gap-y-2 ' +
        'border-t border-slate-200 bg-white px-3 py-2 text-sm'
      }
    >
      <div className="flex items-center gap-1">
        {page > 1 ? (
          <Link href={to(page - 1)} className={`${pageLink} hover:bg-slate-100`}>
            ← Previous
          </Link>
        ) : (
          <span className={`${pageLink} text-slate-300`} aria-disabled="true">
            ← Previous
          </span>
        )}
        <ol className="flex items-center gap-0.5" aria-label="Page numbers">
          {pageWindow(page, pageCount).map((p, i) =>
            p === null ? (
              <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-400">
                …
              </li>
            ) : (
              <li key={p}>
                <Link
                  href={to(p)}
                  aria-label={`Page ${p}`}
                  aria-current={p === page ? 'page' : undefined}
                  className={
                    `${pageLink} inline-block ` +
                    (p === page ? 'bg-slate-900 font-medium text-white' : 'text-slate-700 hover:bg-slate-100')
                  }
                >
                  {p}
                  {p === pageCount && totalIsAtLeast ? '+' : ''}
                </Link>
              </li>
            ),
          )}
        </ol>
        {page < pageCount ? (
          <Link href={to(page + 1)} className={`${pageLink} hover:bg-slate-100`}>
            Next →
          </Link>
        ) : (
          <span className={`${pageLink} text-slate-300`} aria-disabled="true">
            Next →
          </span>
        )}
      </div>
      <span className="text-slate-500">
        Page {page} of {pageCount}
        {totalIsAtLeast ? '+' : ''}
      </span>
      {pageCount > 1 && (
        <form
          className="flex items-center gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            const wanted = Math.trunc(Number(jump));
            if (jump.trim() === '' || !Number.isFinite(wanted) || wanted < 1)
              return setJumpError(`Type a page number from 1 to ${pageCount}${totalIsAtLeast ? '+' : ''}`);
            setJumpError(null);
            setJump('');
            router.push(to(Math.min(wanted, pageCount)));
          }}
        >
          <label htmlFor={jumpId} className="text-slate-600">
            Go to page
          </label>
          <input
            id={jumpId}
            type="number"
            min={1}
            max={totalIsAtLeast ? undefined : pageCount}
            value={jump}
            onChange={(e) => {
              setJump(e.target.value);
              setJumpError(null);
            }}
            aria-invalid={jumpError ? true : undefined}
            aria-describedby={jumpError ? `${jumpId}-error` : undefined}
            className={`${smallInput} w-20`}
          />
          {jumpError && (
            <span id={`${jumpId}-error`} role="alert" className="text-xs text-red-600">
              {jumpError}
            </span>
          )}
        </form>
      )}
      <div className="flex items-center gap-1.5">
        <label htmlFor={sizeId} className="text-slate-600">
          Per page
        </label>
        <select
          id={sizeId}
          value={perPage}
          onChange={(e) => {
            const size = Number(e.target.value);
            // Stay near the first item on screen: the page that holds it at the new size.
            const first = (page - 1) * perPage;
            const next = Math.floor(first / size) + 1;
            router.push(
              href({ perPage: size === DEFAULT_PAGE_SIZE ? null : String(size), page: next > 1 ? String(next) : null }),
            );
          }}
          className={smallInput}
        >
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
