import sharp, { type Metadata } from 'sharp';

/** Colours far enough apart that resampling and lossy encoding never turn one into another. */
export const PALETTE = {
  red: [255, 0, 0],
  lime: [0, 255, 0],
  blue: [0, 0, 255],
  yellow: [255, 255, 0],
  grey: [128, 128, 128],
  cyan: [0, 255, 255],
  magenta: [255, 0, 255],
  white: [255, 255, 255],
  black: [0, 0, 0],
  orange: [255, 128, 0],
} as const satisfies Record<string, readonly [number, number, number]>;
export type ColourName = keyof typeof PALETTE;

const hex = (name: ColourName) => `#${PALETTE[name].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/**
 * A PNG of `rows` × columns square cells of `cell` pixels, each a palette colour: where a crop came from shows in its
 * colours.
 */
export async function grid(cell: number, rows: readonly (readonly ColourName[])[]): Promise<Buffer> {
  const solid = (name: ColourName) =>
    sharp({ create: { width: cell, height: cell, channels: 3, background: hex(name) } })
      .png()
      .toBuffer();
  const tiles = await Promise.all(
    rows.flatMap((row, y) => row.map(async (name, x) => ({ input: await solid(name), left: x * cell, top: y * cell }))),
  );
  const canvas = { width: cell * rows[0].length, height: cell * rows.length, channels: 3 as const, background: '#000' };
  return sharp({ create: canvas }).composite(tiles).removeAlpha().png().toBuffer(); // composite adds an alpha channel
}

/** One pixel of an encoded image, alpha 255 when it has none. */
export async function pixelAt(data: Buffer, x: number, y: number) {
  const { data: raw, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return { r: raw[i], g: raw[i + 1], b: raw[i + 2], a: info.channels === 4 ? raw[i + 3] : 255 };
}

/** The palette colour nearest to one pixel of an encoded image. */
export async function colourAt(data: Buffer, x: number, y: number): Promise<ColourName> {
  const { r, g, b } = await pixelAt(data, x, y);
  const distance = ([pr, pg, pb]: readonly number[]) => (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
  const names = Object.keys(PALETTE) as ColourName[];
  return names.reduce((best, name) => (distance(PALETTE[name]) < distance(PALETTE[best]) ? name : best));
}

/** An animated GIF of one solid frame per colour. */
export async function animatedGif(width: number, height: number, colours: readonly ColourName[]): Promise<Buffer> {
  const frames = await Promise.all(
    colours.map((name) =>
      sharp({ create: { width, height, channels: 3, background: hex(name) } })
        .png()
        .toBuffer(),
    ),
  );
  return sharp(frames, { join: { animated: true } })
    .gif({ delay: colours.map(() => 100) })
    .toBuffer();
}

/** Gaussian noise around mid-grey: busy pixels that lossy formats and entropy crops notice. */
export const noise = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 50 } },
  });

/** sharp's metadata of a response body; `pages` counts the frames of an animation. */
export const metadataOf = (body: Buffer): Promise<Metadata> => sharp(body).metadata();

/**
 * A grey PNG with squares of colour centred on given points: where a crop is centred shows in the colour at the
 * middle of the output.
 */
export async function spots(
  width: number,
  height: number,
  marks: readonly { x: number; y: number; size: number; colour: ColourName }[],
): Promise<Buffer> {
  const tiles = await Promise.all(
    marks.map(async ({ x, y, size, colour }) => ({
      input: await sharp({ create: { width: size, height: size, channels: 3, background: hex(colour) } })
        .png()
        .toBuffer(),
      left: Math.round(x - size / 2),
      top: Math.round(y - size / 2),
    })),
  );
  return sharp({ create: { width, height, channels: 3, background: hex('grey') } })
    .composite(tiles)
    .removeAlpha()
    .png()
    .toBuffer();
}

/** The palette colour nearest to the middle pixel of an encoded image: where a crop was centred. */
export async function colourAtMiddle(data: Buffer): Promise<ColourName> {
  const { width, height } = await sharp(data).metadata();
  return colourAt(data, Math.floor(width / 2), Math.floor(height / 2));
}
