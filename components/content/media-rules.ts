import { formatBytes } from '@/lib/media/format-bytes';
import type { MediaRecord } from '@/lib/media/present';

export type Size = { width: number; height: number };
export type MediaRules = { accept: 'image' | 'any'; requiredSize?: Size; maxUploadBytes: number };

/** Why a file must not be uploaded at all (checked in the browser, before sending a byte), or null. */
export function fileRefusal(file: File, rules: MediaRules): string | null {
  if (file.size > rules.maxUploadBytes)
    return `${file.name} is larger than the upload limit of ${formatBytes(rules.maxUploadBytes)}`;
  // An empty type means the browser does not know; the server decides then.
  if (rules.accept === 'image' && file.type && !file.type.startsWith('image/')) return `${file.name} is not an image`;
  return null;
}

/** Why a media item cannot fill the field, or null; the server refuses the same items on save. */
export function mediaRefusal(item: MediaRecord, rules: Pick<MediaRules, 'accept' | 'requiredSize'>): string | null {
  const { requiredSize: size } = rules;
  if ((rules.accept === 'image' || size) && item.kind !== 'image') return `${item.fileName} is not an image`;
  if (size && (item.width !== size.width || item.height !== size.height)) {
    return (
      `This field needs an image of exactly ${size.width} × ${size.height} px; ` +
      `${item.fileName} is ${item.width ?? '?'} × ${item.height ?? '?'} px.`
    );
  }
  return null;
}

/** Several messages as one text for an alert box: "a.pdf is not an image. b.png is larger than …" */
export const joinMessages = (messages: string[]) => messages.map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)).join(' ');
