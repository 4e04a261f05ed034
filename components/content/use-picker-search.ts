'use client';

import { useEffect, useState } from 'react';
import { searchMediaForPicker } from '@/app/(admin)/media/actions';
import type { KindFilter, MediaSort } from '@/lib/media/filter-options';
import type { MediaRecord } from '@/lib/media/present';

export type PickerPage = {
  items: MediaRecord[];
  total: number;
  totalIsAtLeast: boolean;
  page: number;
  pageCount: number;
};

/** The library's filters the picker offers beside the text: one tag, a kind, an order. */
export type PickerFilters = { tag?: string; kind?: KindFilter; sort?: MediaSort };

/** The picker's search: text debounced by 250 ms, filters, a page, and the last answer of the server action. */
export function usePickerSearch(imagesOnly: boolean) {
  const [text, setText] = useState('');
  const [filters, setFiltersNow] = useState<PickerFilters>({});
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [reloads, setReloads] = useState(0);
  const [result, setResult] = useState<PickerPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(text.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the search runs on the server: show it loading
    setLoading(true);
    searchMediaForPicker({ search: query || undefined, ...filters, imagesOnly, page }).then(
      (res) => {
        if (!current) return;
        setLoading(false);
        if (res.ok) setResult(res.data);
        setError(res.ok ? null : res.error);
      },
      () => {
        if (!current) return;
        setLoading(false);
        setError('Could not reach Kura to search the media library');
      },
    );
    return () => {
      current = false;
    };
  }, [query, filters, imagesOnly, page, reloads]);

  return {
    text,
    setText,
    query,
    filters,
    /** A changed filter starts again on page 1. */
    setFilters: (next: PickerFilters) => {
      setFiltersNow(next);
      setPage(1);
    },
    result,
    error,
    loading,
    setPage,
    reload: () => setReloads((n) => n + 1),
  };
}
