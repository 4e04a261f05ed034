import 'server-only';
import fs from 'node:fs';
import { imageSize } from 'image-size';
import sharp from 'sharp';

type Size = { width: number; height: number };

/**
 * Width × height of an image as displayed (EXIF orientation applied), read from its header without
 * decoding pixels; null when no reader understands it. sharp reads most formats; `image-size` covers
 * what this libvips build cannot (BMP, HEIC).
 */
export async function probeImageSize(input: Buffer | string): Promise<Size | null> {
  return (await withSharp(input)) ?? withImageSize(input);
}

async function withSharp(input: Buffer | string): Promise<Size | null> {
  try {
    const meta = await sharp(input, { limitInputPixels: false, failOn: 'none' }).metadata();
    if (!meta.width || !meta.height) return null;
    const height = meta.pageHeight && meta.pages && meta.pages > 1 ? meta.pageHeight : meta.height;
    return oriented({ width: meta.width, height }, meta.orientation);
  } catch {
    return null;
  }
}

function withImageSize(input: Buffer | string): Size | null {
  try {
    const result = imageSize(typeof input === 'string' ? readStart(input, 4 * 1024 * 1024) : input);
    return result.width && result.height
      ? oriented({ width: result.width, height: result.height }, result.orientation)
      : null;
  } catch {
    return null;
  }
}

const oriented = (size: Size, orientation?: number): Size =>
  (orientation ?? 1) >= 5 ? { width: size.height, height: size.width } : size;

function readStart(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}
