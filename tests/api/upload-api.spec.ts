import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';
import { createApiKey } from '../support/seed';

const data = inspect(E2E.dataDir);

test('POST /api/v1/media answers 201 with the media record', async ({ request }) => {
  const name = uniqueName('photo', 'png');
  const bytes = await png(640, 480);
  const { res, body } = await uploadViaApi(request, name, bytes, 'image/png');
  expect(res.status()).toBe(201);
  expect(body).toMatchObject({
    fileName: name,
    kind: 'image',
    mimeType: 'image/png',
    size: bytes.length,
    width: 640,
    height: 480,
  });
  expect(body.id).toMatch(/^[0-9a-f]{32}$/);
  expect(body.url).toMatch(new RegExp(`^${E2E.baseURL}/assets/[a-z0-9]+/${body.id}/${encodeURIComponent(name)}$`));
  expect(body.versionedUrl).toBe(`${body.url}?v=${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`);
  expect(data.mediaNamed(name)).toHaveLength(1);
});

test('the same bytes uploaded twice get two ids and two URLs', async ({ request }) => {
  const bytes = await png(10, 10);
  const a = await uploadViaApi(request, 'twin.png', bytes);
  const b = await uploadViaApi(request, 'twin.png', bytes);
  expect(a.body.id).not.toBe(b.body.id);
  expect(a.body.url).not.toBe(b.body.url);
});

test('the kind comes from the bytes: EXIF orientation swaps the reported size; a fake image is a file', async ({
  request,
}) => {
  const rotated = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#0a0' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const jpeg = await uploadViaApi(request, uniqueName('portrait', 'jpg'), rotated, 'application/octet-stream');
  expect(jpeg.body).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', width: 100, height: 300 });

  const svg = await uploadViaApi(
    request,
    uniqueName('logo', 'svg'),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"/></svg>'),
    'text/plain',
  );
  expect(svg.body).toMatchObject({ kind: 'image', mimeType: 'image/svg+xml', width: 120, height: 40 });

  const fake = await uploadViaApi(
    request,
    uniqueName('not-really', 'png'),
    Buffer.from('<!doctype html><h1>hi</h1>'),
    'image/png',
  );
  expect(fake.body).toMatchObject({ kind: 'file', mimeType: 'text/html', width: null, height: null });
});

test('401 without a key or with an unknown one', async ({ request }) => {
  const file = { name: 'a.png', mimeType: 'image/png', buffer: await png(4, 4) };
  const none = await request.post('/api/v1/media', { multipart: { file } });
  expect(none.status()).toBe(401);
  expect((await none.json()).message).toMatch(/API key/);
  const wrong = await request.post('/api/v1/media', {
    headers: { 'X-MICROCMS-API-KEY': 'not-a-key' },
    multipart: { file },
  });
  expect(wrong.status()).toBe(401);
  const wrongBearer = await request.post('/api/v1/media', {
    headers: { Authorization: 'Bearer not-a-key' },
    multipart: { file },
  });
  expect(wrongBearer.status()).toBe(401);
});

test('Authorization: Bearer works like X-MICROCMS-API-KEY', async ({ request }) => {
  const name = uniqueName('bearer', 'png');
  const res = await request.post('/api/v1/media', {
    headers: { Authorization: `Bearer ${E2E.apiKey}` },
    multipart: { file: { name, mimeType: 'image/png', buffer: await png(4, 4) } },
  });
  expect(res.status()).toBe(201);
  expect((await res.json()).fileName).toBe(name);
});

test('400 for an empty file, a missing part, or a body that is not multipart', async ({ request }) => {
  const name = uniqueName('empty', 'png');
  const empty = await request.post('/api/v1/media', {
    headers: keyHeader,
    multipart: { file: { name, mimeType: 'image/png', buffer: Buffer.alloc(0) } },
  });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).message).toBe('The file is empty');

  const missing = await request.post('/api/v1/media', { headers: keyHeader, multipart: { other: 'value' } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).message).toMatch(/part named "file"/);
  // The part is there but as a text field (no file name, no Content-Type): said so.
  const field = await request.post('/api/v1/media', { headers: keyHeader, multipart: { file: 'hi' } });
  expect(field.status()).toBe(400);
  expect((await field.json()).message).toMatch(/^The part named "file" came as a text field/);

  const json = await request.post('/api/v1/media', { headers: keyHeader, data: { file: 'x' } });
  expect(json.status()).toBe(400);
  expect((await json.json()).message).toMatch(/multipart\/form-data/);
  expect(data.mediaNamed(name)).toEqual([]);
});

