'use client';

import { useEffect, useState } from 'react';
import { listTagsAction } from '@/app/(admin)/media/actions';
import type { TagRow } from '@/lib/tags/list-tags';

const SHOWN = 30;

/** The service's existing tags whose names contain `search`, reloaded (debounced) as it changes. */
export function useTagChoices(search: string) {
  const [tags, setTags] = useState<TagRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const result = await listTagsAction({ search: search.trim().slice(0, 50) || undefined });
      if (!live) return; // a later search has started: never show an older answer over it
      if (result.ok) {
        setTags(result.data.slice(0, SHOWN));
        setError(null);
      } else setError(result.error);
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  return { tags, error };
}
