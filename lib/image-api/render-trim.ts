// Design notes: docs/image-api.md (trim).
import type { Region } from './render-geometry';

/** Raw pixels, `channels` bytes each (no alpha), row after row. */
export interface Pixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

export interface WalkLimits {
  /** trim-md: the largest mean difference (0–255, the largest over the channels) from the border colour. */
  readonly meanDifference: number;
  /** trim-sd: the largest standard deviation of a line's pixels (the largest over the channels). */
  readonly deviation: number;
}

/**
 * imgix's trim=auto: walks in from each edge and cuts a line of pixels (a row, or a column of the rows left)
 * while its mean difference from the border colour (the top-left pixel) is at most trim-md and the standard
 * deviation among its pixels is at most trim-sd; the first line that fails stops that edge. A line with a few
 * specks is cut, as long as they are rare and faint enough. Returns the region kept, before trim-pad; the whole
 * image when everything would be cut.
 * @example walkTrim(100×60 blue in a 20 px red frame, { meanDifference: 11, deviation: 10 })
 *   // { left: 20, top: 20, width: 100, height: 60 }
 */
export function walkTrim(pixels: Pixels, limits: WalkLimits): Region {
  const { data, width, height, channels } = pixels;
  const border = [...data.subarray(0, channels)];
  const sums = new Float64Array(channels);
  const squares = new Float64Array(channels);
  const differences = new Float64Array(channels);

  /** Whether the n pixels starting at `start`, `step` bytes apart, are border. */
  const isBorder = (start: number, step: number, n: number) => {
    sums.fill(0);
    squares.fill(0);
    differences.fill(0);
    for (let k = 0, i = start; k < n; k++, i += step) {
      for (let c = 0; c < channels; c++) {
        const v = data[i + c];
        sums[c] += v;
        squares[c] += v * v;
        differences[c] += Math.abs(v - border[c]);
      }
    }
    for (let c = 0; c < channels; c++) {
      const mean = sums[c] / n;
      const deviation = Math.sqrt(Math.max(0, squares[c] / n - mean * mean));
      if (differences[c] / n > limits.meanDifference || deviation > limits.deviation) return false;
    }
    return true;
  };

  const rowStep = width * channels;
  let top = 0;
  while (top < height && isBorder(top * rowStep, channels, width)) top++;
  if (top === height) return { left: 0, top: 0, width, height };
  let bottom = height;
  while (bottom > top && isBorder((bottom - 1) * rowStep, channels, width)) bottom--;
  const rows = bottom - top;
  let left = 0;
  while (left < width && isBorder(top * rowStep + left * channels, rowStep, rows)) left++;
  let right = width;
  while (right > left && isBorder(top * rowStep + (right - 1) * channels, rowStep, rows)) right--;
  return right > left ? { left, top, width: right - left, height: rows } : { left: 0, top: 0, width, height };
}

/** The region grown by trim-pad on every side, within the image. */
export function padded(region: Region, pad: number, size: { width: number; height: number }): Region {
  const left = Math.max(0, region.left - pad);
  const top = Math.max(0, region.top - pad);
  const right = Math.min(size.width, region.left + region.width + pad);
  const bottom = Math.min(size.height, region.top + region.height + pad);
  return { left, top, width: right - left, height: bottom - top };
}
