import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { pathOf, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';

// Text overlays over HTTP: the same query with and without txt, decoded with sharp, compared pixel by pixel.

const [W, H] = [400, 300];
const GREY = { r: 128, g: 128, b: 128 };

async function fetchVariant(request: APIRequestContext, m: MediaRecord, query: string) {
  const res = await request.get(`${pathOf(m.url)}?${query}`);
  expect(res.status(), `${query}: ${res.status()} ${res.status() === 200 ? '' : await res.text()}`).toBe(200);
  return { headers: res.headers(), body: await res.body() };
}

interface Changed {
  count: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Pixels darker than the grey photo (outline, shadow). */
  darker: number;
}

/** Where a variant differs from the plain grey photo: the count and bounding box of changed pixels. */
async function changedOf(body: Buffer): Promise<Changed> {
  const { data, info } = await sharp(body).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const box = { count: 0, left: info.width, top: info.height, right: -1, bottom: -1, darker: 0 };
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      const diff = Math.abs(data[i] - GREY.r) + Math.abs(data[i + 1] - GREY.g) + Math.abs(data[i + 2] - GREY.b);
      if (diff < 30) continue;
      box.count++;
      if (data[i] + data[i + 1] + data[i + 2] < 3 * 128 - 60) box.darker++;
      [box.left, box.top] = [Math.min(box.left, x), Math.min(box.top, y)];
      [box.right, box.bottom] = [Math.max(box.right, x), Math.max(box.bottom, y)];
    }
  }
  return box;
}

const CENTRED = 'txt-align=middle,center';

let photo: MediaRecord;
const changed = async (request: APIRequestContext, query: string) =>
  changedOf((await fetchVariant(request, photo, `${query}&fm=png`)).body);

test.beforeAll(async ({ request }) => {
  const bytes = await sharp({ create: { width: W, height: H, channels: 3, background: GREY } })
    .png()
    .toBuffer();
  const { res, body } = await uploadViaApi(request, uniqueName('photo', 'png'), bytes);
  expect(res.status(), body.message).toBe(201);
  photo = body;
});

test('txt over a photo changes pixels in the aligned corner (bottom right by default) and nowhere far from it', async ({
  request,
}) => {
  const plain = await changed(request, 'w=400');
  expect(plain.count).toBe(0);
  const box = await changed(request, 'txt=Hello&txt-size=24');
  expect(box.count).toBeGreaterThan(50);
  expect(box.left).toBeGreaterThan(W / 2);
  expect(box.top).toBeGreaterThan(H / 2);
  // imgix's default padding: 10 px from the right and bottom edges.
  expect(box.right).toBeLessThanOrEqual(W - 10);
  expect(box.bottom).toBeLessThanOrEqual(H - 10);
  expect(box.right).toBeGreaterThan(W - 20);
});

test.describe('txt-align', () => {
  const thirds = { left: 0, center: 1, right: 2, top: 0, middle: 1, bottom: 2 } as const;
  for (const y of ['top', 'middle', 'bottom'] as const) {
    for (const x of ['left', 'center', 'right'] as const) {
      test(`${y},${x} puts the text in that ninth of the image`, async ({ request }) => {
        const box = await changed(request, `txt=Kura&txt-size=20&txt-align=${y},${x}`);
        expect(box.count).toBeGreaterThan(20);
        const [cx, cy] = [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
        expect(Math.floor(cx / (W / 3))).toBe(thirds[x]);
        expect(Math.floor(cy / (H / 3))).toBe(thirds[y]);
      });
    }
  }
});

test('txt-color paints the glyphs in that colour', async ({ request }) => {
  const body = (await fetchVariant(request, photo, 'txt=IIII&txt-size=60&txt-color=f00&txt-align=middle,center&fm=png'))
    .body;
  const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] > 240 && data[i + 1] < 15 && data[i + 2] < 15) red++;
  expect(red).toBeGreaterThan(100);
  expect((await changed(request, 'txt=IIII&txt-size=60&txt-align=middle,center')).count).toBeGreaterThan(100);
});

