import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { PALETTE, animatedGif, colourAt, grid, noise, pixelAt, type ColourName } from '../support/images';
import { pathOf, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';

// Colour and detail, trim and frame/page over HTTP: delivery URL + query in, pixels decoded with sharp out.

async function upload(request: APIRequestContext, stem: string, ext: string, bytes: Buffer): Promise<MediaRecord> {
  const { res, body } = await uploadViaApi(request, uniqueName(stem, ext), bytes);
  expect(res.status(), body.message).toBe(201);
  return body;
}

async function fetchVariant(request: APIRequestContext, m: MediaRecord, query: string) {
  const res = await request.get(`${pathOf(m.url)}?${query}`);
  expect(res.status(), `${query}: ${res.status()} ${res.status() === 200 ? '' : await res.text()}`).toBe(200);
  return { headers: res.headers(), body: await res.body() };
}

/** Every pixel of a response as RGB(A) bytes. */
async function rawOf(body: Buffer) {
  return sharp(body).raw().toBuffer({ resolveWithObject: true });
}

/** Mean of each channel and the mean Rec. 709 luminance. */
async function meansOf(body: Buffer) {
  const { channels } = await sharp(body).stats();
  const [r, g, b] = channels.map((c) => c.mean);
  return { r, g, b, luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b };
}

/** Standard deviation of the luminance: how much contrast, noise or detail is left. */
async function spreadOf(body: Buffer) {
  const { channels } = await sharp(body).greyscale().stats();
  return channels[0].stdev;
}

const solid = (width: number, height: number, [r, g, b]: readonly number[]) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

/** 256×8: column x has grey value x, so a tone curve can be read off column by column. */
async function ramp(): Promise<Buffer> {
  const data = Buffer.alloc(256 * 8 * 3);
  for (let i = 0; i < 256 * 8; i++) data.fill(i % 256, i * 3, i * 3 + 3);
  return sharp(data, { raw: { width: 256, height: 8, channels: 3 } })
    .png()
    .toBuffer();
}

/** The grey value of column x of a ramp variant (its first row). */
async function toneAt(body: Buffer, x: number) {
  return (await pixelAt(body, x, 0)).r;
}

/** RGB → saturation as HSV defines it (0–1). */
const saturation = ({ r, g, b }: { r: number; g: number; b: number }) => {
  const max = Math.max(r, g, b);
  return max === 0 ? 0 : (max - Math.min(r, g, b)) / max;
};

const GRID: ColourName[][] = [
  ['red', 'lime', 'blue'],
  ['yellow', 'grey', 'cyan'],
  ['magenta', 'white', 'orange'],
];
const BRICK = [200, 60, 40] as const;

let colours: MediaRecord; // GRID, 20 px cells
let brick: MediaRecord; // one colour, (200, 60, 40)
let tones: MediaRecord; // the ramp
let busy: MediaRecord; // Gaussian noise

test.beforeAll(async ({ request }) => {
  colours = await upload(request, 'colours', 'png', await grid(20, GRID));
  brick = await upload(request, 'brick', 'png', await solid(40, 30, BRICK));
  tones = await upload(request, 'ramp', 'png', await ramp());
  busy = await upload(request, 'noise', 'png', await noise(120, 90).png().toBuffer());
});

test.describe('colour', () => {
  test('sat=-100 makes every pixel grey (R = G = B exactly)', async ({ request }) => {
    const { data, info } = await rawOf((await fetchVariant(request, colours, 'sat=-100&fm=png')).body);
    let worst = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      worst = Math.max(worst, Math.abs(data[i] - data[i + 1]), Math.abs(data[i + 1] - data[i + 2]));
    }
    expect(worst).toBe(0);
    // …while the original is anything but grey.
    expect(await colourAt((await fetchVariant(request, colours, 'w=60&fm=png')).body, 10, 10)).toBe('red');
  });

  test('sat=50 makes a muted colour more saturated, sat=-50 less', async ({ request }) => {
    const base = saturation(await pixelAt((await fetchVariant(request, brick, 'fm=png&w=40')).body, 5, 5));
    const more = saturation(await pixelAt((await fetchVariant(request, brick, 'fm=png&sat=50')).body, 5, 5));
    const less = saturation(await pixelAt((await fetchVariant(request, brick, 'fm=png&sat=-50')).body, 5, 5));
    expect(more).toBeGreaterThan(base);
    expect(less).toBeLessThan(base);
  });

  test('invert maps a known colour to its complement, and inv is its alias', async ({ request }) => {
    for (const query of ['invert=true&fm=png', 'inv=1&fm=png']) {
      const p = await pixelAt((await fetchVariant(request, brick, query)).body, 10, 10);
      expect([p.r, p.g, p.b]).toEqual(BRICK.map((c) => 255 - c));
    }
  });

  test('bri=50 raises mean luminance, bri=-50 lowers it', async ({ request }) => {
    const base = (await meansOf((await fetchVariant(request, colours, 'w=60&fm=png')).body)).luminance;
    const up = (await meansOf((await fetchVariant(request, colours, 'bri=50&fm=png')).body)).luminance;
    const down = (await meansOf((await fetchVariant(request, colours, 'bri=-50&fm=png')).body)).luminance;
    expect(up).toBeGreaterThan(base + 20);
    expect(down).toBeLessThan(base - 20);
  });

  test('con=50 spreads the tones, con=-100 flattens them to one grey', async ({ request }) => {
    const base = await spreadOf((await fetchVariant(request, tones, 'w=256&fm=png')).body);
    expect(await spreadOf((await fetchVariant(request, tones, 'con=50&fm=png')).body)).toBeGreaterThan(base);
    expect(await spreadOf((await fetchVariant(request, tones, 'con=-100&fm=png')).body)).toBe(0);
  });

  test('exp and gam brighten (positive) or darken (negative) the mid-tones, never black', async ({ request }) => {
    for (const [param, sign] of [
      ['exp=50', 1],
      ['exp=-50', -1],
      ['gam=50', 1],
      ['gam=-50', -1],
    ] as const) {
      const body = (await fetchVariant(request, tones, `${param}&fm=png`)).body;
      expect(Math.sign((await toneAt(body, 128)) - 128), param).toBe(sign);
      expect(await toneAt(body, 0), param).toBe(0);
    }
  });

  test('high=-60 darkens the highlights only; shad=60 lifts the shadows only', async ({ request }) => {
    const high = (await fetchVariant(request, tones, 'high=-60&fm=png')).body;
    expect(await toneAt(high, 240)).toBeLessThan(225);
    expect(Math.abs((await toneAt(high, 30)) - 30)).toBeLessThanOrEqual(1);
    const shad = (await fetchVariant(request, tones, 'shad=60&fm=png')).body;
    expect(await toneAt(shad, 40)).toBeGreaterThan(45);
    expect(await toneAt(shad, 255)).toBe(255);
  });

  test('vib=80 saturates a muted colour more than an already saturated one', async ({ request }) => {
    const muted = await solid(20, 20, [150, 120, 110]);
    const two = await upload(
      request,
      'vib',
      'png',
      await sharp(await grid(20, [['red', 'red']]))
        .composite([{ input: muted, left: 0, top: 0 }])
        .png()
        .toBuffer(),
    );
    const before = (await fetchVariant(request, two, 'w=40&fm=png')).body;
    const after = (await fetchVariant(request, two, 'vib=80&fm=png')).body;
    const gain = async (x: number) =>
      saturation(await pixelAt(after, x, 10)) - saturation(await pixelAt(before, x, 10));
    expect(await gain(5)).toBeGreaterThan(0.05); // the muted half
    expect(await gain(30)).toBeLessThanOrEqual(0.001); // pure red: already saturated
  });

  test('hue=120 turns red green and hue=240 blue (luminance kept, so darker than pure green)', async ({ request }) => {
    const green = await pixelAt((await fetchVariant(request, colours, 'hue=120&fm=png')).body, 10, 10);
    expect(green.g).toBeGreaterThan(Math.max(green.r, green.b) + 80);
    const blue = await pixelAt((await fetchVariant(request, colours, 'hue=240&fm=png')).body, 10, 10);
    expect(blue.b).toBeGreaterThan(Math.max(blue.r, blue.g) + 80);
  });

  test('monochrome=00f leaves shades of blue only; sepia=100 turns grey brown (R > G > B)', async ({ request }) => {
    const { data, info } = await rawOf((await fetchVariant(request, colours, 'monochrome=00f&fm=png')).body);
    let [unequal, bluest] = [0, 255];
    for (let i = 0; i < data.length; i += info.channels) {
      unequal = Math.max(unequal, Math.abs(data[i] - data[i + 1])); // red = green: a tint of (0, 0, 255)
      bluest = Math.min(bluest, data[i + 2] - data[i]);
    }
    expect([unequal, bluest >= 0]).toEqual([0, true]);
    const sepia = await pixelAt((await fetchVariant(request, colours, 'sepia=100&fm=png')).body, 30, 30); // grey
    expect(sepia.r).toBeGreaterThan(sepia.g);
    expect(sepia.g).toBeGreaterThan(sepia.b);
  });

  test('duotone maps black and white to its two colours, duotone-alpha mixes them with the image', async ({
    request,
  }) => {
    const full = (await fetchVariant(request, colours, 'duotone=000080,ffff00&fm=png')).body;
    expect(await pixelAt(full, 30, 50)).toMatchObject({ r: 255, g: 255, b: 0 }); // white cell
    const half = (await fetchVariant(request, colours, 'duotone=000080,ffff00&duotone-alpha=50&fm=png')).body;
    const white = await pixelAt(half, 30, 50);
    expect(white.r).toBe(255);
    expect(Math.abs(white.b - 128)).toBeLessThanOrEqual(1); // halfway between white's 255 and yellow's 0
  });
});

