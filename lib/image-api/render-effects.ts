import sharp, { type Sharp } from 'sharp';
import type { Color, Mask, StoredEdit, TransformPlan } from './plan';
import type { Geometry, Size } from './render-geometry';
import { cropWithin } from './stored-edit';

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

/**
 * Ends a pass: sharp applies rotate, flip, extend and composite in its own fixed order, so each gets one.
 * The re-read carries the output budget as its pixel limit: the plan was checked against it, so a
 * larger buffer here is a bug to refuse, not pixels to push through.
 */
export async function settle(image: Sharp, limit: number): Promise<Sharp> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return sharp(data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
    limitInputPixels: limit,
  });
}

/** Applies an EXIF orientation (1–8) to pixels that have not been oriented. */
export async function applyOrientation(image: Sharp, orient: number, limit: number): Promise<Sharp> {
  const angle = orient === 3 ? 180 : orient >= 5 && orient <= 7 ? 90 : orient === 8 ? 270 : 0;
  let out = angle === 0 ? image : await settle(image.rotate(angle), limit);
  if (orient === 2 || orient === 5) out = await settle(out.flop(), limit);
  if (orient === 4 || orient === 7) out = await settle(out.flip(), limit);
  return out;
}

/** A media item's stored edit on the oriented source: the crop (cut to fit), then the quarter turn, then the flip. */
export async function applyStoredEdit(image: Sharp, edit: StoredEdit, source: Size, limit: number): Promise<Sharp> {
  const crop = cropWithin(edit.crop, source);
  let out =
    crop === null
      ? image
      : await settle(image.extract({ left: crop.x, top: crop.y, width: crop.w, height: crop.h }), limit);
  if (edit.rotate !== 0) out = await settle(out.rotate(edit.rotate), limit);
  if (edit.flip === 'none') return out;
  if (edit.flip !== 'v') out = out.flop();
  if (edit.flip !== 'h') out = out.flip();
  return settle(out, limit);
}

/** imgix's blur (0–2000) as a Gaussian sigma: blur / 20, so 200 → 10 and 2000 → 100. */
export const blurSigma = (blur: number) => Math.max(0.3, blur / 20);

/** imgix's sharp (0–100) as sharpen's sigma: 0.5 + sharp / 40, so 100 → 3. */
export const sharpenSigma = (amount: number) => 0.5 + amount / 40;

export const hasEffects = (plan: TransformPlan) =>
  plan.rot !== 0 ||
  plan.flip.h ||
  plan.flip.v ||
  plan.blur > 0 ||
  plan.sharp > 0 ||
  plan.mask !== null ||
  plan.border !== null ||
  Object.values(plan.pad).some((n) => n > 0);

/** rot → flip → blur → sharp → mask → pad → border, each on the sized image. */
export async function applyEffects(input: Sharp, plan: TransformPlan, limit: number): Promise<Sharp> {
  let image = input;
  if (plan.rot !== 0) image = await settle(image.rotate(plan.rot, { background: TRANSPARENT }), limit);
  if (plan.flip.h) image = image.flop();
  if (plan.flip.v) image = image.flip();
  if (plan.blur > 0) image = image.blur(blurSigma(plan.blur));
  if (plan.sharp > 0) image = image.sharpen({ sigma: sharpenSigma(plan.sharp) });
  image = await settle(image, limit);
  if (plan.mask !== null) {
    const { width, height } = await image.metadata();
    const svg = maskSvg(plan.mask, width, height);
    image = await settle(image.ensureAlpha().composite([{ input: Buffer.from(svg), blend: 'dest-in' }]), limit);
  }
  const { top, right, bottom, left } = plan.pad;
  if (top + right + bottom + left > 0) {
    image = await settle(image.extend({ top, right, bottom, left, background: plan.bg ?? TRANSPARENT }), limit);
  }
  if (plan.border !== null) {
    const size = plan.border.size;
    image = await settle(
      image.extend({ top: size, right: size, bottom: size, left: size, background: plan.border.color }),
      limit,
    );
  }
  return image;
}

/**
 * rot (by quarter turns), flips, pad and border added to the sized image's own pipeline, so no pass ends
 * in a raw buffer (256 MiB at 8192² RGBA): sharp runs flips, then the quarter turn, then one extend, then
 * composites, all after the resize. pad and border become one extend in the pad colour with the border
 * painted over its outer ring. Null when a step needs a pass of its own (blur, sharp, mask, a free angle,
 * a flip that would not commute with the turn, a
 * cover crop, which sharp cuts after the turn, a translucent border, which must not blend with the pad).
 */
export function pipelinedEffects(image: Sharp, plan: TransformPlan, sized: Geometry): Sharp | null {
  if (plan.blur > 0 || plan.sharp > 0 || plan.mask !== null || plan.rot % 90 !== 0) return null;
  // sharp cuts a cover crop after its quarter turn; a translucent border needs its own extend.
  const quarter = plan.rot % 180 !== 0;
  if (quarter && (plan.flip.h || plan.flip.v || sized.cover !== null)) return null;
  if (plan.border !== null && plan.border.color.alpha !== 1) return null;
  let out = image;
  if (plan.flip.h) out = out.flop();
  if (plan.flip.v) out = out.flip();
  if (plan.rot !== 0) out = out.rotate(plan.rot);
  const { top, right, bottom, left } = plan.pad;
  const b = plan.border?.size ?? 0;
  if (top + right + bottom + left === 0 && plan.border !== null) {
    return out.extend({ top: b, right: b, bottom: b, left: b, background: plan.border.color });
  }
  if (top + right + bottom + left === 0) return out;
  out = out.extend({
    top: top + b,
    right: right + b,
    bottom: bottom + b,
    left: left + b,
    background: plan.bg ?? TRANSPARENT,
  });
  if (plan.border === null || b === 0) return out;
  const turned = !quarter ? sized : { width: sized.height, height: sized.width };
  const width = turned.width + left + right + 2 * b;
  const height = turned.height + top + bottom + 2 * b;
  const strip = (w: number, h: number, x: number, y: number) => ({
    input: { create: { width: w, height: h, channels: 4 as const, background: plan.border!.color } },
    left: x,
    top: y,
  });
  return out.composite([
    strip(width, b, 0, 0),
    strip(width, b, 0, height - b),
    strip(b, height - 2 * b, 0, b),
    strip(b, height - 2 * b, width - b, b),
  ]);
}

/** A white shape on transparency: composited with dest-in it keeps only the pixels under the shape. */
function maskSvg(mask: Mask, width: number, height: number): string {
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`;
  if (mask.kind === 'ellipse') {
    return (
      `${open}<ellipse cx="${width / 2}" cy="${height / 2}" ` +
      `rx="${width / 2}" ry="${height / 2}" fill="#fff"/></svg>`
    );
  }
  const half = Math.min(width, height) / 2;
  const [tl, tr, br, bl] = (mask.radius ?? Array(4).fill(Math.min(width, height) * 0.2)).map((r) => Math.min(r, half));
  const d = [
    `M${tl},0 H${width - tr} A${tr},${tr} 0 0 1 ${width},${tr}`,
    `V${height - br} A${br},${br} 0 0 1 ${width - br},${height}`,
    `H${bl} A${bl},${bl} 0 0 1 0,${height - bl}`,
    `V${tl} A${tl},${tl} 0 0 1 ${tl},0 Z`,
  ].join(' ');
  return `${open}<path d="${d}" fill="#fff"/></svg>`;
}

/** sharp's colour object from a plan colour. */
export const sharpColor = (c: Color) => ({ r: c.r, g: c.g, b: c.b, alpha: c.alpha });
