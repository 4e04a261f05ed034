'use client';

/** One item's outcome of a bulk action, whichever action it was. */
export type BulkOutcome = { id: string; done: true } | { id: string; done: false; reason: string };

export type BulkResult = { summary: string; kept: { id: string; fileName: string; reason: string }[] };

export type BulkKind = 'creator' | 'tags' | 'untag' | 'delete';

const quoted = (tags: string[]) => tags.map((t) => `“${t}”`).join(', ');
const tagWord = (tags: string[]) => (tags.length === 1 ? 'tag' : 'tags');

/** The summary's verb, naming the tags a tag change added or removed. */
function verb(kind: BulkKind, tags: string[]): (done: number) => string {
  if (kind === 'creator') return (n) => `Changed the creator of ${n}`;
  if (kind === 'delete') return (n) => `Deleted ${n}`;
  if (kind === 'tags') return (n) => `Added ${tagWord(tags)} ${quoted(tags)} to ${n}`;
  return (n) => `Removed ${tagWord(tags)} ${quoted(tags)} from ${n}`;
}

/** A reason that starts with the item's name already says which item; the list shows it once. */
const withoutName = (fileName: string, reason: string) =>
  reason.startsWith(`${fileName} `) ? upperFirst(reason.slice(fileName.length + 1)) : reason;
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What a bulk action did, in one line and a list of the items it kept with why.
 * @example summarise('delete', outcomes, names).summary // "Deleted 2 · Kept 1"
 * @example summarise('tags', outcomes, names, ['spring']).summary // "Added tag “spring” to 3"
 */
export function summarise(
  kind: BulkKind,
  outcomes: BulkOutcome[],
  names: Map<string, string>,
  tags: string[] = [],
): BulkResult {
  const kept = outcomes.flatMap((o) => {
    if (o.done) return [];
    const fileName = names.get(o.id) ?? o.id;
    return [{ id: o.id, fileName, reason: withoutName(fileName, o.reason) }];
  });
  const done = outcomes.length - kept.length;
  return { summary: `${verb(kind, tags)(done)}${kept.length ? ` · Kept ${kept.length}` : ''}`, kept };
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
