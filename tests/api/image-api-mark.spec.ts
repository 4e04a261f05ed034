import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { pixelAt } from '../support/images';
import { keyHeader, pathOf, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';

// Watermarks over HTTP: `mark` names another media of this service; pixels decoded with sharp tell where it went.

const [W, H] = [400, 300];

async function upload(request: APIRequestContext, stem: string, bytes: Buffer): Promise<MediaRecord> {
  const { res, body } = await uploadViaApi(request, uniqueName(stem, 'png'), bytes);
  expect(res.status(), body.message).toBe(201);
  return body;
}

const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

async function fetchVariant(request: APIRequestContext, m: MediaRecord, query: string) {
  const res = await request.get(`${pathOf(m.url)}?${query}`);
  expect(res.status(), `${query}: ${res.status()} ${res.status() === 200 ? '' : await res.text()}`).toBe(200);
  return { headers: res.headers(), body: await res.body() };
}

const isRed = (p: { r: number; g: number; b: number }) => p.r > 230 && p.g < 30 && p.b < 30;
const isGrey = (p: { r: number; g: number; b: number }) => [p.r, p.g, p.b].every((c) => Math.abs(c - 128) < 8);

let photo: MediaRecord; // 400×300 grey
let logo: MediaRecord; // 40×20 red
let sprite: MediaRecord; // 40×20 transparent, red 20×10 in its top-left corner
const marked = (m: MediaRecord, own = '') => `mark=${encodeURIComponent(m.url + own)}`;

test.beforeAll(async ({ request }) => {
  photo = await upload(request, 'photo', await solid(W, H, '#808080'));
  logo = await upload(request, 'logo', await solid(40, 20, '#ff0000'));
  const corner = await solid(20, 10, '#ff0000');
  sprite = await upload(
    request,
    'sprite',
    await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: corner, left: 0, top: 0 }])
      .png()
      .toBuffer(),
  );
});

test('a watermark from this service lands bottom right, 5 px in (imgix’s defaults), and nowhere else', async ({
  request,
}) => {
  const { headers, body } = await fetchVariant(request, photo, `${marked(logo)}&fm=png`);
  expect(headers['kura-ignored-params']).toBeUndefined();
  expect(isRed(await pixelAt(body, W - 5 - 1, H - 5 - 1))).toBe(true);
  expect(isRed(await pixelAt(body, W - 5 - 40, H - 5 - 20))).toBe(true);
  expect(isGrey(await pixelAt(body, W - 5 - 41, H - 5 - 21))).toBe(true);
  expect(isGrey(await pixelAt(body, W - 3, H - 3))).toBe(true); // the padding
  expect(isGrey(await pixelAt(body, 10, 10))).toBe(true);
});

test.describe('mark-align', () => {
  const CASES: [align: string, x: number, y: number][] = [
    ['top,left', 5 + 20, 5 + 10],
    ['top,center', W / 2, 5 + 10],
    ['middle,center', W / 2, H / 2],
    ['bottom,left', 5 + 20, H - 5 - 10],
    ['middle,right', W - 5 - 20, H / 2],
  ];
  for (const [align, x, y] of CASES) {
    test(`${align} puts the watermark there`, async ({ request }) => {
      const { body } = await fetchVariant(request, photo, `${marked(logo)}&mark-align=${align}&fm=png`);
      expect(isRed(await pixelAt(body, x, y))).toBe(true);
      expect(isGrey(await pixelAt(body, W - 10, H - 10)) || align.includes('right')).toBe(true);
    });
  }
});

