'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FilterSelect } from '@/components/media/library/filter-select';
import { dateInput } from '@/components/media/library/library-toolbar';
import type { ActivityQuery, ActivityRow } from '@/lib/activity/list-activity';
import {
  activityHref,
  actorLabel,
  CATEGORY_LABELS,
  OPERATION_LABELS,
  OPERATIONS,
  SECURITY_OPERATION_SET,
} from './activity-labels';

type Props = {
  query: ActivityQuery;
  /** Everyone who appears in the log (members and API keys). */
  actors: ActivityRow['actor'][];
};

/** Who / Operation / From–To of the Activity screen; every choice is a new URL, starting again at page 1. */
export function ActivityFilters({ query, actors }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // What the member chose, written to the URL whole, so a second choice while the first page loads keeps
  // both. Our own pages arriving leave it alone; any other navigation (Back, Clear filters) replaces it.
  const href = activityHref(query);
  const [values, setValues] = useState(query);
  const [seen, setSeen] = useState(href);
  const [sent, setSent] = useState<string[]>([]);
  if (href !== seen) {
    setSeen(href);
    const ours = sent.indexOf(href);
    if (ours >= 0) {
      setSent(sent.slice(ours + 1));
    } else {
      setSent([]);
      setValues(query);
    }
  }
  const go = (changes: Partial<ActivityQuery>) => {
    const next = { ...values, ...changes, page: 1 };
    setValues(next);
    setSent((s) => [...s, activityHref(next)]);
    startTransition(() => router.push(activityHref(next)));
  };
  const whoOptions = [
    { value: '', label: 'Anyone' },
    ...actors.map((a) => ({ value: a.id, label: actorLabel(a) })),
    ...(values.actor && !actors.some((a) => a.id === values.actor)
      ? [{ value: values.actor, label: 'Nobody in the log' }]
      : []),
  ];
  const operations = OPERATIONS.filter(
    (o) => !values.category || (values.category === 'security') === SECURITY_OPERATION_SET.has(o),
  );
  const filtered = Boolean(values.category || values.actor || values.operation || values.from || values.to);
  const datesSet = Boolean(values.from || values.to);

  return (
    <div className="flex flex-wrap items-center gap-x-2.5 gap-y-2" aria-busy={pending || undefined}>
      <FilterSelect
        label="Kind"
        value={values.category ?? ''}
        onChange={(v) => go({ category: (v || undefined) as ActivityQuery['category'], operation: undefined })}
        options={[
          { value: '', label: 'All kinds' },
          ...(['media', 'security'] as const).map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
        ]}
      />
      <FilterSelect
        label="Who"
        value={values.actor ?? ''}
        onChange={(v) => go({ actor: v || undefined })}
        options={whoOptions}
      />
      <FilterSelect
        label="Operation"
        value={values.operation ?? ''}
        onChange={(v) => go({ operation: (v || undefined) as ActivityQuery['operation'] })}
        options={[
          { value: '', label: 'All operations' },
          ...operations.map((o) => ({ value: o, label: OPERATION_LABELS[o] })),
        ]}
      />
      <div
        role="group"
        aria-label="Dates"
        title="Whole days in UTC, both included"
        className={
          `flex items-center gap-0.5 rounded-md border pl-2.5 focus-within:border-indigo-500 focus-within:ring-2 ` +
          `focus-within:ring-indigo-200 ${datesSet ? 'border-indigo-300 bg-indigo-50' : 'border-slate-300 bg-white'}`
        }
      >
        <label htmlFor="activity-from" className="pr-1 text-xs font-medium text-slate-500">
          From
        </label>
        <input
          id="activity-from"
          type="date"
          value={values.from ?? ''}
          max={values.to}
          onChange={(e) => go({ from: e.target.value || undefined })}
          className={dateInput}
        />
        <label htmlFor="activity-to" className="px-1 text-xs font-medium text-slate-500">
          To
        </label>
        <input
          id="activity-to"
          type="date"
          value={values.to ?? ''}
          min={values.from}
          onChange={(e) => go({ to: e.target.value || undefined })}
          className={dateInput}
        />
      </div>
      {filtered && (
        <Link
          href={activityHref({})}
          className="px-1 text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline"
        >
          Clear filters
        </Link>
      )}
      {pending && <span className="text-xs text-slate-400">Updating…</span>}
    </div>
  );
}
