import { describe, expect, it } from 'vitest';
import { padded, walkTrim, type Pixels } from '@/lib/image-api/render-trim';

// trim=auto's walk from the edges (trim-md, trim-sd) on raw pixels; over HTTP: tests/api/image-api-adjust.spec.ts.

type Rgb = readonly [number, number, number];
const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];
const WHITE: Rgb = [255, 255, 255];

/** A width × height RGB image: `inner` in a frame of `frame` pixels, every `speck`-th frame pixel white. */
function framed(frame: number, speck: number | null): Pixels {
  const [width, height] = [40, 30];
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= frame && x < width - frame && y >= frame && y < height - frame;
      const specked = !inside && speck !== null && (x + y) % speck === speck - 1;
      data.set(inside ? BLUE : specked ? WHITE : RED, (y * width + x) * 3);
    }
  }
  return { data, width, height, channels: 3 };
}

const INNER = { left: 5, top: 5, width: 30, height: 20 };

describe('walkTrim', () => {
  it('cuts a uniform frame exactly at imgix’s defaults', () => {
    expect(walkTrim(framed(5, null), { meanDifference: 11, deviation: 10 })).toEqual(INNER);
  });

  it('cuts a specked frame when trim-md and trim-sd allow the specks, and nothing when trim-sd does not', () => {
    // One pixel in ten is white: mean difference ≈ 25.5 in green and blue, standard deviation ≈ 76.5.
    const specked = framed(5, 10);
    expect(walkTrim(specked, { meanDifference: 40, deviation: 80 })).toEqual(INNER);
    expect(walkTrim(specked, { meanDifference: 40, deviation: 10 })).toEqual({
      left: 0,
      top: 0,
      width: 40,
      height: 30,
    });
    // trim-md alone also stops it.
    expect(walkTrim(specked, { meanDifference: 11, deviation: 80 })).toEqual({
      left: 0,
      top: 0,
      width: 40,
      height: 30,
    });
  });

  it('keeps an image that is border all over whole', () => {
    expect(walkTrim(framed(20, null), { meanDifference: 11, deviation: 10 })).toEqual({
      left: 0,
      top: 0,
      width: 40,
      height: 30,
    });
  });

  it('grows the region by trim-pad within the image', () => {
    expect(padded(INNER, 3, { width: 40, height: 30 })).toEqual({ left: 2, top: 2, width: 36, height: 26 });
    expect(padded(INNER, 99, { width: 40, height: 30 })).toEqual({ left: 0, top: 0, width: 40, height: 30 });
  });
});
