'use client';

/** One item's outcome of a bulk action, whichever action it was. */
export type BulkOutcome = { id: string; done: true } | { id: string; done: false; reason: string };

export type BulkResult = { summary: string; kept: { id: string; fileName: string; reason: string }[] };

const VERBS = { creator: 'Changed the creator of', tags: 'Added tags to', delete: 'Deleted' } as const;
export type BulkKind = keyof typeof VERBS;

/**
 * What a bulk action did, in one line and a list of the items it kept with why.
 * @example summarise('delete', outcomes, names).summary // "Deleted 2 · Kept 1"
 */
export function summarise(kind: BulkKind, outcomes: BulkOutcome[], names: Map<string, string>): BulkResult {
  const kept = outcomes.flatMap((o) =>
    o.done ? [] : [{ id: o.id, fileName: names.get(o.id) ?? o.id, reason: o.reason }],
  );
  const done = outcomes.length - kept.length;
  return { summary: `${VERBS[kind]} ${done}${kept.length ? ` · Kept ${kept.length}` : ''}`, kept };
}

/** The last bulk action's result, announced politely; it stays until dismissed or replaced by the next. */
export function BulkResultRegion({ result, onDismiss }: { result: BulkResult | null; onDismiss: () => void }) {
  return (
    <div
      className={
        result
          ? `flex items-start gap-4 border-t px-5 py-2.5 text-sm ` +
            `${result.kept.length ? 'border-amber-200 bg-amber-50' : 'border-emerald-200 bg-emerald-50'}`
          : ''
      }
    >
      <div role="status" aria-label="Bulk action result" className="min-w-0 flex-1">
        {result && (
          <>
            <p className="font-medium text-slate-900">{result.summary}</p>
            {result.kept.length > 0 && (
              <ul aria-label="Kept media" className="mt-1 max-h-28 space-y-0.5 overflow-y-auto text-slate-700">
                {result.kept.map((k) => (
                  <li key={k.id}>
                    <span className="font-medium">{k.fileName}</span>
                    {` — ${k.reason}`}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {result && (
        <button type="button" onClick={onDismiss} className="shrink-0 text-sm text-slate-600 hover:text-slate-900">
          Dismiss
        </button>
      )}
    </div>
  );
}
