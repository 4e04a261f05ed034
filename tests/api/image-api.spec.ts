import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { pathOf, png, uniqueName, uploadViaApi } from '../support/media';

const meta = (body: Buffer) => sharp(body).metadata();

test('w resizes, the variant is cached with a stable ETag and answers 304', async ({ request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('resize', 'png'), await png(400, 300));
  const first = await request.get(`${pathOf(m.url)}?w=100`);
  expect(first.status()).toBe(200);
  expect(first.headers()['content-type']).toBe('image/png');
  expect(first.headers()['kura-cache']).toBe('miss');
  expect(first.headers()['content-length']).toBe(String((await first.body()).length));
  expect(await meta(await first.body())).toMatchObject({ width: 100, height: 75, format: 'png' });

  const again = await request.get(`${pathOf(m.url)}?w=100`);
  expect(again.headers()['kura-cache']).toBe('hit');
  expect(again.headers()['etag']).toBe(first.headers()['etag']);
  expect(Buffer.compare(await again.body(), await first.body())).toBe(0);
  const notModified = await request.get(`${pathOf(m.url)}?w=100`, {
    headers: { 'If-None-Match': first.headers()['etag'] },
  });
  expect(notModified.status()).toBe(304);
  // Another transform is another variant with another ETag.
  const other = await request.get(`${pathOf(m.url)}?w=101`);
  expect(other.headers()['etag']).not.toBe(first.headers()['etag']);
});

test('fit=crop with fm=webp gives exact size and format; fm=json describes the source', async ({ request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('crop', 'png'), await png(400, 300));
  const crop = await request.get(`${pathOf(m.url)}?fit=crop&w=50&h=50&fm=webp`);
  expect(crop.headers()['content-type']).toBe('image/webp');
  expect(await meta(await crop.body())).toMatchObject({ width: 50, height: 50, format: 'webp' });
  const download = await request.get(
    `${pathOf(m.url)}?fit=crop&w=50&h=50&fm=webp&dl=${encodeURIComponent('../thumb.webp')}`,
  );
  expect(download.headers()['content-disposition']).toBe('attachment; filename="thumb.webp"');
  const json = await request.get(`${pathOf(m.url)}?fm=json`);
  expect(json.headers()['content-type']).toMatch(/^application\/json/);
  expect(await json.json()).toMatchObject({ width: 400, height: 300 });
});

test('a malformed value is a 400 naming the parameter; unknown parameters are listed and ignored', async ({
  request,
}) => {
  const bytes = await png(40, 30);
  const { body: m } = await uploadViaApi(request, uniqueName('params', 'png'), bytes);
  const bad = await request.get(`${pathOf(m.url)}?w=abc`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toContain('"w"');
  const unknown = await request.get(`${pathOf(m.url)}?foo=1&bar=2`);
  expect(unknown.status()).toBe(200);
  expect(unknown.headers()['kura-ignored-params']).toBe('bar,foo');
  expect(Buffer.compare(await unknown.body(), bytes)).toBe(0); // nothing to do: the original
});

test('auto=format negotiates AVIF or WebP from Accept, with Vary: Accept', async ({ request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('auto', 'png'), await png(120, 80));
  const url = `${pathOf(m.url)}?auto=format&w=60`;
  const webp = await request.get(url, { headers: { Accept: 'image/webp,*/*' } });
  expect(webp.headers()['content-type']).toBe('image/webp');
  expect(webp.headers()['vary']).toBe('Accept');
  const avif = await request.get(url, { headers: { Accept: 'image/avif,image/webp,*/*' } });
  expect(avif.headers()['content-type']).toBe('image/avif');
  const plain = await request.get(url, { headers: { Accept: '*/*' } });
  expect(plain.headers()['content-type']).toBe('image/png');
  expect(plain.headers()['vary']).toBe('Accept');
});

test('SVG and files are served unchanged whatever the parameters', async ({ request }) => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  const { body: m } = await uploadViaApi(request, uniqueName('vector', 'svg'), svg);
  const res = await request.get(`${pathOf(m.url)}?w=100&fm=png&foo=1`);
  expect(res.headers()['content-type']).toBe('image/svg+xml');
  expect(Buffer.compare(await res.body(), svg)).toBe(0);
  // Every parameter but v and dl did nothing, and the answer says so.
  expect(res.headers()['kura-ignored-params']).toBe('fm,foo,w');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const { body: doc } = await uploadViaApi(request, uniqueName('guide', 'pdf'), pdf, 'application/pdf');
  const file = await request.get(`${pathOf(doc.url)}?v=${doc.versionedUrl.split('?v=')[1]}&dl=a.pdf&w=9`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-disposition']).toContain('a.pdf');
  expect(file.headers()['kura-ignored-params']).toBe('w');
  expect((await request.get(pathOf(doc.url))).headers()['kura-ignored-params']).toBeUndefined();
});

test('w=99999 is clamped to 8192 pixels', async ({ request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('huge-w', 'png'), await png(64, 16));
  const res = await request.get(`${pathOf(m.url)}?w=99999&fm=jpg&q=20`);
  expect(res.status()).toBe(200);
  expect(await meta(await res.body())).toMatchObject({ width: 8192, height: 2048 });
});

test('32 concurrent requests for a new variant cause exactly one encode and identical bytes', async ({ request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('crowd', 'png'), await png(1600, 1200));
  const url = `${pathOf(m.url)}?w=700&fm=webp&q=61`;
  const all = await Promise.all(Array.from({ length: 32 }, () => request.get(url)));
  expect(all.every((r) => r.status() === 200)).toBe(true);
  expect(all.filter((r) => r.headers()['kura-cache'] === 'miss')).toHaveLength(1);
  const bodies = await Promise.all(all.map((r) => r.body()));
  expect(bodies.every((b) => Buffer.compare(b, bodies[0]) === 0)).toBe(true);
});

test('a pixel bomb is refused from its header at once (fm=json still answers), and the server stays healthy', async ({
  request,
}) => {
  const bomb = await sharp({ create: { width: 12000, height: 12000, channels: 3, background: '#fff' } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  const { body: m } = await uploadViaApi(request, uniqueName('bomb', 'png'), bomb);
  expect(m).toMatchObject({ kind: 'image', width: 12000, height: 12000 });
  const res = await request.get(`${pathOf(m.url)}?w=100`);
  expect(res.status()).toBe(413);
  expect((await res.json()).message).toContain('too large to transform');
  expect((await request.get('/api/health')).status()).toBe(200);
  // The original itself is still delivered, and fm=json (its header's facts: nothing decoded) still answers.
  expect((await request.head(pathOf(m.url))).status()).toBe(200);
  const facts = await request.get(`${pathOf(m.url)}?fm=json`);
  expect(facts.status()).toBe(200);
  expect(await facts.json()).toMatchObject({ PixelWidth: 12000, PixelHeight: 12000, format: 'png' });
});
