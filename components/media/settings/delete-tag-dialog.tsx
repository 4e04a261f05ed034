'use client';

import { useState, useTransition } from 'react';
import { deleteTagAction } from '@/app/(admin)/media/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { TagRow } from '@/lib/tags/list-tags';

type Props = { tag: TagRow; onCancel: () => void; onDeleted: () => void };

/** Confirms deleting a tag; the server refuses while media uses it, and the refusal is shown here. */
export function DeleteTagDialog({ tag, onCancel, onDeleted }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteTagAction({ id: tag.id });
      if (!result.ok) return setError(result.error);
      onDeleted();
    });

  return (
    <ConfirmDialog
      title={`Delete the tag “${tag.name}”?`}
      confirmLabel="Delete"
      pending={pending}
      error={error}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      {tag.uses > 0
        ? `${tag.uses} media use this tag, so Kura will refuse to delete it until it is removed from them.`
        : 'No media uses this tag. This cannot be undone.'}
    </ConfirmDialog>
  );
}