test.describe('detail', () => {
  test('px=10 makes blocks of 10×10 identical pixels', async ({ request }) => {
    const { data, info } = await rawOf((await fetchVariant(request, busy, 'px=10&fm=png')).body);
    expect([info.width, info.height]).toEqual([120, 90]);
    const at = (x: number, y: number) => data.readUIntBE((y * info.width + x) * info.channels, 3);
    for (let y = 0; y < 90; y += 10) {
      for (let x = 0; x < 120; x += 10) {
        for (const [dx, dy] of [
          [9, 0],
          [0, 9],
          [9, 9],
          [4, 5],
        ]) {
          expect(at(x + dx, y + dy)).toBe(at(x, y));
        }
      }
    }
    expect(at(0, 0)).not.toBe(at(10, 0)); // noise: neighbouring blocks differ
  });

  test('nr=80 lowers the noise; usm=80 raises detail, usm=-80 softens', async ({ request }) => {
    const base = await spreadOf((await fetchVariant(request, busy, 'w=120&fm=png')).body);
    expect(await spreadOf((await fetchVariant(request, busy, 'nr=80&fm=png')).body)).toBeLessThan(base * 0.8);
    expect(await spreadOf((await fetchVariant(request, busy, 'usm=80&fm=png')).body)).toBeGreaterThan(base);
    expect(await spreadOf((await fetchVariant(request, busy, 'usm=-80&fm=png')).body)).toBeLessThan(base * 0.8);
  });

  test('htn=50 leaves only black and white dots, more black where the image is darker', async ({ request }) => {
    const body = (await fetchVariant(request, tones, 'htn=50&fm=png')).body;
    const { data, info } = await rawOf(body);
    const values = new Set<number>();
    for (let i = 0; i < data.length; i += info.channels) values.add(data[i]);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
    const dark = await meansOf(await sharp(body).extract({ left: 0, top: 0, width: 64, height: 8 }).toBuffer());
    const light = await meansOf(await sharp(body).extract({ left: 192, top: 0, width: 64, height: 8 }).toBuffer());
    expect(dark.luminance).toBeLessThan(light.luminance);
  });
});

