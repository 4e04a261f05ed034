import { expect, test, type APIRequestContext } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { withTestDb } from '../support/sql';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';
import { createApi, createApiKey } from '../support/seed';

const data = inspect(E2E.dataDir);
const endpoint = `posts-${Math.random().toString(36).slice(2, 8)}`;
let apiId = '';

const FIELDS = [
  { id: 'title', name: 'Title', kind: 'text', required: true },
  { id: 'summary', name: 'Summary', kind: 'textArea' },
  { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
  { id: 'banner', name: 'Banner', kind: 'image', imageSize: { width: 300, height: 100 } },
  { id: 'gallery', name: 'Gallery', kind: 'multipleImages' },
  { id: 'attachment', name: 'Attachment', kind: 'file' },
  { id: 'body', name: 'Body', kind: 'richEditor' },
  { id: 'rating', name: 'Rating', kind: 'number' },
  { id: 'featured', name: 'Featured', kind: 'boolean' },
];

test.beforeAll(() => {
  apiId = createApi(E2E.dataDir, endpoint, FIELDS, 'Posts');
});

const image = async (request: APIRequestContext, w = 64, h = 48) =>
  (await uploadViaApi(request, uniqueName('pic', 'png'), await png(w, h), 'image/png')).body;
const pdf = async (request: APIRequestContext) =>
  (
    await uploadViaApi(
      request,
      uniqueName('doc', 'pdf'),
      Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      'application/pdf',
    )
  ).body;

/** The body as bytes, so a string goes out exactly as written (malformed JSON included). */
const raw = (body: unknown) => Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
const post = (request: APIRequestContext, body: unknown, headers: Record<string, string> = keyHeader) =>
  request.post(`/api/v1/${endpoint}`, { headers: { ...headers, 'Content-Type': 'application/json' }, data: raw(body) });
const patch = (request: APIRequestContext, id: string, body: unknown) =>
  request.patch(`/api/v1/${endpoint}/${id}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: raw(body),
  });
const deleteMediaByUrl = (request: APIRequestContext, url: string, headers: Record<string, string> = keyHeader) =>
  request.delete(`/api/v2/media?url=${encodeURIComponent(url)}`, { headers });

/** Content items that use this media, read from the real reference table. */
const referenceCount = (mediaId: string) =>
  data.query<{ n: number }>('select count(distinct content_id) as n from content_media where media_id = ?', mediaId)[0]
    .n;

function setAlt(mediaId: string, alt: string) {
  withTestDb(E2E.dataDir, (db) => db.run('update media set alt = ? where id = ?', alt, mediaId));
}

test(
  'every read shape: image, multiple images, file, rich editor ' +
    'with the media’s alt and size, text, number, boolean',
  async ({ request }) => {
    const eyecatch = await image(request, 640, 480);
    setAlt(eyecatch.id, 'A red square');
    const [g1, g2] = [await image(request, 30, 20), await image(request, 40, 10)];
    const doc = await pdf(request);
    const inline = await image(request, 200, 100);
    setAlt(inline.id, 'Inline "quoted" alt');

    const created = await post(request, {
      title: 'Hello',
      summary: 'Two\nlines',
      eyecatch: eyecatch.url,
      gallery: [g1.url, g2.id],
      attachment: { url: doc.url },
      body:
        `<p>See <a href="${doc.url}">the doc</a></p><img src="${inline.url}" alt="stale" width="1" height="1"><img ` +
        `src="${inline.url}?w=100&amp;fm=webp" alt="stale" width="100" height="50"><script>alert(1)</script>`,
      rating: 4.5,
      featured: true,
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^[a-z0-9]{12}$/);

    const one = await request.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader });
    expect(one.status()).toBe(200);
    const item = await one.json();
    expect(item).toMatchObject({
      id,
      title: 'Hello',
      summary: 'Two\nlines',
      eyecatch: { url: eyecatch.url, width: 640, height: 480, alt: 'A red square' },
      gallery: [
        { url: g1.url, width: 30, height: 20 },
        { url: g2.url, width: 40, height: 10 },
      ],
      attachment: { url: doc.url, fileSize: doc.size },
      rating: 4.5,
      featured: true,
    });
    expect(item.gallery[0]).not.toHaveProperty('alt');
    expect(item.body).toContain(`<a href="${doc.url}">the doc</a>`);
    expect(item.body).toContain(
      `<img src="${inline.url}" alt="Inline &quot;quoted&quot; alt" width="200" height="100">`,
    );
    // An Image API URL renders at its own size: the alt is current, the size is what the editor wrote.
    expect(item.body).toContain(
      `<img src="${inline.url}?w=100&amp;fm=webp" alt="Inline &quot;quoted&quot; alt" width="100" height="50">`,
    );
    expect(item.body).not.toContain('script');
    for (const key of ['createdAt', 'updatedAt', 'publishedAt', 'revisedAt'])
      expect(Date.parse(item[key])).not.toBeNaN();
    expect(item.updatedAt, 'a new item is updated when it is created').toBe(item.createdAt);

    const list = await request.get(`/api/v1/${endpoint}?limit=100`, { headers: keyHeader });
    expect(list.status()).toBe(200);
    const page = await list.json();
    expect(page).toMatchObject({ offset: 0, limit: 100 });
    expect(page.totalCount).toBe(page.contents.length);
    expect(page.contents.find((c: { id: string }) => c.id === id)).toEqual(item);

    for (const m of [eyecatch, g1, g2, doc, inline]) expect(referenceCount(m.id)).toBe(1);
  },
);

test('reference counts follow content create, patch and delete', async ({ request }) => {
  const a = await image(request);
  const b = await image(request);
  const first = (await (await post(request, { title: 'one', eyecatch: a.url, gallery: [a.url, b.url] })).json()) as {
    id: string;
  };
  const second = (await (await post(request, { title: 'two', body: `<p><img src="${a.url}"></p>` })).json()) as {
    id: string;
  };
  expect(referenceCount(a.id)).toBe(2);
  expect(referenceCount(b.id)).toBe(1);

  expect((await patch(request, first.id, { gallery: [a.url] })).status()).toBe(200);
  expect(referenceCount(b.id)).toBe(0);
  expect(referenceCount(a.id)).toBe(2);

  expect((await patch(request, second.id, { body: '<p>no image</p>' })).status()).toBe(200);
  expect(referenceCount(a.id)).toBe(1);

  expect((await request.delete(`/api/v1/${endpoint}/${first.id}`, { headers: keyHeader })).status()).toBe(202);
  expect(referenceCount(a.id)).toBe(0);
  expect((await request.get(`/api/v1/${endpoint}/${first.id}`, { headers: keyHeader })).status()).toBe(404);
});

for (const kind of ['image', 'multipleImages', 'file', 'richEditor'] as const) {
  test(`delete is refused while referenced through a ${kind} field, allowed once the reference is gone`, async ({
    request,
  }) => {
    const m = kind === 'file' ? await pdf(request) : await image(request);
    const value = {
      image: { eyecatch: m.url },
      multipleImages: { gallery: [m.url] },
      file: { attachment: m.url },
      richEditor: { body: `<p><a href="${m.url}">link</a></p>` },
    }[kind];
    const created = await post(request, { title: `holds via ${kind}`, ...value });
    expect(created.status()).toBe(201);
    const { id } = await created.json();

    const refused = await deleteMediaByUrl(request, m.url);
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({ message: 'this medium is referenced by another content' });
    expect((await request.get(pathOf(m.url))).status()).toBe(200);

    const field = Object.keys(value)[0];
    expect((await patch(request, id, { [field]: kind === 'richEditor' ? '<p>gone</p>' : null })).status()).toBe(200);
    const allowed = await deleteMediaByUrl(request, m.url);
    expect(allowed.status()).toBe(200);
    expect(await allowed.json()).toEqual({ id: m.id });
    expect((await request.get(pathOf(m.url))).status()).toBe(404);
    expect(data.query('select id from media where id = ?', m.id)).toHaveLength(0);
  });
}

test('DELETE /api/v2/media: 404 for unknown or stale URLs, 403 without the delete right, 400 without url', async ({
  request,
}) => {
  const m = await image(request);
  const unknown = m.url.replace(m.id, 'f'.repeat(32));
  expect((await deleteMediaByUrl(request, unknown)).status()).toBe(404);
  expect((await deleteMediaByUrl(request, m.url.replace(/[^/]+$/, 'other-name.png'))).status()).toBe(404);
  expect((await deleteMediaByUrl(request, 'https://example.com/a.png')).status()).toBe(404);
  const readOnly = createApiKey(E2E.dataDir, { media_get: true });
  const forbidden = await deleteMediaByUrl(request, m.url, { 'X-MICROCMS-API-KEY': readOnly });
  expect(forbidden.status()).toBe(403);
  // As in microCMS, the delete right alone is enough for a key.
  const deleteOnly = createApiKey(E2E.dataDir, { media_delete: true });
  const other = await image(request);
  expect((await deleteMediaByUrl(request, other.url, { 'X-MICROCMS-API-KEY': deleteOnly })).status()).toBe(200);
  expect((await request.get(pathOf(other.url))).status()).toBe(404);
  const missing = await request.delete('/api/v2/media', { headers: keyHeader });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).message).toBe('url: required: the delivery URL of the media to delete');
  expect((await request.get(pathOf(m.url))).status()).toBe(200);
});

test(
  'media fields refuse external URLs, other services, unknown ' +
    'media, the wrong kind and the wrong size — naming the field',
  async ({ request }) => {
    const doc = await pdf(request);
    const small = await image(request, 30, 10);
    const exact = await image(request, 300, 100);
    const otherService = small.url.replace(/\/assets\/[^/]+\//, '/assets/otherservice1/');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ eyecatch: 'https://example.com/cat.png' }, /^eyecatch: .*not a media URL of this service/],
      [{ eyecatch: otherService }, /^eyecatch: .*not a media URL of this service/],
      [{ eyecatch: 'e'.repeat(32) }, /^eyecatch: there is no media/],
      [{ eyecatch: doc.url }, /^eyecatch: .*is not an image/],
      [{ gallery: [small.url, doc.url] }, /^gallery: .*is not an image/],
      [{ banner: small.url }, /^banner: needs an image of exactly 300 × 100 px; .* is 30 × 10 px/],
      [
        { eyecatch: small.url.replace(/[^/]+$/, 'renamed.png') },
        /^eyecatch: renamed\.png is not the current URL of that media/,
      ],
      [
        { body: `<img src="${small.url.replace(small.id, 'a'.repeat(32))}">` },
        /^body: links to media a{32}, which does not exist/,
      ],
      [
        { body: `<img src="${small.url}"><a href="${small.url.replace(/[^/]+$/, 'old-name.png')}">x</a>` },
        /^body: old-name\.png is not the current URL/,
      ],
    ];
    const before = data.query('select id from contents where api_id = ?', apiId).length;
    for (const [fields, message] of cases) {
      const res = await post(request, { title: 'refused', ...fields });
      expect(res.status(), JSON.stringify(fields)).toBe(400);
      expect((await res.json()).message).toMatch(message);
    }
    expect(data.query('select id from contents where api_id = ?', apiId).length).toBe(before);
    expect((await post(request, { title: 'fits', banner: exact.url, attachment: small.url })).status()).toBe(201);
  },
);

test('a delivery URL written under an earlier public origin still counts as a reference', async ({ request }) => {
  const m = await image(request);
  const elsewhere = m.url.replace(E2E.baseURL, 'http://old-host.example:8080');
  expect((await post(request, { title: 'old origin', body: `<p><img src="${elsewhere}"></p>` })).status()).toBe(201);
  expect(referenceCount(m.id)).toBe(1);
  expect((await deleteMediaByUrl(request, m.url)).status()).toBe(400);
});

test('media named by id needs the right to read it; by its public URL it does not', async ({ request }) => {
  const m = await image(request);
  const writer = createApiKey(E2E.dataDir, {}, { [apiId]: { read: true, create: true } });
  const headers = { 'X-MICROCMS-API-KEY': writer };
  const byId = await post(request, { title: 'by id', eyecatch: m.id }, headers);
  expect(byId.status()).toBe(400);
  expect((await byId.json()).message).toBe(`eyecatch: there is no media ${m.id}`);
  expect((await post(request, { title: 'by url', eyecatch: m.url }, headers)).status()).toBe(201);
});

test('bad input gets a 400 naming the field and changes nothing', async ({ request }) => {
  const m = await image(request);
  const created = await post(request, { title: 'original', eyecatch: m.url, rating: 1 });
  const { id } = await created.json();
  const before = await (await request.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json();
  const count = data.query('select id from contents where api_id = ?', apiId).length;

  const cases: [unknown, RegExp][] = [
    ['{"title": "x",', /not valid JSON/],
    ['', /empty/],
    ['[1,2]', /JSON object/],
    [{ title: 'x', colour: 'red' }, /Unknown field "colour"/],
    [{ title: 5 }, /^title: expected a string/],
    [{ rating: 'high' }, /^rating: expected a number/],
    [{ featured: 'yes' }, /^featured: expected true or false/],
    [{ gallery: m.url }, /^gallery: expected an array/],
    [{ eyecatch: 42 }, /^eyecatch: expected a media URL/],
    [{ title: 'x'.repeat(2001) }, /^title: at most 2,000 characters/],
    [{ summary: 'x'.repeat(100_001) }, /^summary: at most 100,000 characters/],
    [{ title: null }, /^title: is required/],
  ];
  for (const [body, message] of cases) {
    for (const res of [await post(request, body), await patch(request, id, body)]) {
      expect(res.status(), `${JSON.stringify(body).slice(0, 80)} → ${res.url()}`).toBe(400);
      expect((await res.json()).message).toMatch(message);
    }
  }
  expect((await post(request, { summary: 'no title' })).status()).toBe(400);
  expect(data.query('select id from contents where api_id = ?', apiId).length).toBe(count);
  expect(await (await request.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json()).toEqual(before);
  expect(referenceCount(m.id)).toBe(1);
});

test(
  'content API: 401 without a key, 403 without the right on ' +
    'this API, 404 for unknown APIs and content, limit checked',
  async ({ request }) => {
    expect((await request.get(`/api/v1/${endpoint}`)).status()).toBe(401);
    const readOnly = createApiKey(E2E.dataDir, {}, { [apiId]: { read: true } });
    const headers = { 'X-MICROCMS-API-KEY': readOnly };
    expect((await request.get(`/api/v1/${endpoint}`, { headers })).status()).toBe(200);
    const refused = await post(request, { title: 'nope' }, headers);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).message).toMatch(/permission to create/);
    const noRights = createApiKey(E2E.dataDir, { media_get: true });
    expect((await request.get(`/api/v1/${endpoint}`, { headers: { 'X-MICROCMS-API-KEY': noRights } })).status()).toBe(
      403,
    );
    expect((await request.get('/api/v1/no-such-api', { headers: keyHeader })).status()).toBe(404);
    expect((await request.get(`/api/v1/${endpoint}/nosuchcontent`, { headers: keyHeader })).status()).toBe(404);
    const badLimit = await request.get(`/api/v1/${endpoint}?limit=101`, { headers: keyHeader });
    expect(badLimit.status()).toBe(400);
    expect((await badLimit.json()).message).toBe('limit: must be 0–100');
  },
);

test(
  'saving content that uses a media item at the same moment ' + 'as deleting it: never both, never a 5xx (100 trials)',
  async ({ request }) => {
    test.setTimeout(180_000);
    const outcomes = { contentWon: 0, deleteWon: 0 };
    for (let trial = 0; trial < 100; trial++) {
      const m: MediaRecord = (await uploadViaApi(request, uniqueName('race', 'png'), await png(8, 8), 'image/png'))
        .body;
      // Alternate which request leaves first, so both orders of arrival are exercised.
      const save = () => post(request, { title: `race ${trial}`, eyecatch: m.url });
      const remove = () => deleteMediaByUrl(request, m.url);
      const [saved, deleted] =
        trial % 2 === 0 ? await Promise.all([save(), remove()]) : (await Promise.all([remove(), save()])).reverse();
      expect(saved.status()).toBeLessThan(500);
      expect(deleted.status()).toBeLessThan(500);
      const bothSucceeded = saved.status() === 201 && deleted.status() === 200;
      expect(bothSucceeded, `trial ${trial}: content ${saved.status()}, delete ${deleted.status()}`).toBe(false);
      if (saved.status() === 201) {
        outcomes.contentWon++;
        expect(deleted.status()).toBe(400);
        expect((await request.get(pathOf(m.url))).status()).toBe(200);
      } else {
        outcomes.deleteWon++;
        expect(saved.status()).toBe(400);
        expect(deleted.status()).toBe(200);
        expect((await request.get(pathOf(m.url))).status()).toBe(404);
      }
    }
    expect(outcomes.contentWon + outcomes.deleteWon).toBe(100);
    console.log(`[race] content first ${outcomes.contentWon}×, delete first ${outcomes.deleteWon}×`);
  },
);