test('txt-size scales the text', async ({ request }) => {
  const small = await changed(request, 'txt=Size&txt-size=12');
  const large = await changed(request, 'txt=Size&txt-size=48');
  expect(large.bottom - large.top).toBeGreaterThan(3 * (small.bottom - small.top));
  expect(large.right - large.left).toBeGreaterThan(3 * (small.right - small.left));
});

test('txt-pad moves the text away from the edges by that much', async ({ request }) => {
  const near = await changed(request, 'txt=Pad&txt-size=24');
  const far = await changed(request, 'txt=Pad&txt-size=24&txt-pad=50');
  expect(near.right - far.right).toBe(40);
  expect(near.bottom - far.bottom).toBe(40);
});

test('txt-x and txt-y place the text box absolutely', async ({ request }) => {
  const box = await changed(request, 'txt=Here&txt-size=24&txt-x=30&txt-y=40');
  expect(box.left).toBeGreaterThanOrEqual(30);
  expect(box.left).toBeLessThan(40);
  expect(box.top).toBeGreaterThanOrEqual(40);
  expect(box.top).toBeLessThan(55);
});

test.describe('long text', () => {
  const LONG = 'The quick brown fox jumps over the lazy dog again and again and again';

  test('txt-clip=end,ellipsis keeps the text inside the padding and ends it with a drawn "…"', async ({ request }) => {
    const style = 'txt-size=30&txt-align=top,left';
    const render = async (text: string, extra = '') =>
      (await fetchVariant(request, photo, `txt=${encodeURIComponent(text)}&${style}${extra}&fm=png`)).body;
    const pixels = async (body: Buffer) => sharp(body).raw().toBuffer();
    const clipped = await render(LONG, '&txt-clip=end,ellipsis');
    const box = await changedOf(clipped);
    expect(box.left).toBeGreaterThanOrEqual(10);
    expect(box.right).toBeLessThan(W - 10);

    // The clipped render is pixel for pixel the render of some prefix of the text followed by "…".
    const clippedPixels = await pixels(clipped);
    const chars = [...LONG];
    let kept = -1;
    for (let from = 1; from < chars.length && kept < 0; from += 8) {
      const batch = chars.slice(from, from + 8).map((_, i) => from + i);
      const renders = await Promise.all(batch.map(async (n) => pixels(await render(chars.slice(0, n).join('') + '…'))));
      const match = renders.findIndex((r) => r.equals(clippedPixels));
      if (match >= 0) kept = batch[match];
    }
    expect(kept, 'no prefix followed by "…" renders the same pixels').toBeGreaterThan(5);

    // And the "…" is there to see: right of where that prefix alone ends, three separate dots sit on the line.
    const prefixEnd = (await changedOf(await render(chars.slice(0, kept).join('')))).right;
    const { data, info } = await sharp(clipped).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const ink = (x: number, y: number) => {
      const i = (y * info.width + x) * 3;
      return Math.abs(data[i] - GREY.r) + Math.abs(data[i + 1] - GREY.g) + Math.abs(data[i + 2] - GREY.b) >= 30;
    };
    const dots: { from: number; to: number; top: number; bottom: number }[] = [];
    for (let x = prefixEnd + 1; x <= box.right; x++) {
      const rows: number[] = [];
      for (let y = box.top; y <= box.bottom; y++) if (ink(x, y)) rows.push(y);
      if (rows.length === 0) continue;
      const last = dots.at(-1);
      const [top, bottom] = [rows[0], rows[rows.length - 1]];
      if (last?.to === x - 1) {
        Object.assign(last, { to: x, top: Math.min(last.top, top), bottom: Math.max(last.bottom, bottom) });
      } else dots.push({ from: x, to: x, top, bottom });
    }
    expect(dots).toHaveLength(3);
    for (const dot of dots) {
      expect(dot.to - dot.from).toBeLessThan(8); // a dot, not a letter
      expect(dot.bottom - dot.top).toBeLessThan(8);
      expect(dot.top).toBeGreaterThan((box.top + box.bottom) / 2 - 4); // on the baseline, not mid-line
    }
    // A plain cut runs up to the box's edge and has no "…".
    const plain = await render(LONG);
    expect((await pixels(plain)).equals(clippedPixels)).toBe(false);
    expect((await changedOf(plain)).right).toBeLessThan(W - 10);
  });

  test('txt-width narrows the box; txt-fit=max shrinks the text into it instead of cutting', async ({ request }) => {
    const narrow = await changed(
      request,
      `txt=${encodeURIComponent(LONG)}&txt-size=30&txt-align=top,left&txt-width=150`,
    );
    expect(narrow.right - narrow.left).toBeLessThanOrEqual(150);
    const fit = await changed(request, `txt=${encodeURIComponent(LONG)}&txt-size=30&txt-align=top,left&txt-fit=max`);
    expect(fit.right).toBeLessThan(W - 10);
    expect(fit.bottom - fit.top).toBeLessThan(20); // scaled down from a 30 px line
  });

  test('more than 500 characters is a 400 naming txt; 500 are rendered', async ({ request }) => {
    const tooLong = await request.get(`${pathOf(photo.url)}?txt=${'a'.repeat(501)}`);
    expect(tooLong.status()).toBe(400);
    expect((await tooLong.json()).message).toBe('"txt" is 501 characters long; the limit is 500');
    const b64 = Buffer.from('あ'.repeat(501)).toString('base64url');
    const tooLong64 = await request.get(`${pathOf(photo.url)}?txt64=${b64}`);
    expect((await tooLong64.json()).message).toBe('"txt64" is 501 characters long; the limit is 500');
    await fetchVariant(request, photo, `txt=${'a'.repeat(500)}`);
  });
});

