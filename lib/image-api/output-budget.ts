import { badRequest } from '@/lib/errors';
import { MAX_SIDE } from './param-values';
import type { TransformPlan } from './plan';
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
 * @example outputSizeOf(plan of w=8192&h=8192&fit=scale&pad=8192, { width: 640, height: 480 }, 1, budget) // throws: "pad" … 8192 px
 */
export function outputSizeOf(plan: TransformPlan, source: Size, frames: number, budget: OutputBudget): Size {
  let size: Size = source;
  const step = (param: string, next: Size) => {
    if (next.width > MAX_SIDE || next.height > MAX_SIDE) {
      throw badRequest(`"${param}" would make the output ${next.width}×${next.height} pixels; the limit is ${MAX_SIDE} pixels a side`);
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
  step(plan.resize.w !== null || plan.resize.h !== null ? 'w/h' : 'rect', { width: geometry.width, height: geometry.height });
  if (plan.rot !== 0) step('rot', rotatedSize(size, plan.rot));
  const { top, right, bottom, left } = plan.pad;
  if (top + right + bottom + left > 0) step('pad', { width: size.width + left + right, height: size.height + top + bottom });
  if (plan.border !== null) {
    const b = plan.border.size;
    step('border', { width: size.width + 2 * b, height: size.height + 2 * b });
  }
  return size;
}
