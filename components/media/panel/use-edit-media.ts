'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { editMediaAction } from '@/app/(admin)/media/actions';
import type { MediaChanges } from '@/lib/media/schemas';

/** Saves one change of a media item from a panel dialog: pending and error for the dialog, refresh after. */
export function useEditMedia(id: string, close: () => void) {
  const router = useRouter();
  const errorId = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const save = (changes: MediaChanges) =>
    startTransition(async () => {
      setError(null);
      const result = await editMediaAction({ id, changes });
      if (!result.ok) return setError(result.error);
      close();
      router.refresh();
    });

  return { pending, error, setError, errorId, save };
}
