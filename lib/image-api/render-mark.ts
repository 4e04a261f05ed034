// Design notes: docs/image-api.md (watermarks).
import sharp, { type OverlayOptions } from 'sharp';
import type { Dimension, TransformPlan, Watermark } from './plan';
import type { Size } from './render-geometry';
import { cropped } from './render-text';

/** The watermark media's bytes (or file path) and the plan of its own Image API parameters (null: none). */
export interface MarkSource {
  readonly input: Buffer | string;
  readonly plan: TransformPlan | null;
}

/** Renders the watermark's own plan as a PNG (alpha kept); injected by render.ts to avoid a cycle. */
export type RenderOwn = (input: Buffer | string, plan: TransformPlan) => Promise<Buffer>;

const length = (d: Dimension | null, side: number, dpr: number) =>
  d === null ? null : Math.max(1, Math.round(d.kind === 'fraction' ? d.value * side : d.value * dpr));

const FITS = { clip: 'inside', max: 'inside', crop: 'cover', scale: 'fill', fill: 'contain' } as const;
const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

/**
 * The watermark as composite overlays for an image of `canvas` size: its own parameters first, then sized by
 * mark-w / mark-h (pixels × dpr, or fractions of the image) with mark-fit, or to mark-scale % of the image's width;
 * never larger than the image. mark-alpha scales its alpha. Placed by mark-align inside mark-pad, or at mark-x /
 * mark-y, or repeated over the whole image with mark-tile=grid.
 */
export async function markOverlays(
  mark: Watermark,
  source: MarkSource,
  canvas: Size,
  dpr: number,
  renderOwn: RenderOwn,
): Promise<OverlayOptions[]> {
  const bytes = source.plan === null ? source.input : await renderOwn(source.input, source.plan);
  let image = sharp(bytes, { autoOrient: true }).ensureAlpha();
  const w = length(mark.w, canvas.width, dpr) ?? (mark.h === null && mark.scale !== null ? scaled(mark, canvas) : null);
  const h = length(mark.h, canvas.height, dpr);
  if (w !== null || h !== null) {
    image = sharp(
      await image
        .resize({
          width: w ?? undefined,
          height: h ?? undefined,
          fit: FITS[mark.fit],
          withoutEnlargement: mark.fit === 'max',
          background: TRANSPARENT,
        })
        .png()
        .toBuffer(),
    );
  }
  // Never larger than the image: sharp composites only overlays that fit.
  image = image.resize({ width: canvas.width, height: canvas.height, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (mark.alpha < 1) for (let i = 3; i < data.length; i += 4) data[i] = Math.round(data[i] * mark.alpha);
  const raw = { width: info.width, height: info.height, channels: 4 as const };
  if (mark.tile === 'grid') return [{ input: data, raw, tile: true, gravity: 'northwest' }];

  const pad = Math.round(mark.pad * dpr);
  const aligned = {
    left: { left: pad, center: (canvas.width - info.width) / 2, right: canvas.width - pad - info.width }[mark.align.x],
    top: { top: pad, middle: (canvas.height - info.height) / 2, bottom: canvas.height - pad - info.height }[
      mark.align.y
    ],
  };
  const left = Math.round(mark.x !== null ? mark.x * dpr : aligned.left);
  const top = Math.round(mark.y !== null ? mark.y * dpr : aligned.top);
  const layer = cropped({ data, width: info.width, height: info.height, left, top }, canvas);
  if (layer === null) return [];
  const placed = { width: layer.width, height: layer.height, channels: 4 as const };
  return [{ input: layer.data, raw: placed, left: layer.left, top: layer.top }];
}

const scaled = (mark: Watermark, canvas: Size) => Math.max(1, Math.round((canvas.width * (mark.scale ?? 100)) / 100));
