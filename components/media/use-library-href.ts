'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** Links within the library that keep the rest of its URL state. */
export function useLibraryHref() {
  const params = useSearchParams();
  return useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params?.toString() ?? '');
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      return query ? `/media?${query}` : '/media';
    },
    [params],
  );
}
