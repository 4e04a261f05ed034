import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';
import { createApi, createApiKey } from '../support/seed';

const data = inspect(E2E.dataDir);
const endpoint = `trash-${Math.random().toString(36).slice(2, 8)}`;

test.beforeAll(() => {
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'cover', name: 'Cover', kind: 'image' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
});

type TrashItem = { id: string; fileName: string; size: number; trashedAt: string; trashedBy: string; purgeAt: string };
type TrashPage = { items: TrashItem[]; totalCount: number; totalBytes: number };

const image = async (request: APIRequestContext, stem = 'trash') => {
  const bytes = await png(30, 20);
  const { res, body } = await uploadViaApi(request, uniqueName(stem, 'png'), bytes, 'image/png');
  expect(res.status()).toBe(201);
  return { ...(body as MediaRecord & { tags: string[] }), bytes };
};
const trashByUrl = (request: APIRequestContext, url: string, query = '') =>
  request.delete(`/api/v2/media?url=${encodeURIComponent(url)}${query}`, { headers: keyHeader });
const trashList = async (request: APIRequestContext): Promise<TrashPage> =>
  (await request.get('/api/v1/media/trash?limit=100', { headers: keyHeader })).json();
const inTrash = async (request: APIRequestContext, id: string) =>
  (await trashList(request)).items.find((i) => i.id === id);
/** The file holding a media item's bytes on the local disk. */
const objectOf = (id: string) => {
  const [row] = data.query<{ storage_key: string }>('select storage_key from media where id = ?', id);
  return path.join(E2E.dataDir, 'media/objects', row.storage_key);
};
const bytesAt = async (request: APIRequestContext, url: string) => {
  const res = await request.get(pathOf(url));
  return { status: res.status(), body: res.status() === 200 ? await res.body() : null, etag: res.headers()['etag'] };
};

test('a delete moves media to Trash: 404 at once, gone from every list and from content, bytes kept', async ({
  request,
}) => {
  const m = await image(request);
  const file = objectOf(m.id);
  expect(fs.existsSync(file)).toBe(true);
  const res = await trashByUrl(request, m.url);
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ id: m.id });

  expect((await request.get(pathOf(m.url))).status()).toBe(404);
  expect((await request.get(pathOf(m.versionedUrl))).status()).toBe(404);
  expect((await request.get(`/api/v1/media/${m.id}`, { headers: keyHeader })).status()).toBe(404);
  const v2 = await (
    await request.get(`/api/v2/media?fileName=${encodeURIComponent(m.fileName)}`, { headers: keyHeader })
  ).json();
  expect(v2.media).toEqual([]);
  const v1 = await (await request.get('/api/v1/media?limit=100', { headers: keyHeader })).json();
  expect(v1.media.map((r: { id: string }) => r.id)).not.toContain(m.id);
  // Content cannot start using it, by URL or by id.
  for (const cover of [m.url, m.id]) {
    const refused = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: { title: 'x', cover } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).message).toMatch(/^cover: /);
  }
  // Its bytes stay, and Trash lists it with who deleted it, when, and its size.
  expect(fs.existsSync(file)).toBe(true);
  const item = await inTrash(request, m.id);
  expect(item).toMatchObject({ id: m.id, fileName: m.fileName, size: m.bytes.length, trashedBy: expect.any(String) });
  expect(Date.parse(item!.purgeAt) - Date.parse(item!.trashedAt)).toBe(30 * 24 * 60 * 60 * 1000);
  // A second delete finds nothing.
  expect((await trashByUrl(request, m.url)).status()).toBe(404);
});

