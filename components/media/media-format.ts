import { kindFilterOf, type KindFilter } from '@/lib/media/filter-options';
import type { MediaRecord } from '@/lib/media/present';

/** The Format column's word for each choice of the Kind filter, so "Video · MP4" is found under Kind: Video. */
const FORMAT_WORDS: Record<KindFilter, string> = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  pdf: 'PDF',
  other: 'File',
};

/** "Image · PNG", "Video · MP4", "PDF": the kind (as the Kind filter names it) and the extension. */
export function formatLabel(m: Pick<MediaRecord, 'kind' | 'mimeType' | 'extension'>) {
  const word = FORMAT_WORDS[kindFilterOf(m)];
  const ext = m.extension.toUpperCase();
  return ext && ext !== word ? `${word} · ${ext}` : word;
}

/** "0:05", "1:02:03": a duration in seconds as a player shows it. */
export function durationLabel(seconds: number) {
  const s = Math.round(seconds);
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const [, mm, ss] = hms.map((n) => String(n).padStart(2, '0'));
  return hms[0] ? `${hms[0]}:${mm}:${ss}` : `${hms[1]}:${ss}`;
}

export const dimensionsLabel = (m: Pick<MediaRecord, 'width' | 'height'>) =>
  m.width && m.height ? `${m.width} × ${m.height}` : '—';
