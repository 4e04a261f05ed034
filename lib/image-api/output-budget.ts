// Design notes: docs/image-api.md, the output budget.
import { badRequest } from '@/lib/errors';
import { MAX_SIDE } from './param-values';
import type { Adjust, TransformPlan } from './plan';
import { geometryOf, rectRegion, type Size } from './render-geometry';

export interface OutputBudget {
  /** KURA_MAX_OUTPUT_PIXELS: width × height × frames of the answer. */
  readonly maxPixels: number;
}

/** The canvas sharp's rotate makes for an angle: the rotated image's bounding box (corners transparent). */
export function rotatedSize(size: Size, degrees: number): Size {
  if (degrees % 90 === 0) return degrees % 180 === 0 ? size : { width: size.height, height: size.width };
  const rad = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.abs(Math.cos(rad)), Math.abs(Math.sin(rad))];
  return {
    width: Math.max(1, Math.round(size.width * cos + size.height * sin)),
    height: Math.max(1, Math.round(size.width * sin + size.height * cos)),
  };
}

/**
 * The size of the answer, computed through every step before any pixel is touched: rect, fit (with
 * dpr and the 8192 px box), rot, pad, border (mask keeps the size), times the frames of an animation.
 * Throws a 400 naming the parameter that makes a side exceed 8192 px or the total exceed the budget.
 * @example outputSizeOf(plan of w=8192&h=8192&fit=scale&pad=8192, { width: 640, height: 480 }, 1, budget) // throws:
 * "pad" … 8192 px
 */
export function outputSizeOf(plan: TransformPlan, source: Size, frames: number, budget: OutputBudget): Size {
  let size: Size = source;
  const step = (param: string, next: Size) => {
    if (next.width > MAX_SIDE || next.height > MAX_SIDE) {
      throw badRequest(
        `"${param}" would make the output ${next.width}×${next.height} pixels; the limit is ${MAX_SIDE} pixels a side`,
      );
    }
    const pixels = next.width * next.height * frames;
    if (pixels > budget.maxPixels) {
      const animation = frames > 1 ? ` × ${frames} frames` : '';
      throw badRequest(
        `"${param}" would make the output ${next.width}×${next.height} pixels${animation} (${pixels}); ` +
          `the limit is ${budget.maxPixels} pixels (KURA_MAX_OUTPUT_PIXELS)`,
      );
    }
    size = next;
  };
  const geometry = geometryOf(plan.resize, plan.crop, rectRegion(plan.rect, source) ?? source);
  step(plan.resize.w !== null || plan.resize.h !== null ? 'w/h' : 'rect', {
    width: geometry.width,
    height: geometry.height,
  });
  if (plan.rot !== 0) step('rot', rotatedSize(size, plan.rot));
  const { top, right, bottom, left } = plan.pad;
  if (top + right + bottom + left > 0)
    step('pad', { width: size.width + left + right, height: size.height + top + bottom });
  if (plan.border !== null) {
    const b = plan.border.size;
    step('border', { width: size.width + 2 * b, height: size.height + 2 * b });
  }
  // Steps that cannot join the sizing pipeline each end in a raw buffer (a copy of the whole output):
  // a quarter of the budget keeps two such renders near 600 MB (bench/RESULTS.md, image-api-rss).
  const cause = stepwiseCause(plan, geometry);
  const stepwiseMax = Math.floor(budget.maxPixels / STEPWISE_SHARE);
  const pixels = size.width * size.height * frames;
  if (cause !== null && pixels > stepwiseMax) {
    throw badRequest(
      `"${cause}" runs as a step of its own, so its output may have at most ${stepwiseMax} pixels ` +
        (`(a quarter of KURA_MAX_OUTPUT_PIXELS); this one would be ` +
          `${size.width}×${size.height}${frames > 1 ? ` × ${frames} frames` : ''}`),
    );
  }
  return size;
}

const STEPWISE_SHARE = 4;

/**
 * The parameter that makes render.ts run the effects step by step (the cases `pipelinedEffects` in
 * render-effects.ts declines, and effects on a fill/fillmax/clamp canvas), or null when they pipeline.
 */
export function stepwiseCause(plan: TransformPlan, geometry: { extend: unknown; cover: unknown }): string | null {
  if (plan.adjust !== null) return adjustedParam(plan.adjust);
  if (plan.mark !== null) return 'mark';
  if (plan.text !== null) return 'txt';
  const simple = (['blur', 'sharp'] as const).find((p) => plan[p] > 0);
  if (simple) return simple;
  if (plan.mask !== null) return 'mask';
  if (plan.rot % 90 !== 0) return 'rot';
  if (plan.border !== null && plan.border.color.alpha !== 1) return 'border';
  const { top, right, bottom, left } = plan.pad;
  const effect =
    plan.border !== null
      ? 'border'
      : top + right + bottom + left > 0
        ? 'pad'
        : plan.rot !== 0
          ? 'rot'
          : plan.flip.h || plan.flip.v
            ? 'flip'
            : null;
  if (effect !== null && geometry.extend !== null) return effect;
  if (plan.rot % 180 !== 0 && (plan.flip.h || plan.flip.v || geometry.cover !== null)) return 'rot';
  return null;
}

/** The first colour or detail parameter that is set: each of them works on a raw copy of the image. */
function adjustedParam(a: Adjust): string {
  const set: [string, boolean][] = [
    ['bri', a.bri !== 0],
    ['con', a.con !== 0],
    ['exp', a.exp !== 0],
    ['gam', a.gam !== 0],
    ['high', a.high !== 0],
    ['shad', a.shad !== 0],
    ['sat', a.sat !== 0],
    ['vib', a.vib !== 0],
    ['hue', a.hue !== 0],
    ['invert', a.invert],
    ['monochrome', a.monochrome !== null],
    ['sepia', a.sepia !== 0],
    ['duotone', a.duotone !== null],
    ['px', a.px !== 0],
    ['nr', a.nr !== null],
    ['usm', a.usm !== null],
  ];
  return set.find(([, on]) => on)?.[0] ?? 'htn';
}
