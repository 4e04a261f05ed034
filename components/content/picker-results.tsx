import type { MediaRecord } from '@/lib/media/present';
import { dimensionsLabel } from '@/components/media/media-format';
import { Thumbnail } from '@/components/media/thumbnail';
import type { Size } from './media-rules';

type Props = {
  items: MediaRecord[] | null;
  loading: boolean;
  query: string;
  noun: string;
  requiredSize?: Size;
  /** Several can be chosen: the ones selected so far (each button is then a toggle, `aria-pressed`). */
  selectedIds?: Set<string>;
  onChoose: (item: MediaRecord) => void;
};

/** The grid of the picker: one button per media item, named by its file name. */
export function PickerResults({ items, loading, query, noun, requiredSize, selectedIds, onChoose }: Props) {
  if (!items) return loading ? <p className="p-10 text-center text-sm text-slate-500">Loading…</p> : null;
  if (items.length === 0) {
    return (
      <div
        className="flex min-h-48 flex-col items-center justify-center gap-1 p-10 text-center"
        data-testid="picker-empty"
      >
        <p className="text-base font-medium text-slate-700">
          {query ? `No ${noun} match “${query}”` : `No ${noun} in the library yet`}
        </p>
        <p className="text-sm text-slate-500">{query ? 'Try another search.' : 'Upload one to use it here.'}</p>
      </div>
    );
  }
  return (
    <ul
      aria-label="Results"
      aria-busy={loading}
      className={`grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-3 p-4 ${loading ? 'opacity-60' : ''}`}
    >
      {items.map((item) => {
        const fits = !requiredSize || (item.width === requiredSize.width && item.height === requiredSize.height);
        const selected = selectedIds?.has(item.id);
        return (
          <li key={item.id} data-media-id={item.id}>
            <button
              type="button"
              aria-describedby={item.kind === 'image' ? `picker-size-${item.id}` : undefined}
              aria-pressed={selectedIds ? selected : undefined}
              onClick={() => onChoose(item)}
              className={
                'relative block w-full rounded-lg border bg-white ' +
                'text-left shadow-sm transition hover:border-indigo-400 ' +
                'hover:shadow focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ' +
                (selected ? 'border-indigo-600 ring-2 ring-indigo-500' : 'border-slate-200')
              }
            >
              {selected && (
                <span
                  aria-hidden="true"
                  className={
                    'absolute right-1.5 top-1.5 z-10 flex h-6 w-6 items-center justify-center rounded-full ' +
                    'bg-indigo-600 text-sm font-bold text-white shadow'
                  }
                >
                  ✓
                </span>
              )}
              {/* Named by its visible file name alone; the size is its description. */}
              <span aria-hidden="true" className="block">
                <Thumbnail item={item} size="card" />
              </span>
              <span className="block px-2.5 py-2">
                <span className="block truncate text-sm font-medium text-slate-900" title={item.fileName}>
                  {item.fileName}
                </span>
                {item.kind === 'image' && (
                  <span
                    id={`picker-size-${item.id}`}
                    aria-hidden="true"
                    className={`block text-xs ${fits ? 'text-slate-500' : 'text-amber-700'}`}
                  >
                    {dimensionsLabel(item)}
                  </span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
