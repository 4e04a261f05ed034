import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { colourAt, colourAtMiddle, metadataOf, spots } from '../support/images';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';
import { createApiKey } from '../support/seed';

type Edited = MediaRecord & {
  focalPoint?: { x: number; y: number };
  crop?: { x: number; y: number; w: number; h: number };
  rotate?: number;
  flip?: string;
};

const data = inspect(E2E.dataDir);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// 1600×800 grey: a yellow square at (500, 400), a blue one at (1120, 400). A 1:1 cut slides along x, so the colour
// at the middle of `w=400&h=400&fit=crop` says where the cut is centred.
const YELLOW = { x: 500 / 1600, y: 0.5 };
const target = () =>
  spots(1600, 800, [
    { x: 500, y: 400, size: 120, colour: 'yellow' },
    { x: 1120, y: 400, size: 120, colour: 'blue' },
  ]);

const patch = (request: APIRequestContext, id: string, body: unknown, headers: Record<string, string> = keyHeader) =>
  request.patch(`/api/v1/media/${id}`, {
    headers: { ...headers, 'Content-Type': 'application/json' },
    data: Buffer.from(JSON.stringify(body)),
  });
const edit = async (request: APIRequestContext, id: string, body: unknown) => {
  const res = await patch(request, id, body);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Edited;
};
const upload = async (request: APIRequestContext, bytes: Buffer) =>
  (await uploadViaApi(request, uniqueName('edit-me', 'png'), bytes, 'image/png')).body as Edited;
/** A transform of the media's current versioned URL: the answer and its bytes. */
const variant = async (request: APIRequestContext, m: Edited, query: string) => {
  const res = await request.get(`${pathOf(m.versionedUrl)}&${query}`);
  expect(res.status(), query).toBe(200);
  return { res, body: await res.body() };
};

test('PATCH refuses a focal point, crop, rotation or flip that cannot be, and files; it needs edit', async ({
  request,
}) => {
  const m = await upload(request, await png(64, 48));
  const refused = async (body: unknown, message: RegExp) => {
    const res = await patch(request, m.id, body);
    expect(res.status(), JSON.stringify(body)).toBe(400);
    expect((await res.json()).message).toMatch(message);
  };
  await refused({ focalPoint: { x: 1.2, y: 0.5 } }, /^focalPoint\.x: expected 0 to 1/);
  await refused({ focalPoint: { x: 0.5 } }, /^focalPoint\.y: /);
  await refused({ focalPoint: [0.5, 0.5] }, /^focalPoint: expected \{x, y\}/);
  await refused(
    { crop: { x: 10, y: 0, w: 60, h: 48 } },
    /^crop: 60×48 at 10,0 does not fit inside the image \(64×48\)/,
  );
  await refused({ crop: { x: 0, y: 0, w: 0, h: 10 } }, /^crop\.w: expected at least 1 pixel/);
  await refused({ crop: { x: 0.5, y: 0, w: 10, h: 10 } }, /^crop\.x: expected whole pixels/);
  await refused({ rotate: 45 }, /^rotate: expected a multiple of 90/);
  await refused({ flip: 'sideways' }, /^flip: expected none, h, v or hv/);
  const file = (await uploadViaApi(request, uniqueName('notes', 'txt'), Buffer.from('plain text'), 'text/plain')).body;
  const fileRes = await patch(request, file.id, { focalPoint: { x: 0.5, y: 0.5 } });
  expect(fileRes.status()).toBe(400);
  expect((await fileRes.json()).message).toMatch(/^focalPoint: .* are for images/);

  const getOnly = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_get: true }) };
  const editOnly = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_edit: true }) };
  const editor = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_get: true, media_edit: true }) };
  expect((await patch(request, m.id, { rotate: 90 }, getOnly)).status()).toBe(403);
  expect((await patch(request, m.id, { rotate: 90 }, editOnly)).status()).toBe(404);
  expect((await patch(request, m.id, { rotate: 90 }, {})).status()).toBe(401);
  const [row] = data.query<{ rotate: number }>('select rotate from media where id = ?', m.id);
  expect(row.rotate).toBe(0);
  const turned = await patch(request, m.id, { rotate: -90 }, editor);
  expect(turned.status()).toBe(200);
  expect(await turned.json()).toMatchObject({ id: m.id, rotate: 270 });
});

