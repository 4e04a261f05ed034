'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState, useTransition } from 'react';
import { TOOLBAR_KEYS, type ToolbarKey } from '@/lib/media/library-query';

export type ToolbarValues = Record<ToolbarKey, string>;

const read = (params: URLSearchParams): ToolbarValues =>
  Object.fromEntries(TOOLBAR_KEYS.map((key) => [key, params.get(key) ?? ''])) as ToolbarValues;

/** The values as the URL will hold them (blank text is no text), as one comparable string. */
const keyOf = (values: ToolbarValues) => TOOLBAR_KEYS.map((key) => (values[key].trim() ? values[key] : '')).join('\n');

/**
 * The toolbar's values: what the member sees and edits, written to the URL whole (so two quick changes
 * never undo each other) and without `page`. Choices are written at once as a history entry; typing
 * replaces the URL after a pause. Our own writes coming back leave the draft alone (typing goes on);
 * any other navigation (Back, "Clear filters") replaces it.
 */
export function useToolbarDraft(delay = 300) {
  const params = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const url = useMemo(() => read(new URLSearchParams(params?.toString() ?? '')), [params]);
  const urlKey = keyOf(url);
  const [draft, setDraft] = useState(url);
  const [seen, setSeen] = useState(urlKey);
  const [sent, setSent] = useState<string[]>([]);

  if (urlKey !== seen) {
    setSeen(urlKey);
    const ours = sent.indexOf(urlKey);
    if (ours >= 0) {
      setSent(sent.slice(ours + 1));
    } else {
      setSent([]);
      setDraft(url);
    }
  }

  const write = useCallback(
    (next: ToolbarValues, mode: 'push' | 'replace') => {
      const target = new URLSearchParams(params?.toString() ?? '');
      for (const key of TOOLBAR_KEYS) {
        if (next[key].trim()) target.set(key, next[key]);
        else target.delete(key);
      }
      target.delete('page');
      setSent((s) => [...s, keyOf(next)]);
      const query = target.toString();
      startTransition(() => router[mode](query ? `/media?${query}` : '/media', { scroll: false }));
    },
    [params, router],
  );

  const draftKey = keyOf(draft);
  const unsent = draftKey !== urlKey && !sent.includes(draftKey);
  useEffect(() => {
    if (!unsent) return;
    const timer = setTimeout(() => write(draft, 'replace'), delay);
    return () => clearTimeout(timer);
  }, [unsent, draft, delay, write]);

  return {
    values: draft,
    pending,
    /** A choice from a select: into the URL at once. */
    choose(key: ToolbarKey, value: string) {
      const next = { ...draft, [key]: value };
      setDraft(next);
      write(next, 'push');
    },
    /** Typing (search, dates): into the URL after the pause. */
    type(key: ToolbarKey, value: string) {
      setDraft((d) => ({ ...d, [key]: value }));
    },
    /** Enter in the search box: no need to wait. */
    flush() {
      if (unsent) write(draft, 'replace');
    },
  };
}
