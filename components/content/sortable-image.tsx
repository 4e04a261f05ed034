'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useCallback } from 'react';
import type { MediaRecord } from '@/lib/media/present';
import { Thumbnail } from '@/components/media/thumbnail';

/** One image of a gallery field: dragged by mouse, or picked up with space and moved with the arrow keys. */
export function SortableImage({ item, onRemove }: { item: MediaRecord; onRemove: () => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    attributes: { role: 'listitem', roleDescription: 'sortable image' },
  });
  // The item is its own activator, so a key pressed on its Remove button does not pick it up.
  const ref = useCallback(
    (node: HTMLLIElement | null) => {
      setNodeRef(node);
      setActivatorNodeRef(node);
    },
    [setNodeRef, setActivatorNodeRef],
  );
  return (
    <li
      ref={ref}
      {...attributes}
      {...listeners}
      data-testid="gallery-item"
      data-media-id={item.id}
      aria-label={item.fileName}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      // Without this the browser drags the thumbnail <img> itself and the pointer drag never starts.
      onDragStart={(e) => e.preventDefault()}
      className={
        'relative w-36 cursor-grab touch-none select-none rounded-lg border bg-white shadow-sm ' +
        'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ' +
        (isDragging ? 'z-10 cursor-grabbing border-indigo-400 shadow-lg' : 'border-slate-200')
      }
    >
      <Thumbnail item={item} size="card" />
      <div className="flex items-center gap-1 px-2 py-1.5">
        <span className="min-w-0 flex-1 truncate text-xs font-medium text-slate-900" title={item.fileName}>
          {item.fileName}
        </span>
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${item.fileName}`}
          className={
            'shrink-0 rounded px-1 text-slate-500 hover:bg-red-50 hover:text-red-700 ' +
            'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500'
          }
        >
          ✕
        </button>
      </div>
    </li>
  );
}