test('a focal point centres fit=crop, explicit crop= and fp-x win, raw=1 is untouched; the original stays', async ({
  request,
}) => {
  const bytes = await target();
  const m = await upload(request, bytes);
  const original = await request.get(pathOf(m.url));
  const before = await variant(request, m, 'w=400&h=400&fit=crop');
  expect(await colourAtMiddle(before.body)).toBe('grey');

  const focused = await edit(request, m.id, { focalPoint: YELLOW });
  expect(focused).toMatchObject({ id: m.id, focalPoint: YELLOW, width: 1600, height: 800 });
  expect(focused).not.toHaveProperty('crop');
  expect(focused.versionedUrl).not.toBe(m.versionedUrl);
  expect(new URL(focused.versionedUrl).searchParams.get('v')).toMatch(
    new RegExp(`^${sha(bytes).slice(0, 12)}-[0-9a-f]{8}$`),
  );
  // The record reads the same from GET and the v1 list.
  expect(await (await request.get(`/api/v1/media/${m.id}`, { headers: keyHeader })).json()).toMatchObject({
    focalPoint: YELLOW,
    versionedUrl: focused.versionedUrl,
  });

  const after = await variant(request, focused, 'w=400&h=400&fit=crop');
  expect(await colourAtMiddle(after.body)).toBe('yellow');
  expect(after.res.headers().etag).not.toBe(before.res.headers().etag);
  // The old version tag sends the client to the new one.
  const old = await request.get(`${pathOf(m.versionedUrl)}&w=400&h=400&fit=crop`, { maxRedirects: 0 });
  expect(old.status()).toBe(307);
  expect(old.headers().location).toBe(`${focused.versionedUrl}&w=400&h=400&fit=crop`);

  // Explicit parameters win; raw=1 is the image as uploaded.
  expect(
    await colourAtMiddle(
      (await variant(request, focused, 'w=400&h=400&fit=crop&crop=focalpoint&fp-x=0.7&fp-y=0.5')).body,
    ),
  ).toBe('blue');
  expect(await colourAtMiddle((await variant(request, focused, 'w=400&h=400&fit=crop&crop=left')).body)).toBe('grey');
  expect(await colourAtMiddle((await variant(request, focused, 'w=400&h=400&fit=crop&raw=1')).body)).toBe('grey');

  // The original: the same bytes and ETag, with or without raw=1 and under the new version tag.
  const again = await request.get(pathOf(m.url));
  expect(sha(await again.body())).toBe(sha(bytes));
  expect(again.headers().etag).toBe(original.headers().etag);
  const pinned = await request.get(pathOf(focused.versionedUrl));
  expect(pinned.headers().etag).toBe(original.headers().etag);
  expect(pinned.headers()['cache-control']).toContain('immutable');
  const raw = await request.get(`${pathOf(m.url)}?raw=1`);
  expect(sha(await raw.body())).toBe(sha(bytes));
  expect(raw.headers()['kura-ignored-params']).toBeUndefined();
});

test('a stored 16:9 crop and a quarter turn come before the query; clearing them brings the first URL back', async ({
  request,
}) => {
  const bytes = await target();
  const m = await upload(request, bytes);
  const crop = { x: 0, y: 62, w: 1200, h: 675 }; // 16:9, the squares on its middle line
  const cropped = await edit(request, m.id, { crop, focalPoint: YELLOW });
  expect(cropped).toMatchObject({ crop, focalPoint: YELLOW });
  const wide = await variant(request, cropped, 'w=400&fm=png');
  expect(await metadataOf(wide.body)).toMatchObject({ width: 400, height: 225 });
  expect(await colourAtMiddle((await variant(request, cropped, 'w=400&h=400&fit=crop')).body)).toBe('yellow');

  const turned = await edit(request, m.id, { rotate: 90 });
  expect(turned).toMatchObject({ crop, focalPoint: YELLOW, rotate: 90 });
  expect(turned.versionedUrl).not.toBe(cropped.versionedUrl);
  const tall = await variant(request, turned, 'w=400&fm=png');
  expect(await metadataOf(tall.body)).toMatchObject({ width: 400, height: 711 });
  // Turned clockwise: the blue square (right of the yellow one) is now below it.
  expect(await colourAt(tall.body, 200, 664)).toBe('blue');
  expect(await colourAtMiddle((await variant(request, turned, 'w=400&h=400&fit=crop')).body)).toBe('yellow');

  const flipped = await edit(request, m.id, { flip: 'v' });
  expect(flipped).toMatchObject({ rotate: 90, flip: 'v' });
  expect(await colourAt((await variant(request, flipped, 'w=400&fm=png')).body, 200, 711 - 664)).toBe('blue');

  const cleared = await edit(request, m.id, { focalPoint: null, crop: null, rotate: 0, flip: 'none' });
  for (const key of ['focalPoint', 'crop', 'rotate', 'flip']) expect(cleared).not.toHaveProperty(key);
  expect(cleared.versionedUrl).toBe(m.versionedUrl);
  expect(await metadataOf((await variant(request, cleared, 'w=400&fm=png')).body)).toMatchObject({ height: 200 });

  // Activity: one image_edit entry per change, with the edit before and after.
  const log = data.query<{ operation: string; before: string; after: string }>(
    `select operation, before, after from audit_log where media_id = ? and operation = 'image_edit' order by id`,
    m.id,
  );
  expect(log.map((l) => [JSON.parse(l.before), JSON.parse(l.after)])).toEqual([
    [{}, { focalPoint: YELLOW, crop }],
    [
      { focalPoint: YELLOW, crop },
      { focalPoint: YELLOW, crop, rotate: 90 },
    ],
    [
      { focalPoint: YELLOW, crop, rotate: 90 },
      { focalPoint: YELLOW, crop, rotate: 90, flip: 'v' },
    ],
    [{ focalPoint: YELLOW, crop, rotate: 90, flip: 'v' }, {}],
  ]);
});

test('a re-upload starts without the edit: the crop was in pixels of the old image', async ({ request }) => {
  const m = await upload(request, await target());
  await edit(request, m.id, { crop: { x: 0, y: 0, w: 800, h: 800 }, rotate: 180 });
  const res = await request.put(`/api/v1/media/${m.id}/file`, {
    headers: keyHeader,
    multipart: { file: { name: 'next.png', mimeType: 'image/png', buffer: await png(90, 60) } },
  });
  expect(res.status()).toBe(200);
  const replaced = (await res.json()) as Edited;
  expect(replaced).not.toHaveProperty('crop');
  expect(replaced).not.toHaveProperty('rotate');
  expect(await metadataOf((await variant(request, replaced, 'w=90&fm=png')).body)).toMatchObject({
    width: 90,
    height: 60,
  });
});
