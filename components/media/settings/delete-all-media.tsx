'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { deleteAllMediaAction } from '@/app/(admin)/media/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

type Outcome = { deleted: number; kept: number; keptItems: { id: string; fileName: string; reason: string }[] };

/** Media settings → Delete all media: typed service id, then a last confirmation; media content uses is kept. */
export function DeleteAllMedia({ serviceId }: { serviceId: string }) {
  const router = useRouter();
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [confirmation, setConfirmation] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = confirmation.trim() === serviceId;

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteAllMediaAction({ confirmation });
      if (!result.ok) return setError(result.error);
      setConfirming(false);
      setConfirmation('');
      setOutcome(result.data);
      router.refresh();
    });

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-red-200 bg-white px-5 py-4">
      <h2 id={headingId} className="text-base font-semibold text-red-800">
        Delete all media
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Deletes every media item you can see in the library, and their URLs stop working at once. Media that content
        uses is kept: remove it from the content first. Deleted media waits in Trash, from where it can be restored.
      </p>
      <form
        className="mt-4 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!matches) return;
          setError(null);
          setConfirming(true);
        }}
      >
        <p id={hintId} className="text-sm text-slate-700">
          The service id is{' '}
          <code data-testid="service-id" className="select-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
            {serviceId}
          </code>
        </p>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
          Type the service id to confirm
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={inputId}
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            className={
              'w-72 rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm ' +
              'focus:border-red-500 focus:outline-none focus:ring-2 focus:ring-red-200'
            }
          />
          <button
            type="submit"
            disabled={!matches}
            className={
              'rounded-md bg-red-600 px-4 py-1.5 text-sm font-medium text-white ' +
              'hover:bg-red-500 disabled:cursor-not-allowed disabled:opacity-50'
            }
          >
            Delete all media
          </button>
        </div>
      </form>
      <div role="status" className="mt-3 text-sm">
        {outcome && (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-slate-800">
            {`Deleted ${outcome.deleted} media. `}
            {outcome.kept === 0 ? 'Nothing was kept.' : `Kept ${outcome.kept} because content uses them.`}
          </p>
        )}
        {outcome && outcome.keptItems.length > 0 && (
          <ul aria-label="Kept media" className="mt-2 space-y-0.5 text-slate-600">
            {outcome.keptItems.map((m) => (
              <li key={m.id}>
                <a href={`/media?selected=${m.id}`} className="text-indigo-700 hover:underline">
                  {m.fileName}
                </a>{' '}
                — {m.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title="Delete all media?"
          confirmLabel="Delete"
          pending={pending}
          error={error}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        >
          Every media item that no content uses is deleted now and its URL gives 404. Media that content uses is kept.
        </ConfirmDialog>
      )}
    </section>
  );
}
