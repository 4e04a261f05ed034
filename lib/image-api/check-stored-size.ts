import 'server-only';
import type { Media } from '@/db/schema';
import { config } from '@/lib/config';
import { outputSizeOf } from './output-budget';
import { tooLarge } from './refusals';
import type { TransformPlan } from './plan';
import { editedSize } from './stored-edit';

/**
 * The checks that need only the media row: the input-pixel limit on the stored width × height (so an
 * S3 original over it is never downloaded for a transform) and the output budget for one frame (animations are
 * checked again, with their frame count, once the header is read). Throws 413 or 400; render
 * repeats both on the file's own header, so a row without dimensions is still bounded.
 * @example checkBeforeReading(photo20000x20000, planW100) // throws 413 "too large to transform"
 */
export function checkBeforeReading(m: Media, plan: TransformPlan): void {
  // fm=json reads the header only: nothing is decoded and nothing drawn, so neither bound applies.
  if (m.width === null || m.height === null || plan.output.format === 'json') return;
  const { KURA_MAX_INPUT_PIXELS, KURA_MAX_OUTPUT_PIXELS } = config();
  const pixels = m.width * m.height;
  if (pixels > KURA_MAX_INPUT_PIXELS) throw tooLarge(pixels, KURA_MAX_INPUT_PIXELS);
  // Stored sizes are as displayed (EXIF applied); an `orient` override may swap them, so it waits for the header.
  if (plan.orient === null) {
    const stored = { width: m.width, height: m.height };
    outputSizeOf(plan, plan.edit === null ? stored : editedSize(stored, plan.edit), 1, {
      maxPixels: KURA_MAX_OUTPUT_PIXELS,
    });
  }
}