test('txt-shad adds a dark shadow and txt-line a dark outline around white text', async ({ request }) => {
  const base = 'txt=Shadow&txt-size=40&txt-color=fff&txt-align=middle,center';
  const plain = await changed(request, base);
  expect(plain.darker).toBe(0);
  const shadow = await changed(request, `${base}&txt-shad=5`);
  expect(shadow.darker).toBeGreaterThan(50);
  expect(shadow.bottom).toBeGreaterThan(plain.bottom); // the shadow falls down and right
  const outline = await changed(request, `${base}&txt-line=3&txt-line-color=000`);
  expect(outline.darker).toBeGreaterThan(50);
  expect(outline.left).toBeLessThan(plain.left);
  expect(outline.top).toBeLessThan(plain.top);
});

test('Japanese text renders glyphs, not the empty boxes of a font that lacks them', async ({ request }) => {
  /** The most filled row across the text, as a share of its width: a row of "missing glyph" boxes is nearly full. */
  const fullestRow = async (text: string) => {
    const q = `txt64=${Buffer.from(text).toString('base64url')}&txt-size=40&txt-color=000&${CENTRED}&fm=png`;
    const body = (await fetchVariant(request, photo, q)).body;
    const box = await changedOf(body);
    const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
    let fullest = 0;
    for (let y = box.top; y <= box.bottom; y++) {
      let ink = 0;
      for (let x = box.left; x <= box.right; x++) if (data[(y * info.width + x) * info.channels] < 60) ink++;
      fullest = Math.max(fullest, ink / (box.right - box.left + 1));
    }
    return fullest;
  };
  // Private-use code points: no font has them, so they show as boxes whatever is installed.
  const boxes = await fullestRow('\uE000\uE001\uE002\uE003\uE004\uE005');
  const japanese = await fullestRow('日本語の見出し');
  expect(boxes).toBeGreaterThan(0.8);
  expect(japanese).toBeLessThan(0.6);
});

test.describe('txt-font', () => {
  test('serif, sans-serif and monospace are three different faces; bold is heavier', async ({ request }) => {
    const render = async (font: string) =>
      changedOf(
        (
          await fetchVariant(
            request,
            photo,
            `txt=Typeface+iiii&txt-size=30&txt-align=middle,center&txt-font=${font}&fm=png`,
          )
        ).body,
      );
    const [serif, sans, mono, bold] = await Promise.all(
      ['serif', 'sans-serif', 'monospace', 'sans-serif,bold'].map((f) => render(encodeURIComponent(f))),
    );
    const widths = new Set([serif, sans, mono].map((b) => b.right - b.left));
    expect(widths.size).toBe(3);
    expect(bold.count).toBeGreaterThan(sans.count);
  });

  test('another imgix font name is approximated by the nearest family and listed as ignored', async ({ request }) => {
    const res = await fetchVariant(request, photo, 'txt=Futura&txt-font=Futura+Condensed+Medium&fm=png');
    expect(res.headers['kura-ignored-params']).toBe('txt-font');
    const generic = await fetchVariant(request, photo, 'txt=Futura&txt-font=sans-serif&fm=png');
    expect(generic.headers['kura-ignored-params']).toBeUndefined();
  });
});