test('413 over the limit, naming it, and no row (tests/faults checks that nothing at all is left)', async ({
  request,
}) => {
  for (const size of [E2E.maxUploadBytes + 1, E2E.maxUploadBytes + 5 * 1024 * 1024]) {
    // Just over the limit reaches the streaming check; far over it is refused from Content-Length.
    const name = uniqueName('huge', 'bin');
    const res = await request.post('/api/v1/media', {
      headers: keyHeader,
      multipart: { file: { name, mimeType: 'application/octet-stream', buffer: Buffer.alloc(size, 7) } },
    });
    expect(res.status()).toBe(413);
    expect((await res.json()).message).toBe(
      `The file is larger than the upload limit of 20 MB (${E2E.maxUploadBytes} bytes)`,
    );
    expect(data.mediaNamed(name)).toEqual([]);
  }
});

test('a file of exactly the limit is accepted', async ({ request }) => {
  const { res, body } = await uploadViaApi(request, uniqueName('exact', 'bin'), Buffer.alloc(E2E.maxUploadBytes, 1));
  expect(res.status()).toBe(201);
  expect(body.size).toBe(E2E.maxUploadBytes);
});

test('403 for a key without the upload right, before the body is read', async ({ request }) => {
  const key = createApiKey(E2E.dataDir, { media_get: true, media_edit: true, media_delete: true });
  const name = uniqueName('forbidden', 'png');
  const res = await request.post('/api/v1/media', {
    headers: { 'X-MICROCMS-API-KEY': key },
    multipart: { file: { name, mimeType: 'image/png', buffer: await png(4, 4) } },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).message).toBe('You do not have permission to upload media');
  expect(data.mediaNamed(name)).toEqual([]);
  // The same key is refused even for a body that would otherwise be a 400 or a 413.
  expect((await request.post('/api/v1/media', { headers: { 'X-MICROCMS-API-KEY': key }, data: 'x' })).status()).toBe(
    403,
  );
});

test('400, not 500, for multipart without a boundary or a body that ends before its closing boundary', async ({
  request,
}) => {
  const noBoundary = await request.post('/api/v1/media', {
    headers: { ...keyHeader, 'Content-Type': 'multipart/form-data' },
    data: Buffer.from('abc'),
  });
  expect(noBoundary.status()).toBe(400);
  expect((await noBoundary.json()).message).toBe('The multipart body has no boundary');

  const lookalike = await request.post('/api/v1/media', {
    headers: { ...keyHeader, 'Content-Type': 'multipart/form-dataX; boundary=a' },
    data: Buffer.from('abc'),
  });
  expect(lookalike.status()).toBe(400);

  // The file part arrives whole, but the form never ends: nothing may be kept.
  const name = uniqueName('unterminated', 'txt');
  const body = Buffer.from(
    `--b\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\nall ` +
      `of the file\r\n--b\r\nContent-Disposition: form-data; name="note"\r\n\r\ncut here`,
  );
  const cut = await request.post('/api/v1/media', {
    headers: { ...keyHeader, 'Content-Type': 'multipart/form-data; boundary=b' },
    data: body,
  });
  expect(cut.status()).toBe(400);
  expect((await cut.json()).message).toBe('The multipart body is malformed or was cut short');
  expect(data.mediaNamed(name)).toEqual([]);
});

test('a file name holding NUL and other control characters is stored without them (201), its bytes untouched', async ({
  request,
}) => {
  const name = uniqueName('nul', 'txt');
  const dirty = `${name.slice(0, 3)}\u0000${name.slice(3, 6)}\u0001\u001b${name.slice(6)}`;
  const bytes = Buffer.from('plain text with a NUL \u0000 inside');
  const body = Buffer.concat([
    Buffer.from(
      `--kb\r\nContent-Disposition: form-data; name="file"; filename="${dirty}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--kb--\r\n'),
  ]);
  const res = await request.post('/api/v1/media', {
    headers: { ...keyHeader, 'Content-Type': 'multipart/form-data; boundary=kb' },
    data: body,
  });
  expect(res.status()).toBe(201);
  const record = await res.json();
  expect(record.fileName).toBe(name);
  expect(record.size).toBe(bytes.length);
  expect(Buffer.from(await (await request.get(record.url)).body()).equals(bytes)).toBe(true);
  expect(data.mediaNamed(name)).toHaveLength(1);
});
