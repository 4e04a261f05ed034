'use client';

import { editMediaAction } from '@/app/(admin)/media/actions';
import { useToast } from '@/components/ui/toasts';
import { useActionForm } from '@/components/ui/use-action-form';
import type { MediaChanges } from '@/lib/media/schemas';
import type { MediaRecord } from '@/lib/media/present';

type Field = keyof MediaChanges;

/**
 * A panel dialog's save of one field of a media item: the server's messages beside the field, then a toast saying
 * what changed, with Undo putting `before` back (none when there is nothing to put back, e.g. no creator before).
 * @example useMediaEdit(id, 'alt', alt, close, () => 'Alt text saved')
 */
export function useMediaEdit<F extends Field>(
  id: string,
  field: F,
  before: MediaChanges[F] | undefined,
  close: () => void,
  said: (record: MediaRecord) => string,
) {
  const toast = useToast();
  return useActionForm(
    (changes: MediaChanges) => editMediaAction({ id, changes }),
    [field],
    (record) => {
      close();
      toast(
        said(record),
        before === undefined
          ? undefined
          : async () => {
              const undone = await editMediaAction({ id, changes: { [field]: before } });
              return undone.ok ? null : undone.error;
            },
      );
    },
  );
}