test('restore brings back the same id, name, URL, bytes, alt and tags', async ({ request }) => {
  const m = await image(request);
  const edited = await request.patch(`/api/v1/media/${m.id}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: Buffer.from(JSON.stringify({ alt: 'a kept alt', tags: ['kept-tag'] })),
  });
  expect(edited.status()).toBe(200);
  const before = await bytesAt(request, m.url);
  expect((await request.delete(`/api/v1/media/${m.id}`, { headers: keyHeader })).status()).toBe(200);
  expect((await request.get(pathOf(m.url))).status()).toBe(404);

  const restored = await request.post(`/api/v1/media/trash/${m.id}/restore`, { headers: keyHeader });
  expect(restored.status()).toBe(200);
  expect(await restored.json()).toEqual({ id: m.id });
  const record = await request.get(`/api/v1/media/${m.id}`, { headers: keyHeader });
  expect(await record.json()).toMatchObject({
    id: m.id,
    fileName: m.fileName,
    url: m.url,
    versionedUrl: m.versionedUrl,
    alt: 'a kept alt',
    tags: ['kept-tag'],
  });
  const after = await bytesAt(request, m.url);
  expect(after.status).toBe(200);
  expect(after.body!.equals(m.bytes)).toBe(true);
  expect(after.etag).toBe(before.etag);
  expect(await inTrash(request, m.id)).toBeUndefined();
  // Restoring again, or something never trashed: 404.
  expect((await request.post(`/api/v1/media/trash/${m.id}/restore`, { headers: keyHeader })).status()).toBe(404);
});

test('delete permanently (from Trash, or ?permanent=true) removes the bytes from storage', async ({ request }) => {
  const a = await image(request);
  const fileA = objectOf(a.id);
  expect((await trashByUrl(request, a.url)).status()).toBe(200);
  expect(fs.existsSync(fileA)).toBe(true);
  const gone = await request.delete(`/api/v1/media/trash/${a.id}`, { headers: keyHeader });
  expect(gone.status()).toBe(200);
  expect(await gone.json()).toEqual({ id: a.id });
  expect(fs.existsSync(fileA)).toBe(false);
  expect(await inTrash(request, a.id)).toBeUndefined();
  expect((await request.post(`/api/v1/media/trash/${a.id}/restore`, { headers: keyHeader })).status()).toBe(404);
  expect((await request.delete(`/api/v1/media/trash/${a.id}`, { headers: keyHeader })).status()).toBe(404);

  const b = await image(request);
  const fileB = objectOf(b.id);
  const now = await trashByUrl(request, b.url, '&permanent=true');
  expect(now.status()).toBe(200);
  expect(fs.existsSync(fileB)).toBe(false);
  expect((await request.get(pathOf(b.url))).status()).toBe(404);
  expect(await inTrash(request, b.id)).toBeUndefined();

  const c = await image(request);
  const fileC = objectOf(c.id);
  expect((await request.delete(`/api/v1/media/${c.id}?permanent=true`, { headers: keyHeader })).status()).toBe(200);
  expect(fs.existsSync(fileC)).toBe(false);
  const bad = await trashByUrl(request, a.url, '&permanent=maybe');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toMatch(/^permanent: /);
});

test('referenced media is not trashed, as before; Trash needs the delete right', async ({ request }) => {
  const m = await image(request);
  const post = await request.post(`/api/v1/${endpoint}`, {
    headers: keyHeader,
    data: { title: 'uses it', body: `<p><img src="${m.url}"></p>` },
  });
  expect(post.status()).toBe(201);
  for (const query of ['', '&permanent=true']) {
    const refused = await trashByUrl(request, m.url, query);
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({ message: 'this medium is referenced by another content' });
  }
  expect((await request.get(pathOf(m.url))).status()).toBe(200);
  expect(await inTrash(request, m.id)).toBeUndefined();

  const getOnly = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_get: true }) };
  expect((await request.get('/api/v1/media/trash', { headers: getOnly })).status()).toBe(403);
  const spare = await image(request);
  expect((await trashByUrl(request, spare.url)).status()).toBe(200);
  expect((await request.post(`/api/v1/media/trash/${spare.id}/restore`, { headers: getOnly })).status()).toBe(403);
  expect((await request.delete(`/api/v1/media/trash/${spare.id}`, { headers: getOnly })).status()).toBe(403);
  expect(await inTrash(request, spare.id)).toBeDefined();
});