test.describe('with the rest of the pipeline', () => {
  test('adjustments apply to the sized image, keep their own ETag per value and are not listed as ignored', async ({
    request,
  }) => {
    const a = await fetchVariant(request, brick, 'w=20&bri=10&fm=png');
    const b = await fetchVariant(request, brick, 'w=20&bri=20&fm=png');
    const same = await fetchVariant(request, brick, 'w=20&bri=20.0&fm=png');
    expect((await sharp(a.body).metadata()).width).toBe(20);
    expect(a.headers.etag).not.toBe(b.headers.etag);
    expect(same.headers.etag).toBe(b.headers.etag);
    expect(a.headers['kura-ignored-params']).toBeUndefined();
  });

  test('a malformed value is a 400 naming the parameter', async ({ request }) => {
    const res = await request.get(`${pathOf(brick.url)}?w=20&sat=lots`);
    expect(res.status()).toBe(400);
    expect((await res.json()).message).toBe('Invalid value for "sat": expected a number');
  });

  test('an adjusted output over a quarter of the budget is refused naming the parameter', async ({ request }) => {
    const res = await request.get(`${pathOf(brick.url)}?w=8000&h=8000&fit=scale&sepia=50`);
    expect(res.status()).toBe(400);
    expect((await res.json()).message).toMatch(/^"sepia" runs as a step of its own/);
  });
});