// The examples of imgix's txt page, which microCMS's text page points to, on a Kura media.
test.describe('imgix’s documented text examples answer 200 with an image', () => {
  const STYLE = 'txt-size=62&txt-color=ff2e4357&txt-align=middle,center';
  const FUTURA64 = 'txt-font64=RnV0dXJhIENvbmRlbnNlZCBNZWRpdW0'; // "Futura Condensed Medium"
  const EXAMPLES = [
    'txt=Hello World!',
    'txt=HELLO WORLD!&txt-size=62&txt-color=ff2e4357&txt-align=middle,center&txt-font=Futura Condensed Medium',
    'txt=你好&txt-size=62&txt-color=ff2e4357&txt-align=middle,center&txt-font=Futura Condensed Medium',
    `txt=😑💩❤️️&${STYLE}&txt-font=Futura Condensed Medium`,
    'txt64=SGVsbG8gV29ybGQh',
    `txt64=SEVMTE8gV09STEQh&${STYLE}&${FUTURA64}`,
    `txt64=5L2g5aW9&${STYLE}&${FUTURA64}`,
    `txt64=8J-YkfCfkqninaTvuI_vuI8&${STYLE}&${FUTURA64}`,
    'w=1200&h=630&fit=crop&txt=Title&txt-size=64&txt-clip=end,ellipsis&txt-shad=2&txt-line=1&txt-line-color=000' +
      '&txt-pad=40&txt-width=900',
  ];
  for (const example of EXAMPLES) {
    test(example, async ({ request }) => {
      const query = new URLSearchParams(example).toString();
      const { headers, body } = await fetchVariant(request, photo, query);
      expect(headers['content-type']).toBe('image/png');
      expect((await changedOf(body)).count).toBeGreaterThan(0);
    });
  }
});

test('txt-bg draws a box of that colour txt-pad around the text, which then meets the aligned edge', async ({
  request,
}) => {
  const body = (
    await fetchVariant(request, photo, 'txt=Box&txt-size=30&txt-align=top,left&txt-bg=00f&txt-pad=12&fm=png')
  ).body;
  const { data, info } = await sharp(body).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
  const isBlue = ([r, g, b]: number[]) => b > 200 && r < 30 && g < 30;
  expect(isBlue(at(0, 0))).toBe(true); // the box starts at the corner: the text is flush with it, padded by 12
  expect(isBlue(at(5, 5))).toBe(true);
  expect(at(W - 5, H - 5)).toEqual([128, 128, 128]);
  const box = await changedOf(body);
  const plain = await changed(request, 'txt=Box&txt-size=30&txt-align=top,left&txt-pad=0');
  expect(box.left).toBe(0);
  expect(box.top).toBe(0);
  expect(box.right).toBeGreaterThanOrEqual(plain.right + 12); // 12 px of box right of the glyphs
  expect(box.bottom).toBeGreaterThanOrEqual(plain.bottom + 12);
  expect(box.count).toBeGreaterThan(plain.count * 3);
});

test('txt-fit=wrap breaks a long title into lines no wider than the box', async ({ request }) => {
  const long = encodeURIComponent('The quick brown fox jumps over the lazy dog again and again');
  const cut = await changed(request, `txt=${long}&txt-size=30&txt-align=top,left`);
  const wrapped = await changed(request, `txt=${long}&txt-size=30&txt-align=top,left&txt-fit=wrap`);
  expect(wrapped.right).toBeLessThan(W - 10);
  expect(wrapped.bottom - wrapped.top).toBeGreaterThan(2 * (cut.bottom - cut.top));
  expect(wrapped.count).toBeGreaterThan(1.5 * cut.count);
});
