import 'server-only';
import sharp from 'sharp';

/**
 * Width × height of an image as displayed (EXIF orientation applied), read from its header without
 * decoding pixels; null when the header does not say (e.g. a format sharp cannot parse).
 */
export async function probeImageSize(input: Buffer | string): Promise<{ width: number; height: number } | null> {
  try {
    const meta = await sharp(input, { limitInputPixels: false, failOn: 'none' }).metadata();
    if (!meta.width || !meta.height) return null;
    const height = meta.pageHeight && meta.pages && meta.pages > 1 ? meta.pageHeight : meta.height;
    const rotated = (meta.orientation ?? 1) >= 5;
    return rotated ? { width: height, height: meta.width } : { width: meta.width, height };
  } catch {
    return null;
  }
}