test.describe('trim', () => {
  /** 100×60 of blue inside a 20 px frame of `frame` (140×100 in all); an alpha channel only for a translucent frame. */
  const framed = async (frame: { r: number; g: number; b: number; alpha: number }) => {
    const image = sharp({ create: { width: 140, height: 100, channels: 4, background: frame } }).composite([
      { input: await solid(100, 60, PALETTE.blue), left: 20, top: 20 },
    ]);
    return (frame.alpha === 1 ? sharp(await image.png().toBuffer()).removeAlpha() : image).png().toBuffer();
  };

  /** The red frame of `framed` with every tenth pixel white (a noisy border, as from a scan). */
  const specked = async () => {
    const { data, info } = await sharp(await framed({ r: 255, g: 0, b: 0, alpha: 1 }))
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const inside = x >= 20 && x < 120 && y >= 20 && y < 80;
        if (!inside && (x + y) % 10 === 9) data.fill(255, (y * info.width + x) * 3, (y * info.width + x) * 3 + 3);
      }
    }
    return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
      .png()
      .toBuffer();
  };

  let bordered: MediaRecord;
  let floating: MediaRecord;
  let noisy: MediaRecord;
  test.beforeAll(async ({ request }) => {
    bordered = await upload(request, 'bordered', 'png', await framed({ r: 255, g: 0, b: 0, alpha: 1 }));
    floating = await upload(request, 'floating', 'png', await framed({ r: 0, g: 0, b: 0, alpha: 0 }));
    noisy = await upload(request, 'noisy', 'png', await specked());
  });

  /** Asserts a variant is exactly width × height and blue at its four corners. */
  async function expectBlue(body: Buffer, width: number, height: number) {
    const meta = await sharp(body).metadata();
    expect([meta.width, meta.height]).toEqual([width, height]);
    for (const [x, y] of [
      [0, 0],
      [width - 1, 0],
      [0, height - 1],
      [width - 1, height - 1],
    ]) {
      expect(await colourAt(body, x, y)).toBe('blue');
    }
  }

  test('trim=color removes a known border exactly', async ({ request }) => {
    await expectBlue((await fetchVariant(request, bordered, 'trim=color&trim-color=f00&fm=png')).body, 100, 60);
  });

  test('trim=auto and trim=color without a colour take the top-left pixel as the border', async ({ request }) => {
    await expectBlue((await fetchVariant(request, bordered, 'trim=auto&fm=png')).body, 100, 60);
    await expectBlue((await fetchVariant(request, bordered, 'trim=color&fm=png')).body, 100, 60);
  });

  test('trim=auto cuts a specked border only when trim-md and trim-sd allow the specks', async ({ request }) => {
    // One frame pixel in ten is white: a line's mean difference is about 25 and its standard deviation about 76.
    const widthOf = async (query: string) => {
      const { headers, body } = await fetchVariant(request, noisy, `${query}&fm=png`);
      expect(headers['kura-ignored-params']).toBeUndefined();
      return (await sharp(body).metadata()).width;
    };
    expect(await widthOf('trim=auto')).toBe(140); // imgix's defaults (md 11, sd 10) keep it
    expect(await widthOf('trim=auto&trim-md=40')).toBe(140); // the deviation still stops the walk
    expect(await widthOf('trim=auto&trim-sd=80')).toBe(140); // and so does the mean difference
    await expectBlue((await fetchVariant(request, noisy, 'trim=auto&trim-md=40&trim-sd=80&fm=png')).body, 100, 60);
    expect(await widthOf('trim=auto&trim-md=40&trim-sd=80&trim-pad=5')).toBe(110);
  });

  test('trim-pad keeps that much of the border; sizing applies to the trimmed image', async ({ request }) => {
    const padded = (await fetchVariant(request, bordered, 'trim=color&trim-pad=5&fm=png')).body;
    expect((await sharp(padded).metadata()).width).toBe(110);
    expect(await colourAt(padded, 2, 2)).toBe('red');
    expect(await colourAt(padded, 6, 6)).toBe('blue');
    await expectBlue((await fetchVariant(request, bordered, 'trim=color&w=50&fm=png')).body, 50, 30);
  });

  test('a colour that is not the border trims nothing', async ({ request }) => {
    const body = (await fetchVariant(request, bordered, 'trim=color&trim-color=0f0&fm=png')).body;
    expect((await sharp(body).metadata()).width).toBe(140);
  });

  test('trim=alpha and colorunlessalpha cut transparent edges', async ({ request }) => {
    await expectBlue((await fetchVariant(request, floating, 'trim=alpha&fm=png')).body, 100, 60);
    await expectBlue((await fetchVariant(request, floating, 'trim=colorunlessalpha&fm=png')).body, 100, 60);
    // An opaque image has nothing transparent to cut: colorunlessalpha trims it by colour instead.
    await expectBlue((await fetchVariant(request, bordered, 'trim=colorunlessalpha&fm=png')).body, 100, 60);
  });
});

