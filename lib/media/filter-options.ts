/** The library's filter and sort choices: shared by the URL schema, the listing and the toolbar. */
export const KIND_FILTERS = ['image', 'video', 'audio', 'pdf', 'other'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

export const KIND_LABELS: Record<KindFilter, string> = {
  image: 'Images',
  video: 'Video',
  audio: 'Audio',
  pdf: 'PDF',
  other: 'Other files',
};

/** Which of the Kind filter's choices a media item falls under (as `filterConditions` decides it in SQL). */
export function kindFilterOf(m: { kind: 'image' | 'file'; mimeType: string }): KindFilter {
  if (m.kind === 'image') return 'image';
  if (m.mimeType.startsWith('video/')) return 'video';
  if (m.mimeType.startsWith('audio/')) return 'audio';
  return m.mimeType === 'application/pdf' ? 'pdf' : 'other';
}

/** `-` is descending (microCMS's `orders`): `-created` is newest first, the default. */
export const SORTS = ['-created', 'created', '-size', 'size', 'name', '-name'] as const;
export type MediaSort = (typeof SORTS)[number];
export const DEFAULT_SORT: MediaSort = '-created';

export const SORT_LABELS: Record<MediaSort, string> = {
  '-created': 'Newest first',
  created: 'Oldest first',
  '-size': 'Largest first',
  size: 'Smallest first',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
};