test('mark-alpha=50 mixes the watermark half and half with the image', async ({ request }) => {
  const { body } = await fetchVariant(request, photo, `${marked(logo)}&mark-alpha=50&fm=png`);
  const p = await pixelAt(body, W - 5 - 20, H - 5 - 10);
  expect(Math.abs(p.r - (255 + 128) / 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(p.g - 128 / 2)).toBeLessThanOrEqual(2);
});

test('the watermark’s own parameters are applied first (w=20&invert=1: a 20×10 cyan mark)', async ({ request }) => {
  const { body } = await fetchVariant(request, photo, `${marked(logo, '?w=20&invert=1')}&fm=png`);
  const inside = await pixelAt(body, W - 5 - 10, H - 5 - 5);
  expect([inside.r < 30, inside.g > 230, inside.b > 230]).toEqual([true, true, true]);
  expect(isGrey(await pixelAt(body, W - 5 - 25, H - 5 - 5))).toBe(true);
});

test('a root-relative path of this service works; a foreign URL is a 400 and is never fetched', async ({ request }) => {
  const relative = await fetchVariant(request, photo, `mark=${encodeURIComponent(pathOf(logo.url))}&fm=png`);
  expect(isRed(await pixelAt(relative.body, W - 10, H - 10))).toBe(true);
  for (const url of [
    'https://example.com/logo.png',
    `https://example.com${pathOf(logo.url).replace(/\/[^/]+$/, '/x.png')}`,
  ]) {
    const res = await request.get(`${pathOf(photo.url)}?mark=${encodeURIComponent(url)}`);
    expect(res.status(), url).toBe(400);
    expect((await res.json()).message).toBe(
      '"mark" must be the delivery URL of an image of this service (Kura never fetches other URLs)',
    );
  }
  const notUrl = await request.get(`${pathOf(photo.url)}?mark=logo`);
  expect(notUrl.status()).toBe(400);
  expect((await notUrl.json()).message).toBe('Invalid value for "mark": expected the URL of an image');
});

test('re-uploading the watermark media changes the variant’s ETag and pixels', async ({ request }) => {
  const mark = await upload(request, 'changing-logo', await solid(40, 20, '#ff0000'));
  const query = `${marked(mark)}&fm=png`;
  const before = await fetchVariant(request, photo, query);
  expect(isRed(await pixelAt(before.body, W - 10, H - 10))).toBe(true);
  const put = await request.put(`/api/v1/media/${mark.id}/file`, {
    headers: keyHeader,
    multipart: { file: { name: 'logo.png', mimeType: 'image/png', buffer: await solid(40, 20, '#0000ff') } },
  });
  expect(put.status(), await put.text()).toBe(200);
  const after = await fetchVariant(request, photo, query);
  expect(after.headers.etag).not.toBe(before.headers.etag);
  const p = await pixelAt(after.body, W - 10, H - 10);
  expect([p.r < 30, p.b > 230]).toEqual([true, true]);
});

test.describe('size and position', () => {
  test('mark-w as a fraction of the image keeps the ratio (fit=clip): 200×100', async ({ request }) => {
    const { body } = await fetchVariant(request, photo, `${marked(logo)}&mark-w=0.5&fm=png`);
    expect(isRed(await pixelAt(body, W - 5 - 199, H - 5 - 99))).toBe(true);
    expect(isGrey(await pixelAt(body, W - 5 - 202, H - 5 - 50))).toBe(true);
  });

  test('mark-scale=25 is a quarter of the image’s width', async ({ request }) => {
    const { body } = await fetchVariant(request, photo, `${marked(logo)}&mark-scale=25&fm=png`);
    expect(isRed(await pixelAt(body, W - 5 - 99, H - 5 - 49))).toBe(true);
    expect(isGrey(await pixelAt(body, W - 5 - 102, H - 5 - 25))).toBe(true);
  });

  test('mark-w and mark-h with mark-fit=scale stretch it; mark-fit=crop covers the box', async ({ request }) => {
    const scaled = (await fetchVariant(request, photo, `${marked(logo)}&mark-w=30&mark-h=30&mark-fit=scale&fm=png`))
      .body;
    expect(isRed(await pixelAt(scaled, W - 5 - 29, H - 5 - 29))).toBe(true);
    expect(isGrey(await pixelAt(scaled, W - 5 - 31, H - 5 - 31))).toBe(true);
    const cropped = (await fetchVariant(request, photo, `${marked(logo)}&mark-w=30&mark-h=30&mark-fit=crop&fm=png`))
      .body;
    expect(isRed(await pixelAt(cropped, W - 5 - 29, H - 5 - 29))).toBe(true);
  });

  test('mark-pad and mark-x / mark-y move it', async ({ request }) => {
    const padded = (await fetchVariant(request, photo, `${marked(logo)}&mark-pad=30&fm=png`)).body;
    expect(isRed(await pixelAt(padded, W - 31, H - 31))).toBe(true);
    expect(isGrey(await pixelAt(padded, W - 29, H - 29))).toBe(true);
    const placed = (await fetchVariant(request, photo, `${marked(logo)}&mark-x=30&mark-y=40&fm=png`)).body;
    expect(isRed(await pixelAt(placed, 31, 41))).toBe(true);
    expect(isGrey(await pixelAt(placed, 28, 38))).toBe(true);
    expect(isGrey(await pixelAt(placed, W - 10, H - 10))).toBe(true);
  });

  test('mark-tile=grid repeats it over the whole image', async ({ request }) => {
    const { body } = await fetchVariant(request, photo, `${marked(sprite)}&mark-tile=grid&fm=png`);
    for (const [x, y] of [
      [5, 5],
      [45, 5],
      [5, 25],
      [365, 285],
    ]) {
      expect(isRed(await pixelAt(body, x, y)), `${x},${y}`).toBe(true);
    }
    expect(isGrey(await pixelAt(body, 30, 15))).toBe(true);
    expect(isGrey(await pixelAt(body, 70, 35))).toBe(true);
  });
});

// The shapes of imgix's watermark examples (which microCMS's watermark page points to), on Kura media.
test.describe('documented watermark examples answer 200 with an image', () => {
  const EXAMPLES = [
    (m: MediaRecord) => `${marked(m)}`,
    (m: MediaRecord) => `${marked(m)}&mark-align=top,right&mark-alpha=60`,
    (m: MediaRecord) => `${marked(m)}&mark-scale=20&mark-pad=20&mark-align=bottom,left`,
    (m: MediaRecord) => `${marked(m, '?w=30&sat=-100')}&mark-w=0.2&mark-tile=grid&mark-alpha=40`,
    (m: MediaRecord) => `mark64=${Buffer.from(m.url).toString('base64url')}&mark-align=middle,center&w=300`,
    (m: MediaRecord) => `w=1200&h=630&fit=crop&${marked(m)}&mark-w=120&txt=Title&txt-size=48&txt-align=top,left`,
  ];
  for (const [i, example] of EXAMPLES.entries()) {
    test(`example ${i + 1}`, async ({ request }) => {
      const { headers, body } = await fetchVariant(request, photo, example(logo));
      expect(headers['content-type']).toBe('image/png');
      expect((await sharp(body).metadata()).width).toBeGreaterThan(0);
    });
  }
});
