'use client';

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, rectSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useId, useRef, useState } from 'react';
import type { MediaRecord } from '@/lib/media/present';
import { describedBy, MediaFieldFrame, secondaryButton } from './field-frame';
import { galleryAnnouncements, galleryInstructions } from './gallery-announcements';
import { MediaPickerDialog } from './media-picker';
import { joinMessages, type Size } from './media-rules';
import { SortableImage } from './sortable-image';
import { useFileDrop } from '@/components/media/use-file-drop';
import { useLatest } from './use-latest';
import { useMediaUpload } from './use-media-upload';

export type MultipleImagesFieldProps = {
  id: string;
  label: string;
  value: MediaRecord[];
  onChange: (value: MediaRecord[]) => void;
  requiredSize?: Size;
  maxUploadBytes: number;
  canUpload: boolean;
  error?: string;
  hint?: string;
};

/** A gallery: images in order, reordered by drag or keyboard, added from the library or the desktop. */
export function MultipleImagesField({
  id,
  label,
  value,
  onChange,
  requiredSize,
  maxUploadBytes,
  canUpload,
  error,
  hint,
}: MultipleImagesFieldProps) {
  const dndId = useId();
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const latestValue = useLatest(value);
  const latestOnChange = useLatest(onChange);
  const uploader = useMediaUpload({ accept: 'image', requiredSize, maxUploadBytes });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // Reads and advances the ref, so several uploads finishing before a re-render all land in order.
  const append = (item: MediaRecord): string | null => {
    const current = latestValue.current;
    if (current.some((m) => m.id === item.id)) return `${item.fileName} is already in ${label}.`;
    const next = [...current, item];
    // eslint-disable-next-line react-hooks/immutability -- a ref (useLatest), advanced on purpose: see above
    latestValue.current = next;
    latestOnChange.current(next);
    return null;
  };
  const drop = useFileDrop(async (files) => {
    if (files.length === 0) return;
    setMessage(null);
    const messages = await uploader.uploadFiles(files, append);
    if (messages.length) setMessage(joinMessages(messages));
  }, canUpload && !uploader.busy);

  const remove = (item: MediaRecord) => {
    setMessage(null);
    onChange(value.filter((m) => m.id !== item.id));
    addButton.current?.focus();
  };
  const move = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = value.findIndex((m) => m.id === active.id);
    const to = value.findIndex((m) => m.id === over.id);
    if (from >= 0 && to >= 0) onChange(arrayMove(value, from, to));
  };

  const describedById = describedBy(id, hint);
  return (
    <MediaFieldFrame
      id={id}
      label={label}
      hint={hint}
      drop={drop}
      dropText="Drop images to add them"
      box={`space-y-3 ${error || message ? 'border-red-300' : 'border-slate-200'}`}
      uploader={uploader}
      message={message ?? error}
      dialog={
        <MediaPickerDialog
          open={picking}
          accept="image"
          requiredSize={requiredSize}
          maxUploadBytes={maxUploadBytes}
          canUpload={canUpload}
          multiple
          onClose={() => setPicking(false)}
          onPick={(item) => {
            setPicking(false);
            setMessage(append(item));
          }}
          onPickMany={(items) => {
            setPicking(false);
            const messages = items.flatMap((item) => append(item) ?? []);
            setMessage(messages.length ? joinMessages(messages) : null);
          }}
        />
      }
    >
      {value.length > 0 ? (
        <DndContext
          id={dndId}
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={move}
          accessibility={{
            announcements: galleryAnnouncements(value),
            screenReaderInstructions: galleryInstructions,
          }}
        >
          <SortableContext items={value.map((m) => m.id)} strategy={rectSortingStrategy}>
            <ul aria-label={`${label}, in order`} className="flex flex-wrap gap-3">
              {value.map((item) => (
                <SortableImage key={item.id} item={item} onRemove={() => remove(item)} />
              ))}
            </ul>
          </SortableContext>
        </DndContext>
      ) : (
        <p className="text-sm text-slate-500">
          {canUpload ? 'No images yet. Drop images here or add them from the library.' : 'No images yet.'}
        </p>
      )}
      <button
        ref={addButton}
        type="button"
        onClick={() => setPicking(true)}
        disabled={uploader.busy}
        aria-describedby={describedById}
        className={secondaryButton}
      >
        Add images
      </button>
    </MediaFieldFrame>
  );
}
