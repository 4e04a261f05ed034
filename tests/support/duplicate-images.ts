import sharp from 'sharp';

/**
 * A 320×240 PNG of 16×12 blocks of colours drawn from `seed`: a picture with edges of its own, so its difference hash
 * is far from every other test image's (flat colours all share one).
 */
export async function blockPicture(seed: number): Promise<Buffer> {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const raw = Buffer.alloc(16 * 12 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(next() * 256);
  return sharp(raw, { raw: { width: 16, height: 12, channels: 3 } })
    .resize(320, 240, { kernel: 'nearest' })
    .png()
    .toBuffer();
}

/** The same picture at half the size, as a JPEG: a near-duplicate, not the same bytes. */
export const resizedCopy = (picture: Buffer) => sharp(picture).resize(160).jpeg({ quality: 70 }).toBuffer();

/** A seed no other test run uses. */
export const freshSeed = () => Math.floor(Math.random() * 2_000_000_000) + 1;
