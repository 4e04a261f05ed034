import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';
import { createApi, createApiKey } from '../support/seed';

const data = inspect(E2E.dataDir);
const endpoint = `pages-${Math.random().toString(36).slice(2, 8)}`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test.beforeAll(() => {
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'cover', name: 'Cover', kind: 'image' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
});

type Record = MediaRecord & { alt?: string; tags: string[]; creator: { id: string } | null; updatedAt: string };
const image = async (request: APIRequestContext, w = 40, h = 30, stem = 'edit') =>
  (await uploadViaApi(request, uniqueName(stem, 'png'), await png(w, h), 'image/png')).body as Record;
const patch = (request: APIRequestContext, id: string, body: unknown) =>
  request.patch(`/api/v1/media/${id}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: Buffer.from(JSON.stringify(body)),
  });
const reupload = (request: APIRequestContext, id: string, name: string, buffer: Buffer, newUrl = false) =>
  request.put(`/api/v1/media/${id}/file${newUrl ? '?newUrl=true' : ''}`, {
    headers: keyHeader,
    multipart: { file: { name, mimeType: 'application/octet-stream', buffer } },
  });
const content = async (request: APIRequestContext, body: unknown) => {
  const res = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
};
const readContent = async (request: APIRequestContext, id: string) =>
  (await request.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json();

test('rename keeps the id, 404s the old URL at once and rewrites rich-editor HTML and fields', async ({ request }) => {
  const m = await image(request);
  const relative = new URL(m.url).pathname;
  const viaCdn = m.url.replace(E2E.baseURL, 'https://cdn.example.net');
  const post = await content(request, {
    title: 'renamed',
    cover: m.url,
    body:
      `<p><img src="${m.url}?w=20"><a href="${m.url}">x</a><a ` +
      `href="${relative}#top">relative</a><img src="${viaCdn}"></p>`,
  });
  const newName = uniqueName('new name é', 'png');
  const res = await patch(request, m.id, { fileName: newName });
  expect(res.status()).toBe(200);
  const renamed = (await res.json()) as Record;
  expect(renamed).toMatchObject({ id: m.id, fileName: newName });
  expect(renamed.url).toBe(m.url.replace(/[^/]+$/, encodeURIComponent(newName)));
  expect((await request.get(pathOf(m.url))).status()).toBe(404);
  expect((await request.get(pathOf(renamed.url))).status()).toBe(200);
  const read = await readContent(request, post);
  expect(read.cover.url).toBe(renamed.url);
  expect(read.body).toContain(`<img src="${renamed.url}?w=20"`);
  expect(read.body).toContain(`<a href="${renamed.url}">x</a>`);
  expect(read.body).not.toContain(m.url);
  // Only the id/name segments change: a root-relative link stays relative, a CDN URL stays on the CDN.
  const renamedPath = new URL(renamed.url).pathname;
  expect(read.body).toContain(`<a href="${renamedPath}#top">relative</a>`);
  expect(read.body).toContain(`<img src="https://cdn.example.net${renamedPath}"`);
});

test('alt text: images only, at most 1,000 characters; tags: at most 10; unknown keys and members refused', async ({
  request,
}) => {
  const m = await image(request);
  const file = (await uploadViaApi(request, uniqueName('notes', 'txt'), Buffer.from('plain text'), 'text/plain')).body;
  const fileAlt = await patch(request, file.id, { alt: 'nope' });
  expect(fileAlt.status()).toBe(400);
  expect((await fileAlt.json()).message).toMatch(/^alt: alt text is for images only/);
  expect((await patch(request, m.id, { alt: 'x'.repeat(1001) })).status()).toBe(400);
  const withAlt = await patch(request, m.id, { alt: 'A test image', tags: ['red', 'square', 'red'] });
  expect(withAlt.status()).toBe(200);
  expect(await withAlt.json()).toMatchObject({ alt: 'A test image', tags: ['red', 'square'] });

  const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
  const tooMany = await patch(request, m.id, { tags: eleven });
  expect(tooMany.status()).toBe(400);
  expect((await tooMany.json()).message).toMatch(/^tags: at most 10 tags per media/);
  expect((await patch(request, m.id, { tags: ['x'.repeat(51)] })).status()).toBe(400);
  expect((await patch(request, m.id, { creatorId: 'nobody' })).status()).toBe(400);
  expect((await patch(request, m.id, { colour: 'red' })).status()).toBe(400);
  expect((await patch(request, 'f'.repeat(32), { alt: 'x' })).status()).toBe(404);
  const record = await (await request.get(`/api/v1/media/${m.id}`, { headers: keyHeader })).json();
  expect(record).toMatchObject({ alt: 'A test image', tags: ['red', 'square'] });
  const noEdit = createApiKey(E2E.dataDir, { media_get: true });
  expect(
    (
      await request.patch(`/api/v1/media/${m.id}`, { headers: { 'X-MICROCMS-API-KEY': noEdit }, data: { alt: 'x' } })
    ).status(),
  ).toBe(403);
});

test('re-upload keeps the URL, serves the new bytes with a new ETag, resets alt, updates size and dimensions', async ({
  request,
}) => {
  const m = await image(request, 40, 30);
  await patch(request, m.id, { alt: 'old alt' });
  const before = await request.get(pathOf(m.url));
  const bytes = await png(120, 90);
  const res = await reupload(request, m.id, 'ignored-name.png', bytes);
  expect(res.status(), await res.text()).toBe(200);
  const after = (await res.json()) as Record;
  expect(after).toMatchObject({
    id: m.id,
    url: m.url,
    fileName: m.fileName,
    size: bytes.length,
    width: 120,
    height: 90,
  });
  expect(after).not.toHaveProperty('alt');
  expect(after.versionedUrl).toBe(`${m.url}?v=${sha(bytes).slice(0, 12)}`);
  const served = await request.get(pathOf(m.url));
  expect(sha(Buffer.from(await served.body()))).toBe(sha(bytes));
  expect(served.headers().etag).not.toBe(before.headers().etag);
  const old = await request.get(pathOf(m.versionedUrl), { maxRedirects: 0 });
  expect(old.status()).toBe(307);
  expect(old.headers().location).toBe(after.versionedUrl);
  // An Image API variant of the new bytes: never the old picture.
  const variant = await request.get(`${pathOf(m.url)}?w=60&fm=png`);
  expect(variant.status()).toBe(200);
  await expect((await import('sharp')).default(Buffer.from(await variant.body())).metadata()).resolves.toMatchObject({
    width: 60,
    height: 45,
  });
});

test('re-upload of another kind is refused with 400 and nothing changes', async ({ request }) => {
  const m = await image(request);
  const res = await reupload(request, m.id, 'notes.txt', Buffer.from('just some text'));
  expect(res.status()).toBe(400);
  expect((await res.json()).message).toMatch(/same kind/);
  const record = await (await request.get(`/api/v1/media/${m.id}`, { headers: keyHeader })).json();
  expect(record).toMatchObject({ size: m.size, width: m.width, height: m.height, versionedUrl: m.versionedUrl });
  expect((await request.get(pathOf(m.versionedUrl))).status()).toBe(200);
});

test('re-upload with a new URL gives a new id and name, the old URL 404, and content follows', async ({ request }) => {
  const m = await image(request);
  await patch(request, m.id, { tags: ['moved'] });
  const post = await content(request, { title: 'follows', cover: m.id, body: `<p><img src="${m.url}"></p>` });
  const newName = uniqueName('replacement', 'png');
  const res = await reupload(request, m.id, newName, await png(64, 64), true);
  expect(res.status(), await res.text()).toBe(200);
  const moved = (await res.json()) as Record;
  expect(moved.id).not.toBe(m.id);
  expect(moved).toMatchObject({ fileName: newName, width: 64, height: 64, tags: ['moved'] });
  expect((await request.get(pathOf(m.url))).status()).toBe(404);
  expect((await request.get(pathOf(moved.url))).status()).toBe(200);
  const read = await readContent(request, post);
  expect(read.cover.url).toBe(moved.url);
  expect(read.body).toContain(`<img src="${moved.url}"`);
  // The reference moved too: the new media is guarded, the old id is gone.
  expect(
    (await request.delete(`/api/v2/media?url=${encodeURIComponent(moved.url)}`, { headers: keyHeader })).status(),
  ).toBe(400);
  expect(data.query('select id from media where id = ?', m.id)).toHaveLength(0);
});

test('GET /api/v1/media: limit, offset, imageOnly; 400 for limit 101', async ({ request }) => {
  await image(request);
  await uploadViaApi(request, uniqueName('list', 'txt'), Buffer.from('text file'), 'text/plain');
  const list = async (offset: number) =>
    (await request.get(`/api/v1/media?limit=2&offset=${offset}`, { headers: keyHeader })).json();
  const first = await list(0);
  expect(first).toMatchObject({ limit: 2, offset: 0 });
  expect(first.media).toHaveLength(2);
  // Other tests upload to the same server meanwhile: offset 1 is the second item of the same listing once
  // no upload lands between the two requests.
  await expect
    .poll(async () => {
      const [a, b] = [await list(0), await list(1)];
      return b.media[0].id === a.media[1].id && b.totalCount >= 2;
    })
    .toBe(true);
  const images = await (await request.get('/api/v1/media?limit=100&imageOnly=true', { headers: keyHeader })).json();
  expect(images.media.every((m: Record) => m.kind === 'image')).toBe(true);
  const bad = await request.get('/api/v1/media?limit=101', { headers: keyHeader });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toBe('limit: must be 1–100');
  expect((await request.get('/api/v1/media?imageOnly=maybe', { headers: keyHeader })).status()).toBe(400);
  expect((await request.get('/api/v1/media')).status()).toBe(401);
  const noGet = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_upload: true }) };
  expect((await request.get('/api/v1/media', { headers: noGet })).status()).toBe(403);
  expect((await request.get('/api/v2/media', { headers: noGet })).status()).toBe(403);
});

test('GET /api/v2/media filters by fileName, alt and tags (all of them)', async ({ request }) => {
  const stem = `v2f${Math.random().toString(36).slice(2, 8)}`;
  const a = await image(request, 10, 10, stem);
  const b = await image(request, 10, 10, stem);
  const c = await image(request, 10, 10, stem);
  await patch(request, a.id, { alt: `sunset over ${stem}`, tags: [`${stem}-x`, `${stem}-y`] });
  await patch(request, b.id, { tags: [`${stem}-x`] });
  const ids = async (query: string) =>
    ((await (await request.get(`/api/v2/media?limit=100&${query}`, { headers: keyHeader })).json()).media as Record[])
      .map((m) => m.id)
      .sort();
  expect(await ids(`fileName=${stem}`)).toEqual([a.id, b.id, c.id].sort());
  expect(await ids(`alt=${encodeURIComponent(`sunset over ${stem}`)}`)).toEqual([a.id]);
  expect(await ids(`tags=${stem}-x`)).toEqual([a.id, b.id].sort());
  expect(await ids(`tags=${stem}-x,${stem}-y`)).toEqual([a.id]);
  const one = await (
    await request.get(`/api/v2/media?fileName=${stem}&tags=${stem}-x,${stem}-y`, { headers: keyHeader })
  ).json();
  expect(one).toMatchObject({ totalCount: 1 });
  expect(one.media[0]).toMatchObject({ id: a.id, alt: `sunset over ${stem}`, tags: [`${stem}-x`, `${stem}-y`] });
  expect(one).not.toHaveProperty('token');
  expect((await request.get('/api/v2/media?token=garbage', { headers: keyHeader })).status()).toBe(400);
  const manyTags = Array.from({ length: 51 }, (_, i) => `t${i}`).join(',');
  const tooMany = await request.get(`/api/v2/media?tags=${manyTags}`, { headers: keyHeader });
  expect(tooMany.status()).toBe(400);
  expect((await tooMany.json()).message).toMatch(/^tags: at most 50 tags/);
});

test('searching names and alt texts: any case, any script, symbols as themselves, kept in step by every edit', async ({
  request,
}) => {
  // SQLite answers three characters or more from its FTS5 trigram table and shorter ones by a scan, PostgreSQL
  // from its trigram indexes: the same answers either way.
  const stem = `srch${Math.random().toString(36).slice(2, 8)}`;
  const named = async (name: string) =>
    (await uploadViaApi(request, name, await png(6, 6), 'image/png')).body as Record;
  const river = await named(`${stem}-River_Sun 100%.png`);
  const tokyo = await named(`${stem}-東京タワー.png`);
  const plain = await named(`${stem}-plain.png`);
  await patch(request, plain.id, { alt: `Quiet ${stem} MORNING` });
  const ids = async (query: string) =>
    ((await (await request.get(`/api/v2/media?limit=100&${query}`, { headers: keyHeader })).json()).media as Record[])
      .map((m) => m.id as string)
      .filter((id) => [river.id, tokyo.id, plain.id].includes(id))
      .sort();
  const q = (text: string) => `fileName=${encodeURIComponent(text)}`;
  expect(await ids(q(`${stem}-river_SUN`))).toEqual([river.id]);
  expect(await ids(q('東京タ'))).toEqual([tokyo.id]);
  expect(await ids(q('東京'))).toEqual([tokyo.id]); // two characters: the scan
  expect(await ids(q('100%'))).toEqual([river.id]);
  expect(await ids(q('n 1'))).toEqual([river.id]);
  expect(await ids(q(`${stem}-R_ver`))).toEqual([]); // _ is a character, not a wildcard
  expect(await ids(q('"'))).toEqual([]);
  expect(await ids(q(`"${stem}`))).toEqual([]);
  expect(await ids(`alt=${encodeURIComponent('morning')}`)).toEqual([plain.id]);
  expect(await ids(`alt=${encodeURIComponent(stem)}`)).toEqual([plain.id]);
  // A rename, a new alt text and a delete are searched at once.
  expect((await patch(request, river.id, { fileName: `${stem}-moon.png` })).status()).toBe(200);
  expect(await ids(q('River_Sun'))).toEqual([]);
  expect(await ids(q(`${stem}-moon`))).toEqual([river.id]);
  expect((await patch(request, plain.id, { alt: 'evening' })).status()).toBe(200);
  expect(await ids(`alt=morning`)).toEqual([]);
  expect(
    (
      await request.delete(`/api/v2/media?url=${encodeURIComponent(tokyo.url as string)}`, { headers: keyHeader })
    ).status(),
  ).toBe(200);
  expect(await ids(q('東京タ'))).toEqual([]);
});

