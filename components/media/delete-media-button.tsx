'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteMediaAction } from '@/app/(admin)/media/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Delete from the detail panel: confirm, then the server decides (refused while content uses it). */
export function DeleteMediaButton({
  id,
  fileName,
  references,
  afterHref,
}: {
  id: string;
  fileName: string;
  references: number;
  afterHref: string;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteMediaAction({ id });
      if (!result.ok) return setError(result.error);
      setConfirming(false);
      router.push(afterHref);
    });

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
        className="rounded-md border border-red-200 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
      >
        Delete
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${fileName}?`}
          confirmLabel="Delete"
          pending={pending}
          error={error}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        >
          {references > 0
            ? `Content uses this file (${references === 1 ? '1 reference' : `${references} references`}), ` +
              `so Kura will refuse to delete it until it is removed there.`
            : 'Its URL stops working at once. It waits in Trash (Media settings), from where it can be restored.'}
        </ConfirmDialog>
      )}
    </>
  );
}
