import { MAX_SIDE, clamp } from './param-values';
import type { Crop, Dimension, Rect, RectOffset, Resize, Sides } from './plan';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Region extends Size {
  readonly left: number;
  readonly top: number;
}

/**
 * How to size an image, in output pixels. `extract` first cuts a region of the (oriented, rect-cut)
 * source (focal point); `resize` stretches what is left to exactly that size, except with `cover`,
 * where sharp crops to it by position or strategy; `extend` adds canvas around it (fill, fillmax, clamp).
 */
export interface Geometry {
  readonly extract: Region | null;
  readonly resize: Size | null;
  readonly cover: Crop | null;
  /** `copy` repeats the edge pixels (fit=clamp) instead of painting a colour. */
  readonly extend: (Sides & { readonly copy: boolean }) | null;
  readonly width: number;
  readonly height: number;
}

const px = (d: Dimension, side: number) => (d.kind === 'fraction' ? d.value * side : d.value);
const atLeast1 = (n: number) => Math.max(1, Math.round(n));

/** The source region `rect` cuts, clipped to the image; null when it is the whole image. */
export function rectRegion(rect: Rect | null, source: Size): Region | null {
  if (rect === null) return null;
  const width = clamp(atLeast1(px(rect.w, source.width)), 1, source.width);
  const height = clamp(atLeast1(px(rect.h, source.height)), 1, source.height);
  const offset = (o: RectOffset, side: number, size: number) =>
    o.kind === 'align' ? (o.value === 'center' ? (side - size) / 2 : side - size) : px(o, side);
  const left = clamp(Math.round(offset(rect.x, source.width, width)), 0, source.width - width);
  const top = clamp(Math.round(offset(rect.y, source.height, height)), 0, source.height - height);
  if (left === 0 && top === 0 && width === source.width && height === source.height) return null;
  return { left, top, width, height };
}

/** Scales a box down, keeping its ratio, until no side exceeds MAX_SIDE. */
function capped(width: number, height: number): Size {
  const k = Math.min(1, MAX_SIDE / width, MAX_SIDE / height);
  return { width: clamp(atLeast1(width * k), 1, MAX_SIDE), height: clamp(atLeast1(height * k), 1, MAX_SIDE) };
}

const plain = (size: Size, source: Size): Geometry => ({
  extract: null,
  resize: size.width === source.width && size.height === source.height ? null : size,
  cover: null,
  extend: null,
  ...size,
});

/** The largest size of the source's ratio inside a box, optionally never larger than the source. */
function inside(box: Size, source: Size, enlarge: boolean): Size {
  let k = Math.min(box.width / source.width, box.height / source.height);
  if (!enlarge) k = Math.min(k, 1);
  return capped(source.width * k, source.height * k);
}

/** Output geometry of imgix's fit modes for a source of `source` pixels (after orientation and rect). */
export function geometryOf(resize: Resize, crop: Crop, source: Size): Geometry {
  const { fit, dpr } = resize;
  let w = resize.w === null ? null : px(resize.w, source.width) * dpr;
  let h = resize.h === null ? null : px(resize.h, source.height) * dpr;
  const ratio = source.width / source.height;

  if (fit === 'crop' || fit === 'fill') {
    // ar completes a single side; with neither side it crops the source to that ratio at full size.
    if (resize.ar !== null && (w === null) !== (h === null)) {
      if (w === null) w = h! * resize.ar;
      else h = w / resize.ar;
    } else if (resize.ar !== null && w === null && h === null && fit === 'crop') {
      [w, h] =
        resize.ar > ratio ? [source.width, source.width / resize.ar] : [source.height * resize.ar, source.height];
    }
  }
  if (fit === 'crop') {
    w ??= h === null ? source.width : h * ratio;
    h ??= w / ratio;
    w = clamp(w, resize.min.w ?? 0, resize.max.w ?? Infinity);
    h = clamp(h, resize.min.h ?? 0, resize.max.h ?? Infinity);
  }
  // No size asked: the source's own, still clamped to 8192 px a side like every output (SPEC §3).
  if (w === null && h === null) return plain(capped(source.width, source.height), source);

  // One side only: every mode scales to it, keeping the ratio (max, min and fillmax never enlarge).
  if (w === null || h === null) {
    const scale = w !== null ? w / source.width : h! / source.height;
    const k = fit === 'max' || fit === 'min' || fit === 'fillmax' ? Math.min(scale, 1) : scale;
    return plain(capped(source.width * k, source.height * k), source);
  }

  const box = capped(w, h);
  switch (fit) {
    case 'clip':
      return plain(inside(box, source, true), source);
    case 'max':
      return plain(inside(box, source, false), source);
    case 'scale':
      return plain(box, source);
    case 'min': {
      const k = Math.min(1, source.width / box.width, source.height / box.height);
      return coverOf({ width: atLeast1(box.width * k), height: atLeast1(box.height * k) }, crop, source);
    }
    case 'crop':
      return coverOf(box, crop, source);
    case 'fill':
    case 'clamp':
    case 'fillmax': {
      const image = inside(box, source, fit !== 'fillmax');
      const dx = box.width - image.width;
      const dy = box.height - image.height;
      const extend = {
        left: Math.floor(dx / 2),
        right: Math.ceil(dx / 2),
        top: Math.floor(dy / 2),
        bottom: Math.ceil(dy / 2),
        copy: fit === 'clamp',
      };
      return { ...plain(image, source), extend: dx > 0 || dy > 0 ? extend : null, ...box };
    }
  }
}

/** Fills `box` with the source and cuts the excess: sharp's cover, or by hand around a focal point. */
function coverOf(box: Size, crop: Crop, source: Size): Geometry {
  if (crop.mode !== 'focalpoint') return { extract: null, resize: box, cover: crop, extend: null, ...box };
  // The source region that, scaled to the box, shows fp-z times closer around the focal point.
  const k = Math.max(box.width / source.width, box.height / source.height) * crop.z;
  const width = clamp(atLeast1(box.width / k), 1, source.width);
  const height = clamp(atLeast1(box.height / k), 1, source.height);
  const left = clamp(Math.round(crop.x * source.width - width / 2), 0, source.width - width);
  const top = clamp(Math.round(crop.y * source.height - height / 2), 0, source.height - height);
  return { extract: { left, top, width, height }, resize: box, cover: null, extend: null, ...box };
}
