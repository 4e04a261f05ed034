import type { MediaRecord } from '@/lib/media/present';

/** "Image · PNG": the kind and the extension, as the library and the panel show them. */
export const formatLabel = (m: Pick<MediaRecord, 'kind' | 'extension'>) =>
  `${m.kind === 'image' ? 'Image' : 'File'}${m.extension ? ` · ${m.extension.toUpperCase()}` : ''}`;

export const dimensionsLabel = (m: Pick<MediaRecord, 'width' | 'height'>) =>
  m.width && m.height ? `${m.width} × ${m.height}` : '—';
