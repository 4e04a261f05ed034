import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { KuraError } from '@/lib/errors';
import { parseImageParams } from '@/lib/image-api/parse-params';
import type { TransformPlan } from '@/lib/image-api/plan';
import { renderImage } from '@/lib/image-api/render';

const LIMIT = { maxInputPixels: 50_000_000, maxOutputPixels: 8192 * 8192 };

function plan(query: string, accept?: string): TransformPlan {
  const parsed = parseImageParams(new URLSearchParams(query), { accept });
  if (!parsed.transforms) throw new Error(`expected "${query}" to transform`);
  return parsed;
}

async function render(input: Buffer, query: string) {
  const out = await renderImage(input, plan(query), LIMIT);
  const meta = await sharp(out.data).metadata();
  return { ...out, meta };
}

/** A 400×300 image: left half red, right half blue, so crops and flips can be told apart. */
async function halves(format: 'png' | 'jpeg' | 'webp'): Promise<Buffer> {
  const blue = await sharp({ create: { width: 200, height: 300, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 300, channels: 3, background: '#ff0000' } })
    .composite([{ input: blue, left: 200, top: 0 }])
    .toFormat(format)
    .toBuffer();
}

/** The colour of one pixel of an encoded image. */
async function pixel(data: Buffer, x: number, y: number) {
  const { data: raw, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return { r: raw[i], g: raw[i + 1], b: raw[i + 2], a: info.channels === 4 ? raw[i + 3] : 255 };
}

const isRed = (p: { r: number; b: number }) => p.r > 200 && p.b < 60;
const isBlue = (p: { r: number; b: number }) => p.b > 200 && p.r < 60;

let png: Buffer;
let jpeg: Buffer;
beforeAll(async () => {
  png = await halves('png');
  jpeg = await halves('jpeg');
});

describe('fit modes on a 400×300 source', () => {
  it.each([
    ['w=100&h=100', 100, 75],
    ['w=100&h=100&fit=clip', 100, 75],
    ['w=800&h=800&fit=clip', 800, 600],
    ['w=800&h=800&fit=max', 400, 300],
    ['w=100&h=100&fit=max', 100, 75],
    ['w=100&h=100&fit=crop', 100, 100],
    ['w=800&h=100&fit=crop', 800, 100],
    ['w=100&h=50&fit=scale', 100, 50],
    ['w=100&h=100&fit=min', 100, 100],
    ['w=800&h=400&fit=min', 400, 200],
    ['w=100&h=100&fit=fill', 100, 100],
    ['w=800&h=800&fit=fillmax', 800, 800],
    ['w=100&h=100&fit=clamp', 100, 100],
    ['w=100&h=100&fit=facearea', 100, 100],
    ['w=100', 100, 75],
    ['h=150', 200, 150],
    ['w=800&fit=max', 400, 300],
  ])('%s → %i×%i', async (query, width, height) => {
    const out = await render(png, query);
    expect([out.meta.width, out.meta.height]).toEqual([width, height]);
    expect([out.width, out.height]).toEqual([width, height]);
  });

  it('fillmax pads without enlarging: the image stays 400×300 in the middle of the canvas', async () => {
    const out = await render(png, 'w=800&h=800&fit=fillmax&fill-color=00ff00&fm=png');
    expect(await pixel(out.data, 10, 10)).toMatchObject({ r: 0, g: 255, b: 0 });
    expect(isRed(await pixel(out.data, 210, 400))).toBe(true);
    expect(isBlue(await pixel(out.data, 590, 400))).toBe(true);
    expect(await pixel(out.data, 610, 400)).toMatchObject({ r: 0, g: 255, b: 0 });
  });

  it('fill pads with transparency in PNG and white in JPEG when no colour is given', async () => {
    const asPng = await render(png, 'w=100&h=100&fit=fill&fm=png');
    expect((await pixel(asPng.data, 50, 2)).a).toBe(0);
    const asJpg = await render(png, 'w=100&h=100&fit=fill&fm=jpg');
    const corner = await pixel(asJpg.data, 50, 2);
    expect(Math.min(corner.r, corner.g, corner.b)).toBeGreaterThan(240);
  });

  it('fill=blur fills the bands with a blurred copy, not a flat colour', async () => {
    const out = await render(png, 'w=100&h=200&fit=fill&fill=blur&fm=png');
    expect([out.meta.width, out.meta.height]).toEqual([100, 200]);
    const top = await pixel(out.data, 10, 5);
    expect(top.a).toBe(255);
    expect(top.r).toBeGreaterThan(100); // the blurred red half, not transparency or white
    expect(top.g).toBeLessThan(100);
  });

  it('clamp extends the edge pixels instead of a colour', async () => {
    const out = await render(png, 'w=100&h=100&fit=clamp&fm=png');
    expect(isRed(await pixel(out.data, 5, 2))).toBe(true);
    expect(isBlue(await pixel(out.data, 95, 98))).toBe(true);
  });
});

describe('crop positions and focal point', () => {
  it.each([
    ['w=50&h=100&fit=crop&crop=left', 'red'],
    ['w=50&h=100&fit=crop&crop=right', 'blue'],
    ['w=50&h=100&fit=crop&crop=focalpoint&fp-x=0.1&fp-y=0.5', 'red'],
    ['w=50&h=100&fit=crop&crop=focalpoint&fp-x=0.9&fp-y=0.5', 'blue'],
    ['w=100&h=100&fit=crop&crop=focalpoint&fp-x=0.4&fp-y=0.5&fp-z=4', 'red'],
    ['w=100&h=100&fit=crop&crop=focalpoint&fp-x=0.6&fp-y=0.5&fp-z=4', 'blue'],
  ])('%s keeps only %s', async (query, colour) => {
    // 400×300 covers 50×100 at 133×100: a left crop shows source x 0–150 (red), a right one 250–400 (blue).
    const out = await render(png, `${query}&fm=png`);
    const width = out.meta.width;
    expect([width, out.meta.height]).toEqual([query.startsWith('w=50') ? 50 : 100, 100]);
    const check = colour === 'red' ? isRed : isBlue;
    for (const x of [1, Math.floor(width / 2), width - 2]) expect(check(await pixel(out.data, x, 50))).toBe(true);
  });

  it.each(['entropy', 'edges', 'faces'])('crop=%s gives the requested size', async (mode) => {
    const out = await render(png, `w=120&h=80&fit=crop&crop=${mode}`);
    expect([out.meta.width, out.meta.height]).toEqual([120, 80]);
  });
});

describe('fractions, dpr, bounds, ar and rect', () => {
  it.each([
    ['w=0.5', 200, 150],
    ['w=0.25&h=0.5&fit=scale', 100, 150],
    ['w=100&dpr=2', 200, 150],
    ['w=100&h=100&fit=crop&dpr=3', 300, 300],
    ['w=0.5&dpr=1.5', 300, 225],
    ['w=4000&h=10&fit=scale&dpr=4', 8192, 20],
    ['w=8192&h=10&fit=scale&dpr=2', 8192, 10],
    ['w=200&fit=crop&ar=1:1', 200, 200],
    ['h=100&fit=crop&ar=16:9', 178, 100],
    ['fit=crop&ar=1:1', 300, 300],
    ['w=300&h=300&fit=crop&max-w=200&max-h=100', 200, 100],
    ['w=50&h=50&fit=crop&min-w=80', 80, 50],
    ['rect=0,0,200,300', 200, 300],
    ['rect=100,50,0.5,0.5', 200, 150],
    ['rect=100,50,200,100&w=100', 100, 50],
    ['rect=center,middle,full,100', 400, 100],
  ])('%s → %i×%i', async (query, width, height) => {
    const out = await render(png, query);
    expect([out.meta.width, out.meta.height]).toEqual([width, height]);
  });

  it('clamps a clip output to 8192 px a side, keeping the ratio', async () => {
    const strip = await sharp({ create: { width: 100, height: 1, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const out = await render(strip, 'w=2000&h=2000&dpr=8');
    expect([out.meta.width, out.meta.height]).toEqual([8192, 82]);
  });

  it('rect cuts before resizing: the right half becomes all blue', async () => {
    const out = await render(png, 'rect=200,0,200,300&w=50&fm=png');
    expect([out.meta.width, out.meta.height]).toEqual([50, 75]);
    expect(isBlue(await pixel(out.data, 0, 0))).toBe(true);
    expect(isBlue(await pixel(out.data, 49, 74))).toBe(true);
  });
});

describe('output formats', () => {
  it.each([
    ['fm=jpg', 'jpeg', 'image/jpeg'],
    ['fm=pjpg', 'jpeg', 'image/jpeg'],
    ['fm=png', 'png', 'image/png'],
    ['fm=png8', 'png', 'image/png'],
    ['fm=webp', 'webp', 'image/webp'],
    ['fm=avif', 'heif', 'image/avif'],
    ['fm=gif', 'gif', 'image/gif'],
    ['w=50', 'png', 'image/png'],
  ])('%s from PNG → %s', async (query, format, contentType) => {
    const out = await render(png, `w=40&${query}`);
    expect(out.meta.format).toBe(format);
    expect(out.contentType).toBe(contentType);
  });

  it('keeps the source format (JPEG) without fm', async () => {
    const out = await render(jpeg, 'w=50');
    expect([out.meta.format, out.contentType]).toEqual(['jpeg', 'image/jpeg']);
  });

  it('auto=format picks WebP from Accept', async () => {
    const out = await renderImage(png, plan('w=50&auto=format', 'image/webp,*/*'), LIMIT);
    expect(out.contentType).toBe('image/webp');
    expect((await sharp(out.data).metadata()).format).toBe('webp');
  });

  it('pjpg is progressive, jpg is not', async () => {
    expect((await render(png, 'w=40&fm=pjpg')).meta.isProgressive).toBe(true);
    expect((await render(png, 'w=40&fm=jpg')).meta.isProgressive).toBe(false);
  });

  it('avif is AV1 in HEIF', async () => {
    expect((await render(png, 'w=40&fm=avif')).meta.compression).toBe('av1');
  });

  it('q changes the bytes: q=10 is smaller than q=90', async () => {
    const low = await render(jpeg, 'w=300&q=10&fm=jpg');
    const high = await render(jpeg, 'w=300&q=90&fm=jpg');
    expect(low.data.length).toBeLessThan(high.data.length);
  });

  it('lossless WebP keeps exact pixels', async () => {
    const out = await render(png, 'w=400&fm=webp&lossless=1');
    expect(await pixel(out.data, 10, 10)).toMatchObject({ r: 255, g: 0, b: 0 });
    expect(await pixel(out.data, 390, 10)).toMatchObject({ r: 0, g: 0, b: 255 });
  });

  it('fm=json describes the source, not a variant', async () => {
    const out = await renderImage(jpeg, plan('fm=json&w=10'), LIMIT);
    expect(out.contentType).toBe('application/json');
    const body = JSON.parse(out.data.toString('utf8'));
    expect(body).toMatchObject({
      width: 400,
      height: 300,
      format: 'jpeg',
      contentType: 'image/jpeg',
      bytes: jpeg.length,
    });
    expect(body).toMatchObject({ PixelWidth: 400, PixelHeight: 300 });
  });

  /** The average colour a BlurHash encodes (its DC component) as 0xRRGGBB. */
  const dcOf = (hash: string) => {
    const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';
    return [...hash.slice(2, 6)].reduce((n, c) => n * 83 + digits.indexOf(c), 0);
  };

  it('fm=blurhash of a solid colour: 4×3 components and that colour as DC', async () => {
    const solid = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const out = await renderImage(solid, plan('fm=blurhash'), LIMIT);
    expect(out.contentType).toBe('text/plain; charset=utf-8');
    const hash = out.data.toString('utf8');
    expect(hash).toHaveLength(28);
    expect(hash[0]).toBe('L'); // size flag (4 - 1) + (3 - 1)·9 = 21
    expect(dcOf(hash)).toBe(0xff0000);
  });

  it.each([
    ['crop=left', 'ff0000'],
    ['crop=right', '0000ff'],
  ])('fm=blurhash hashes the cropped variant: %s averages to #%s', async (crop, dc) => {
    // sharp keeps one resize per pipeline: hashing must not replace the crop's resize with its own.
    const out = await renderImage(png, plan(`fm=blurhash&fit=crop&w=50&h=100&${crop}`), LIMIT);
    expect(dcOf(out.data.toString('utf8')).toString(16).padStart(6, '0')).toBe(dc);
  });

  it('fm=blurhash hashes the transformed image: a mirror changes the hash', async () => {
    const out = await renderImage(png, plan('fm=blurhash&w=100'), LIMIT);
    const mirrored = await renderImage(png, plan('fm=blurhash&w=100&flip=h'), LIMIT);
    expect(out.data.toString('utf8')).toHaveLength(28);
    expect(mirrored.data.toString('utf8')).toHaveLength(28);
    expect(out.data.toString('utf8')).not.toBe(mirrored.data.toString('utf8'));
    expect([out.width, out.height]).toEqual([100, 75]);
  });
});

describe('orientation and metadata', () => {
  let rotated: Buffer;
  beforeAll(async () => {
    // Stored 400×300 with EXIF orientation 6: shown 300×400, red on top.
    rotated = await sharp(jpeg)
      .withExif({ IFD0: { Copyright: 'Kura test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
  });

  it('the fixture really carries orientation 6 and EXIF', async () => {
    const meta = await sharp(rotated).metadata();
    expect(meta.orientation).toBe(6);
    expect(meta.exif).toBeDefined();
    expect(meta.exif!.toString('latin1')).toContain('Kura test');
    // IFD0 points at a GPS IFD (tag 0x8825), in either byte order.
    const gpsPointer = meta.exif!.includes(Buffer.from([0x88, 0x25])) || meta.exif!.includes(Buffer.from([0x25, 0x88]));
    expect(gpsPointer).toBe(true);
  });

  it('honours EXIF orientation 6 and strips all metadata', async () => {
    const out = await render(rotated, 'w=150&fm=png');
    expect([out.meta.width, out.meta.height]).toEqual([150, 200]);
    expect(isRed(await pixel(out.data, 75, 10))).toBe(true);
    expect(isBlue(await pixel(out.data, 75, 190))).toBe(true);
    expect(out.meta.orientation).toBeUndefined();
    expect(out.meta.exif).toBeUndefined();
    expect(out.meta.xmp).toBeUndefined();
  });

  it('strips EXIF from a JPEG-to-JPEG variant too', async () => {
    const out = await render(rotated, 'w=100&fm=jpg');
    expect(out.meta.exif).toBeUndefined();
    expect(out.meta.orientation).toBeUndefined();
  });

  it.each([
    ['orient=1', 400, 300, 'red-left'],
    ['orient=3', 400, 300, 'blue-left'],
    ['orient=6', 300, 400, 'red-top'],
    ['orient=8', 300, 400, 'blue-top'],
    ['orient=2', 400, 300, 'blue-left'],
  ])('%s overrides the file orientation → %i×%i', async (query, width, height, layout) => {
    const out = await render(rotated, `${query}&fm=png`);
    expect([out.meta.width, out.meta.height]).toEqual([width, height]);
    const [first, second] = layout.endsWith('left')
      ? [pixel(out.data, 5, 150), pixel(out.data, 395, 150)]
      : [pixel(out.data, 150, 5), pixel(out.data, 150, 395)];
    const redFirst = layout.startsWith('red');
    expect(isRed(await first)).toBe(redFirst);
    expect(isBlue(await second)).toBe(redFirst);
  });
});

describe('effects', () => {
  it.each([
    ['rot=90', 300, 400],
    ['rot=180', 400, 300],
    ['pad=10', 420, 320],
    ['pad=10&pad-left=0', 410, 320],
    ['border=5,000000', 410, 310],
    ['pad=10&border=5,000000', 430, 330],
    ['blur=200', 400, 300],
    ['sharp=50', 400, 300],
    ['mask=ellipse', 400, 300],
    ['mask=corners&corner-radius=40', 400, 300],
  ])('%s → %i×%i', async (query, width, height) => {
    const out = await render(png, `${query}&fm=png`);
    expect([out.meta.width, out.meta.height]).toEqual([width, height]);
  });

  it('flip=h mirrors: blue on the left', async () => {
    const out = await render(png, 'flip=h&fm=png');
    expect(isBlue(await pixel(out.data, 5, 150))).toBe(true);
    expect(isRed(await pixel(out.data, 395, 150))).toBe(true);
  });

  it('rot=90 turns clockwise: red on top', async () => {
    const out = await render(png, 'rot=90&fm=png');
    expect(isRed(await pixel(out.data, 150, 5))).toBe(true);
  });

  it('mask=ellipse makes the corners transparent and keeps the centre', async () => {
    const out = await render(png, 'mask=ellipse&fm=png');
    expect((await pixel(out.data, 1, 1)).a).toBe(0);
    expect((await pixel(out.data, 100, 150)).a).toBe(255);
  });

  it('mask=corners with bg flattens the corners to that colour in JPEG', async () => {
    const out = await render(png, 'mask=corners&corner-radius=60&bg=00ff00&fm=jpg');
    const corner = await pixel(out.data, 2, 2);
    expect(corner.g).toBeGreaterThan(200);
    expect(corner.r).toBeLessThan(60);
  });

  it('bg fills the transparent bands of fit=fill in PNG', async () => {
    const out = await render(png, 'w=100&h=100&fit=fill&bg=00ff00&fm=png');
    expect(await pixel(out.data, 50, 2)).toMatchObject({ r: 0, g: 255, b: 0, a: 255 });
  });

  it('a translucent bg stays translucent under transparent pixels', async () => {
    const out = await render(png, 'mask=ellipse&bg=8000ff00&fm=png');
    const corner = await pixel(out.data, 1, 1);
    expect(corner.g).toBe(255);
    expect(corner.a).toBeGreaterThan(120);
    expect(corner.a).toBeLessThan(136);
    expect(await pixel(out.data, 100, 150)).toMatchObject({ r: 255, g: 0, b: 0, a: 255 });
  });

  it('border paints its colour around the image', async () => {
    const out = await render(png, 'border=5,00ff00&fm=png');
    expect(await pixel(out.data, 2, 100)).toMatchObject({ r: 0, g: 255, b: 0 });
  });

  it('blur softens the red/blue edge', async () => {
    const out = await render(png, 'blur=200&fm=png');
    const edge = await pixel(out.data, 199, 150);
    expect(edge.r).toBeGreaterThan(60);
    expect(edge.b).toBeGreaterThan(60);
  });
});

describe('animation', () => {
  let gif: Buffer;
  beforeAll(async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
        .raw()
        .toBuffer();
    const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map(frame));
    gif = await sharp(Buffer.concat(frames), { raw: { width: 40, height: 90, channels: 3, pageHeight: 30 } })
      .gif({ delay: [100, 100, 100] })
      .toBuffer();
  });

  it.each([
    ['w=20', 'gif', 3],
    ['w=20&fm=webp', 'webp', 3],
    ['w=20&h=20&fit=crop', 'gif', 3],
    ['w=20&h=20&fit=fill', 'gif', 3],
    ['rect=0,0,20,15&w=20', 'gif', 3],
    ['w=20&fm=png', 'png', undefined],
  ])('%s keeps %s frames', async (query, format, pages) => {
    const out = await renderImage(gif, plan(query), LIMIT);
    const meta = await sharp(out.data, { animated: true }).metadata();
    expect(meta.format).toBe(format);
    expect(meta.pages).toBe(pages);
    expect(out.width).toBe(20);
  });

  it.each([
    ['image/avif,image/webp,*/*', 'webp', 3],
    ['image/avif,*/*', 'gif', 3],
  ])('auto=format with Accept %s keeps the animation in %s (AVIF cannot animate)', async (accept, format, pages) => {
    const out = await renderImage(gif, plan('w=20&auto=format', accept), LIMIT);
    const meta = await sharp(out.data, { animated: true }).metadata();
    expect([meta.format, meta.pages]).toEqual([format, pages]);
  });

  it('auto=format still answers AVIF for a still image; an animation with effects stays animated in WebP', async () => {
    const still = await renderImage(png, plan('w=20&auto=format', 'image/avif,image/webp'), LIMIT);
    expect(still.contentType).toBe('image/avif');
    const flipped = await renderImage(gif, plan('w=20&flip=h&auto=format', 'image/avif,image/webp'), LIMIT);
    expect(flipped.contentType).toBe('image/webp');
    expect((await sharp(flipped.data, { animated: true }).metadata()).pages).toBe(3);
  });

  it.each([
    ['w=20&flip=h', 'gif', 20, 15],
    ['w=20&blur=20', 'gif', 20, 15],
    ['w=20&sharp=30&fm=webp', 'webp', 20, 15],
    ['w=20&rot=90', 'gif', 15, 20],
    ['w=20&orient=3', 'gif', 20, 15],
    ['w=20&mask=ellipse&fm=webp', 'webp', 20, 15],
    ['w=20&pad=2&bg=000', 'gif', 24, 19],
    ['w=20&sat=-100', 'gif', 20, 15],
    ['w=20&txt=Hi', 'gif', 20, 15],
  ])('%s renders frame by frame and stays a %s of 3 frames, each its own colour', async (query, format, w, h) => {
    const out = await renderImage(gif, plan(query), LIMIT);
    const meta = await sharp(out.data, { animated: true }).metadata();
    expect([meta.format, meta.pages, meta.width, meta.pageHeight]).toEqual([format, 3, w, h]);
    expect([out.width, out.height]).toEqual([w, h]);
    // The frames are still different pictures, in their order (the middle pixel of the first and the last).
    const centre = async (page: number) =>
      pixel(await sharp(out.data, { page }).png().toBuffer(), Math.floor(w / 2), Math.floor(h / 2));
    expect(await centre(0)).not.toEqual(await centre(2));
  });

  it.each(['gif', 'webp'])('an opaque bg fills the bands of an animated fit=fill in %s', async (fm) => {
    // The frames are never settled and sharp flattens before it extends: the band colour must carry bg.
    const out = await renderImage(gif, plan(`w=80&h=80&fit=fill&bg=00ff00&fm=${fm}`), LIMIT);
    expect((await sharp(out.data, { animated: true }).metadata()).pages).toBe(3);
    const band = await pixel(out.data, 40, 2);
    expect(band.a).toBe(255);
    expect(band.g).toBeGreaterThan(200);
    expect(band.r).toBeLessThan(60);
  });
});

describe('refusals', () => {
  it('refuses bytes that are not an image with a 400', async () => {
    const err = await renderImage(Buffer.from('not an image'), plan('w=10'), LIMIT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KuraError);
    expect((err as KuraError).status).toBe(400);
  });

  it('refuses an input above maxInputPixels before decoding', async () => {
    const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const err = await renderImage(big, plan('w=100'), { ...LIMIT, maxInputPixels: 1_000_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KuraError);
    expect((err as KuraError).status).toBe(413);
    expect((err as KuraError).message).toMatch(/too large to transform/);
  });

  it('accepts an input at the limit', async () => {
    const out = await renderImage(png, plan('w=10'), { ...LIMIT, maxInputPixels: 400 * 300 });
    expect(out.width).toBe(10);
  });
});

describe('AVIF chosen by auto=format', () => {
  it('is encoded at the quality mapped to WebP scale, so it is smaller than fm=avif at the same q', async () => {
    // Noise compresses in proportion to quality, so the mapping shows in the size.
    const { data: noise } = await sharp(Buffer.from(Array.from({ length: 96 * 96 * 3 }, (_, i) => (i * 7919) % 251)), {
      raw: { width: 96, height: 96, channels: 3 },
    })
      .png()
      .toBuffer({ resolveWithObject: true });
    const auto = await renderImage(noise, plan('w=96&q=75&auto=format', 'image/avif,image/webp'), LIMIT);
    const explicit = await renderImage(noise, plan('w=96&q=75&fm=avif'), LIMIT);
    const mapped = await renderImage(noise, plan('w=96&q=55&fm=avif'), LIMIT);
    expect(auto.contentType).toBe('image/avif');
    expect(auto.data.length).toBeLessThan(explicit.data.length);
    expect(Buffer.compare(auto.data, mapped.data)).toBe(0); // q75 → 55
  });
});
