'use client';

import Link from 'next/link';
import { useState } from 'react';
import { FoldMenu } from '@/components/layout/fold-menu';
import { DEFAULT_SORT, KIND_FILTERS, KIND_LABELS, SORTS, SORT_LABELS } from '@/lib/media/filter-options';
import type { MemberChoice } from '@/lib/members/list-members';
import { FilterSelect } from './filter-select';
import { memberName } from './member-name';
import { useToolbarDraft } from './use-toolbar-draft';

type Props = {
  total: number;
  /** More media match than `total`: the library stopped counting there. */
  totalIsAtLeast: boolean;
  tags: string[];
  members: MemberChoice[];
  /** Set when any filter (including "Unused only") narrows the list. */
  clearHref: string | null;
  /** The right-hand end of the first row (Unused only, Media settings, Table/Grid): a menu below 768 px. */
  children: React.ReactNode;
  /** The first row's last control, never folded away (Upload). */
  primary?: React.ReactNode;
};

export const dateInput =
  'w-[7.75rem] rounded border-0 bg-transparent px-1 py-1 text-sm text-slate-900 focus:outline-none ' +
  'focus-visible:ring-2 focus-visible:ring-indigo-200 [&::-webkit-calendar-picker-indicator]:opacity-60';

/** Search, filters and sort of the library, all kept in the URL: row one searches, row two narrows and orders. */
export function LibraryToolbar({ total, totalIsAtLeast, tags, members, clearHref, children, primary }: Props) {
  const draft = useToolbarDraft();
  // Below 768 px the filters row waits behind a Filters button (it says how many are set).
  const [filtersShown, setFiltersShown] = useState(false);
  const { values } = draft;
  const withCurrent = (names: string[], current: string) =>
    current && !names.includes(current) ? [...names, current] : names;
  const creatorOptions = [
    { value: '', label: 'Anyone' },
    { value: 'none', label: 'No creator' },
    ...members.map((m) => ({ value: m.id, label: memberName(m, members) })),
    ...(values.creator && values.creator !== 'none' && !members.some((m) => m.id === values.creator)
      ? [{ value: values.creator, label: 'A removed member' }]
      : []),
  ];
  const datesSet = Boolean(values.after || values.before);
  const activeFilters = [values.kind, values.tag, values.creator, datesSet].filter(Boolean).length;

  return (
    <div className="space-y-2.5 border-b border-slate-200 bg-white px-5 py-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex shrink-0 items-baseline gap-3">
          <h1 className="text-xl font-semibold">Media</h1>
          <span className="text-sm text-slate-500" aria-live="polite">
            {totalIsAtLeast
              ? `${total.toLocaleString('en-US')}+ items`
              : total === 1
                ? '1 item'
                : `${total.toLocaleString('en-US')} items`}
          </span>
        </div>
        <form
          role="search"
          className="order-last w-full md:order-none md:w-auto md:min-w-40 md:max-w-md md:flex-1"
          onSubmit={(e) => {
            e.preventDefault();
            draft.flush();
          }}
        >
          <input
            type="search"
            aria-label="Search media"
            placeholder="Search file names and alt text"
            value={values.q}
            onChange={(e) => draft.type('q', e.target.value)}
            maxLength={200}
            className={
              'w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm placeholder:text-slate-400 ' +
              'focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200'
            }
          />
        </form>
        <div className="ml-auto flex shrink-0 items-center gap-2 md:gap-3">
          <button
            type="button"
            aria-expanded={filtersShown}
            aria-controls="library-filters"
            onClick={() => setFiltersShown((s) => !s)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 md:hidden"
          >
            Filters{activeFilters > 0 && ` (${activeFilters})`}
          </button>
          <FoldMenu label="More" className="md:flex-row md:items-center md:gap-3">
            {children}
          </FoldMenu>
          {primary}
        </div>
      </div>

      <div
        id="library-filters"
        className={`${filtersShown ? 'flex' : 'hidden'} flex-wrap items-center gap-x-2 gap-y-2 md:flex`}
        aria-busy={draft.pending || undefined}
      >
        <FilterSelect
          label="Kind"
          value={values.kind}
          onChange={(v) => draft.choose('kind', v)}
          options={[
            { value: '', label: 'All kinds' },
            ...KIND_FILTERS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
          ]}
        />
        <FilterSelect
          label="Tag"
          value={values.tag}
          onChange={(v) => draft.choose('tag', v)}
          options={[
            { value: '', label: 'All tags' },
            ...withCurrent(tags, values.tag).map((t) => ({ value: t, label: t })),
          ]}
        />
        <FilterSelect
          label="Creator"
          value={values.creator}
          onChange={(v) => draft.choose('creator', v)}
          options={creatorOptions}
        />
        <div
          role="group"
          aria-label="Created"
          className={
            `flex items-center gap-0.5 rounded-md border pl-2.5 focus-within:border-indigo-500 focus-within:ring-2 ` +
            `focus-within:ring-indigo-200 ${datesSet ? 'border-indigo-300 bg-indigo-50' : 'border-slate-300 bg-white'}`
          }
        >
          <span className="pr-1 text-xs font-medium text-slate-500" aria-hidden="true">
            Created
          </span>
          <input
            type="date"
            aria-label="Created after"
            title="Created on or after"
            value={values.after}
            max={values.before || undefined}
            onChange={(e) => draft.type('after', e.target.value)}
            className={dateInput}
          />
          <span className="text-slate-400" aria-hidden="true">
            –
          </span>
          <input
            type="date"
            aria-label="Created before"
            title="Created on or before"
            value={values.before}
            min={values.after || undefined}
            onChange={(e) => draft.type('before', e.target.value)}
            className={dateInput}
          />
        </div>
        {clearHref && (
          <Link
            href={clearHref}
            scroll={false}
            aria-label="Clear filters"
            title="Clear filters"
            className="px-1 text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline"
          >
            Clear
          </Link>
        )}
        <div className="ml-auto flex items-center gap-3">
          {draft.pending && <span className="text-xs text-slate-500">Updating…</span>}
          <FilterSelect
            label="Sort"
            value={values.sort || DEFAULT_SORT}
            onChange={(v) => draft.choose('sort', v === DEFAULT_SORT ? '' : v)}
            options={SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          />
        </div>
      </div>
    </div>
  );
}