test('GET /api/v2/media token paging sees each item exactly once while uploads run', async ({ request }) => {
  test.setTimeout(120_000);
  const stem = `v2p${Math.random().toString(36).slice(2, 8)}`;
  const existing: string[] = [];
  for (let i = 0; i < 23; i++) existing.push((await image(request, 4, 4, stem)).id);
  const seen: string[] = [];
  let token: string | undefined;
  let uploading = true;
  const concurrent = (async () => {
    const added: string[] = [];
    while (uploading) added.push((await image(request, 4, 4, stem)).id);
    return added;
  })();
  do {
    const page = await (
      await request.get(`/api/v2/media?limit=4&fileName=${stem}${token ? `&token=${token}` : ''}`, {
        headers: keyHeader,
      })
    ).json();
    seen.push(...page.media.map((m: Record) => m.id));
    token = page.token;
    await new Promise((r) => setTimeout(r, 30));
  } while (token);
  uploading = false;
  const added = await concurrent;
  expect(added.length).toBeGreaterThan(0);
  expect(new Set(seen).size).toBe(seen.length);
  for (const id of existing) expect(seen.filter((s) => s === id)).toHaveLength(1);
});

test('DELETE /api/v2/media: unknown URL 404, not a URL 400', async ({ request }) => {
  const m = await image(request);
  expect(
    (
      await request.delete(`/api/v2/media?url=${encodeURIComponent(m.url.replace(m.id, 'e'.repeat(32)))}`, {
        headers: keyHeader,
      })
    ).status(),
  ).toBe(404);
  const notUrl = await request.delete('/api/v2/media?url=not%20a%20url', { headers: keyHeader });
  expect(notUrl.status()).toBe(400);
  expect((await notUrl.json()).message).toBe('url: must be the delivery URL of the media to delete');
});
