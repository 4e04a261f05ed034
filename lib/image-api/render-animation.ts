// Design notes: docs/image-api.md (animation: frame, loop, fps, reverse, skip).
import sharp, { type Metadata } from 'sharp';
import type { Animation } from './plan';

/** loop and fps as the options of sharp's gif and webp encoders (nothing for a still). */
export function playOptions(animation: Animation | null): { loop?: number; delay?: number } {
  if (animation === null) return {};
  return {
    ...(animation.loop === null ? {} : { loop: animation.loop }),
    ...(animation.fps === null ? {} : { delay: Math.round(1000 / animation.fps) }),
  };
}

/** The frame indexes `reverse` and `skip` keep, in playing order. */
export function frameOrder(frames: number, animation: Animation): number[] {
  const kept = Array.from({ length: frames }, (_, i) => i).filter((i) => i % animation.skip === 0);
  return animation.reverse ? kept.reverse() : kept;
}

/**
 * The animation with its frames reordered (reverse) or thinned (skip), re-encoded in its own format (GIF, else
 * lossless WebP at effort 0) with each kept frame's delay, so that the rest of the render sees a plain animation.
 * Decodes every frame once: bounded by the input limit × frames, as an animated render is.
 */
export async function reframed(
  input: Buffer | string,
  meta: Metadata,
  animation: Animation,
  limit: number,
): Promise<Buffer> {
  const pages = meta.pages ?? 1;
  const pageHeight = meta.pageHeight ?? meta.height;
  const { data, info } = await sharp(input, { animated: true, limitInputPixels: limit })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const frameBytes = info.width * pageHeight * 4;
  const order = frameOrder(pages, animation);
  const frames = Buffer.concat(order.map((i) => data.subarray(i * frameBytes, (i + 1) * frameBytes)));
  const delay = order.map((i) => meta.delay?.[i] ?? 100);
  const raw = { width: info.width, height: pageHeight * order.length, channels: 4 as const, pageHeight };
  const image = sharp(frames, { raw });
  const timing = { loop: meta.loop ?? 0, delay };
  return meta.format === 'gif'
    ? image.gif(timing).toBuffer()
    : image.webp({ ...timing, lossless: true, effort: 0 }).toBuffer();
}
