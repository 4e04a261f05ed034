import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { MediaRecord } from '@/lib/media/present';

export const galleryInstructions: ScreenReaderInstructions = {
  draggable:
    'To move an image, press space or enter to pick it up, use the arrow keys ' +
    'to move it, then press space or enter to drop it, or escape to cancel.',
};

/** What screen readers hear while an image of the gallery moves: its file name and its position. */
export function galleryAnnouncements(items: MediaRecord[]): Announcements {
  const name = (id: UniqueIdentifier) => items.find((m) => m.id === id)?.fileName ?? 'The image';
  const position = (id: UniqueIdentifier) => `position ${items.findIndex((m) => m.id === id) + 1} of ${items.length}`;
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)} at ${position(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} moved to ${position(over.id)}.` : undefined),
    onDragEnd: ({ active, over }) =>
      over ? `${name(active.id)} dropped at ${position(over.id)}.` : `${name(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled; it is back at ${position(active.id)}.`,
  };
}
