import { createHash } from 'node:crypto';
import type { Media } from '@/db/schema';
import { badRequest } from '@/lib/errors';
import { isNoEdit, type ImageEdit, type QuarterTurn } from '@/lib/image-api/stored-edit';
import type { MediaChanges } from './schemas';

/** The columns that hold an image's stored edit. */
export type EditColumns = Pick<Media, 'focalX' | 'focalY' | 'cropX' | 'cropY' | 'cropW' | 'cropH' | 'rotate' | 'flip'>;

/** The columns of no edit at all: what a re-upload leaves (the crop's pixels were the old image's). */
export const NO_EDIT: EditColumns = {
  focalX: null,
  focalY: null,
  cropX: null,
  cropY: null,
  cropW: null,
  cropH: null,
  rotate: 0,
  flip: 'none',
};

/** A media row's stored edit, or null when it has none. */
export function editOf(m: EditColumns): ImageEdit | null {
  const edit: ImageEdit = {
    focalPoint: m.focalX !== null && m.focalY !== null ? { x: m.focalX, y: m.focalY } : null,
    crop:
      m.cropX !== null && m.cropY !== null && m.cropW !== null && m.cropH !== null
        ? { x: m.cropX, y: m.cropY, w: m.cropW, h: m.cropH }
        : null,
    rotate: (((m.rotate % 360) + 360) % 360) as QuarterTurn,
    flip: m.flip,
  };
  return isNoEdit(edit) ? null : edit;
}

/** The columns that store an edit. */
export const editColumns = (edit: ImageEdit): EditColumns => ({
  focalX: edit.focalPoint?.x ?? null,
  focalY: edit.focalPoint?.y ?? null,
  cropX: edit.crop?.x ?? null,
  cropY: edit.crop?.y ?? null,
  cropW: edit.crop?.w ?? null,
  cropH: edit.crop?.h ?? null,
  rotate: edit.rotate,
  flip: edit.flip,
});

/**
 * A short tag of the stored edit for the versioned URL (`?v={sha}-{tag}`): a new edit is a new URL, so a cache that
 * holds a variant of the old crop never answers for the new one. Null without an edit (`?v` stays the hash).
 */
export function editTagOf(m: EditColumns): string | null {
  const edit = editOf(m);
  if (edit === null) return null;
  const { focalPoint: f, crop: c } = edit;
  const canonical = [f ? `${f.x},${f.y}` : '', c ? `${c.x},${c.y},${c.w},${c.h}` : '', edit.rotate, edit.flip].join(
    '|',
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 8);
}

/** An edit as records, webhooks and Activity show it: only what is set (none of it: an empty object). */
export function editFacts(m: EditColumns): Partial<ImageEdit> {
  const edit = editOf(m);
  if (edit === null) return {};
  return {
    ...(edit.focalPoint ? { focalPoint: edit.focalPoint } : {}),
    ...(edit.crop ? { crop: edit.crop } : {}),
    ...(edit.rotate !== 0 ? { rotate: edit.rotate } : {}),
    ...(edit.flip !== 'none' ? { flip: edit.flip } : {}),
  };
}

/**
 * The edit columns a change sets on this media (none when it names no focal point, crop, rotate or flip); refuses
 * them for a file and a crop that does not lie inside the image (its stored, EXIF-oriented size).
 */
export function editedColumns(current: Media, changes: MediaChanges): Partial<EditColumns> {
  const { focalPoint, crop, rotate, flip } = changes;
  const named = (['focalPoint', 'crop', 'rotate', 'flip'] as const).find((k) => changes[k] !== undefined);
  if (named === undefined) return {};
  if (current.kind !== 'image') {
    throw badRequest(`${named}: focal points, crops, rotation and flips are for images; ${current.fileName} is a file`);
  }
  if (current.width === null || current.height === null) {
    throw badRequest(`${named}: the size of ${current.fileName} is unknown, so it cannot be cropped or turned`);
  }
  if (crop && (crop.x + crop.w > current.width || crop.y + crop.h > current.height)) {
    throw badRequest(
      `crop: ${crop.w}×${crop.h} at ${crop.x},${crop.y} does not fit inside the image ` +
        `(${current.width}×${current.height})`,
    );
  }
  const before = editOf(current) ?? { focalPoint: null, crop: null, rotate: 0, flip: 'none' };
  const columns = editColumns({
    focalPoint: focalPoint === undefined ? before.focalPoint : focalPoint,
    crop: crop === undefined ? before.crop : crop,
    rotate: rotate ?? before.rotate,
    flip: flip ?? before.flip,
  });
  // A crop of the whole image is no crop.
  const whole = crop && crop.x === 0 && crop.y === 0 && crop.w === current.width && crop.h === current.height;
  return whole ? { ...columns, cropX: null, cropY: null, cropW: null, cropH: null } : columns;
}