test.describe('frame and page', () => {
  test('frame=2 returns the second frame of an animated GIF as a still; frame past the end is the last', async ({
    request,
  }) => {
    const gif = await upload(request, 'frames', 'gif', await animatedGif(40, 30, ['red', 'lime', 'blue']));
    const second = (await fetchVariant(request, gif, 'frame=2')).body;
    const meta = await sharp(second).metadata();
    expect(meta).toMatchObject({ format: 'gif', width: 40, height: 30 });
    expect(meta.pages ?? 1).toBe(1);
    expect(await colourAt(second, 20, 15)).toBe('lime');
    expect(await colourAt((await fetchVariant(request, gif, 'frame=9&fm=png')).body, 20, 15)).toBe('blue');
    const sized = (await fetchVariant(request, gif, 'frame=3&w=20&fm=webp')).body;
    const sizedMeta = await sharp(sized).metadata();
    expect([sizedMeta.width, sizedMeta.height, sizedMeta.pages ?? 1]).toEqual([20, 15, 1]);
  });

  test('reverse, skip, loop and fps change how the animation plays', async ({ request }) => {
    const gif = await upload(request, 'plays', 'gif', await animatedGif(40, 30, ['red', 'lime', 'blue']));
    const framesOf = async (query: string) => {
      const body = (await fetchVariant(request, gif, query)).body;
      const meta = await sharp(body).metadata();
      const colours: ColourName[] = [];
      for (let page = 0; page < (meta.pages ?? 1); page++) {
        const frame = await sharp(body, { page }).png().toBuffer();
        colours.push(
          await colourAt(frame, Math.floor(meta.width / 2), Math.floor((meta.pageHeight ?? meta.height) / 2)),
        );
      }
      return { colours, loop: meta.loop, delay: meta.delay, format: meta.format };
    };
    expect((await framesOf('reverse=1')).colours).toEqual(['blue', 'lime', 'red']);
    expect((await framesOf('skip=2')).colours).toEqual(['red', 'blue']);
    expect((await framesOf('reverse=true&skip=2&w=20&fm=webp')).colours).toEqual(['blue', 'red']);
    expect(await framesOf('loop=3')).toMatchObject({ loop: 3, colours: ['red', 'lime', 'blue'], format: 'gif' });
    expect((await framesOf('fps=5')).delay).toEqual([200, 200, 200]);
    expect((await framesOf('reverse=1&fm=png')).colours).toEqual(['blue']); // a still: the first frame played
  });

  test('page=3 returns the third page of a multi-page TIFF', async ({ request }) => {
    const pages = await Promise.all(['red', 'lime', 'blue'].map((name) => solid(40, 30, PALETTE[name as ColourName])));
    const tiff = await upload(
      request,
      'pages',
      'tif',
      await sharp(pages, { join: { animated: true } })
        .tiff()
        .toBuffer(),
    );
    expect(await colourAt((await fetchVariant(request, tiff, 'page=3&fm=png')).body, 20, 15)).toBe('blue');
    expect(await colourAt((await fetchVariant(request, tiff, 'page=1&fm=png')).body, 20, 15)).toBe('red');
  });
});
