// Design notes: docs/image-api.md, "Stored edits".
import { cacheKeyOf } from './cache-key';
import type { StoredEdit, TransformOps, TransformPlan } from './plan';

/** A quarter turn clockwise. */
export type QuarterTurn = 0 | 90 | 180 | 270;
export type Flip = 'none' | 'h' | 'v' | 'hv';

/**
 * An image's stored, non-destructive edit: the focal point as fractions of the original (EXIF orientation
 * applied), the crop in pixels of that same original, then a quarter turn clockwise and a flip of the result.
 */
export interface ImageEdit {
  readonly focalPoint: { readonly x: number; readonly y: number } | null;
  readonly crop: { readonly x: number; readonly y: number; readonly w: number; readonly h: number } | null;
  readonly rotate: QuarterTurn;
  readonly flip: Flip;
}

type Size = { readonly width: number; readonly height: number };

/** Whether an edit changes nothing (no focal point, no crop, no turn, no flip). */
export const isNoEdit = (edit: ImageEdit) =>
  edit.focalPoint === null && edit.crop === null && edit.rotate === 0 && edit.flip === 'none';

/** The stored crop as it applies to a source of this size: cut to fit, null when nothing of it is inside. */
export function cropWithin(crop: ImageEdit['crop'], source: Size): ImageEdit['crop'] {
  if (crop === null) return null;
  const x = Math.min(Math.max(0, crop.x), source.width);
  const y = Math.min(Math.max(0, crop.y), source.height);
  const w = Math.min(crop.x + crop.w, source.width) - x;
  const h = Math.min(crop.y + crop.h, source.height) - y;
  if (w < 1 || h < 1) return null;
  return x === 0 && y === 0 && w === source.width && h === source.height ? null : { x, y, w, h };
}

/** The size of a source once a stored edit is applied: the crop's, then turned. */
export function editedSize(source: Size, edit: Pick<StoredEdit, 'crop' | 'rotate'>): Size {
  const crop = cropWithin(edit.crop, source);
  const cut = crop === null ? source : { width: crop.w, height: crop.h };
  return edit.rotate % 180 === 0 ? cut : { width: cut.height, height: cut.width };
}

/**
 * Where a point of the original (fractions) lies in the edited image (fractions): through the crop (clamped to
 * its edges), the turn and the flip.
 * @example focalInEdited({ x: 0.25, y: 0.75 }, { crop: null, rotate: 90, flip: 'none' }, size) // { x: 0.25, y: 0.25 }
 */
export function focalInEdited(
  focal: { readonly x: number; readonly y: number },
  edit: Pick<StoredEdit, 'crop' | 'rotate' | 'flip'>,
  source: Size,
): { x: number; y: number } {
  const crop = cropWithin(edit.crop, source) ?? { x: 0, y: 0, w: source.width, h: source.height };
  const clamp = (n: number) => Math.min(1, Math.max(0, n));
  const u = clamp((focal.x * source.width - crop.x) / crop.w);
  const v = clamp((focal.y * source.height - crop.y) / crop.h);
  const [x, y] =
    edit.rotate === 90 ? [1 - v, u] : edit.rotate === 180 ? [1 - u, 1 - v] : edit.rotate === 270 ? [v, 1 - u] : [u, v];
  const round = (n: number) => Math.round(n * 10000) / 10000;
  return {
    x: round(edit.flip === 'h' || edit.flip === 'hv' ? 1 - x : x),
    y: round(edit.flip === 'v' || edit.flip === 'hv' ? 1 - y : y),
  };
}

/**
 * The plan with a media item's stored edit in it (and in `cacheKey`, so a changed edit is a new variant): the crop,
 * turn and flip apply to the source before anything the query asks for. The focal point decides fit=crop's cut
 * only when the query named no cut of its own (`namesCrop`: crop, fp-x, fp-y, fp-z, fit=facearea).
 * @example withStoredEdit(plan('w=400&h=400&fit=crop'), { focalPoint: { x: 0.8, y: 0.2 }, … }, false)
 */
export function withStoredEdit(plan: TransformPlan, edit: ImageEdit | null, namesCrop: boolean): TransformPlan {
  if (edit === null || isNoEdit(edit)) return plan;
  const focal = edit.focalPoint !== null && plan.resize.fit === 'crop' && !namesCrop ? edit.focalPoint : null;
  if (focal === null && edit.crop === null && edit.rotate === 0 && edit.flip === 'none') return plan;
  const stored: StoredEdit = { crop: edit.crop, rotate: edit.rotate, flip: edit.flip, focal };
  const { transforms, download, ignored, varyAccept, cacheKey: _, ...ops } = plan;
  const edited: TransformOps = { ...ops, edit: stored };
  return { transforms, download, ignored, varyAccept, ...edited, cacheKey: cacheKeyOf(edited) };
}

/** The key the plan would have without its stored edit (Kura's own transforms are recognised by it). */
export function keyWithoutEdit(plan: TransformPlan): string {
  if (plan.edit === null) return plan.cacheKey;
  const { transforms: _t, download: _d, ignored: _i, varyAccept: _v, cacheKey: _k, ...ops } = plan;
  return cacheKeyOf({ ...ops, edit: null });
}
