import { expect, test, type APIRequestContext } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { blockPicture, freshSeed, resizedCopy } from '../support/duplicate-images';
import { E2E } from '../support/env';
import { keyHeader, pathOf, uniqueName, type MediaRecord } from '../support/media';
import { createApi, createApiKey } from '../support/seed';

// Exact duplicates (same SHA-256) named by uploads and merged; near-duplicates (close dHash) only with confirmNear.
const data = inspect(E2E.dataDir);
const endpoint = `dups-${Math.random().toString(36).slice(2, 8)}`;

test.beforeAll(() => {
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'cover', name: 'Cover', kind: 'image' },
    { id: 'gallery', name: 'Gallery', kind: 'multipleImages' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
});

type Headers = Record<string, string>;
type Uploaded = MediaRecord & { duplicateOf: { id: string; fileName: string; url: string } | null };
type Report = {
  kept: { id: string; fileName: string; url: string };
  outcomes: (
    { id: string; merged: true; references: number; exact: boolean } | { id: string; merged: false; reason: string }
  )[];
};

const upload = async (request: APIRequestContext, bytes: Buffer, ext = 'png', headers: Headers = keyHeader) => {
  const res = await request.post('/api/v1/media', {
    headers,
    multipart: { file: { name: uniqueName('dup', ext), mimeType: `image/${ext}`, buffer: bytes } },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Uploaded;
};
const merge = (request: APIRequestContext, body: unknown, headers: Headers = keyHeader) =>
  request.post('/api/v1/media/merge', { headers, data: body });
const content = async (request: APIRequestContext, id: string) =>
  (await (await request.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json()) as Record<string, unknown>;
const referencesOf = (mediaId: string) =>
  data.query<{ content_id: string }>('select distinct content_id from content_media where media_id = ?', mediaId);
const inTrash = (mediaId: string) => data.query('select media_id from media_trash where media_id = ?', mediaId).length;

test('an upload of bytes already in the library says so in duplicateOf; new bytes answer null', async ({ request }) => {
  const bytes = await blockPicture(freshSeed());
  const first = await upload(request, bytes);
  expect(first.duplicateOf).toBeNull();
  const second = await upload(request, bytes);
  expect(second.id).not.toBe(first.id); // it uploads anyway
  expect(second.duplicateOf).toEqual({ id: first.id, fileName: first.fileName, url: first.url });
  // Trash is not the library: once the first is trashed, a third upload names the second.
  expect((await request.delete(`/api/v1/media/${first.id}`, { headers: keyHeader })).status()).toBe(200);
  expect((await upload(request, bytes)).duplicateOf?.id).toBe(second.id);
  // A key that may upload but not get media is never told what the library holds.
  const uploadOnly = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_upload: true }) };
  expect((await upload(request, bytes, 'png', uploadOnly)).duplicateOf).toBeNull();
});

test('merging three duplicates used by three content items leaves one media with three references', async ({
  request,
}) => {
  const bytes = await blockPicture(freshSeed());
  const [keep, b, c] = [await upload(request, bytes), await upload(request, bytes), await upload(request, bytes)];
  const post = async (value: Record<string, unknown>) => {
    const res = await request.post(`/api/v1/${endpoint}`, { headers: keyHeader, data: { title: 'x', ...value } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const one = await post({ cover: keep.url });
  const two = await post({ cover: b.url, gallery: [c.url, b.url] });
  const three = await post({ body: `<p><img src="${c.url}?w=100"><a href="${b.url}#top">b</a></p>` });

  const res = await merge(request, { keep: keep.id, merge: [b.id, c.id] });
  expect(res.status()).toBe(200);
  const report = (await res.json()) as Report;
  expect(report.kept).toEqual({ id: keep.id, fileName: keep.fileName, url: keep.url });
  expect(report.outcomes).toEqual([
    { id: b.id, fileName: b.fileName, merged: true, exact: true, references: 2 },
    { id: c.id, fileName: c.fileName, merged: true, exact: true, references: 2 },
  ]);

  expect(
    referencesOf(keep.id)
      .map((r) => r.content_id)
      .sort(),
  ).toEqual([one, two, three].sort());
  expect(referencesOf(b.id)).toHaveLength(0);
  expect(inTrash(b.id)).toBe(1);
  expect(inTrash(c.id)).toBe(1);
  expect((await request.get(pathOf(b.url))).status()).toBe(404);
  expect((await request.get(pathOf(keep.url))).status()).toBe(200);

  expect(((await content(request, one)).cover as { url: string }).url).toBe(keep.url);
  const second = await content(request, two);
  expect((second.cover as { url: string }).url).toBe(keep.url);
  expect((second.gallery as { url: string }[]).map((g) => g.url)).toEqual([keep.url]); // the gallery keeps it once
  const body = (await content(request, three)).body as string;
  expect(body).toContain(`${keep.url}?w=100`);
  expect(body).toContain(`${keep.url}#top`);
  expect(body).not.toContain(b.id);
  expect(body).not.toContain(c.id);
  // The kept item cannot now be deleted: the content uses it.
  expect((await request.delete(`/api/v1/media/${keep.id}`, { headers: keyHeader })).status()).toBe(400);
});

test('a resized copy is a near-duplicate: refused without confirmNear, merged with it', async ({ request }) => {
  const picture = await blockPicture(freshSeed());
  const original = await upload(request, picture);
  const copy = await upload(request, await resizedCopy(picture), 'jpeg');
  const other = await upload(request, await blockPicture(freshSeed()));
  expect(copy.duplicateOf).toBeNull(); // not the same bytes

  const refused = (await (await merge(request, { keep: original.id, merge: [copy.id, other.id] })).json()) as Report;
  expect(refused.outcomes).toEqual([
    {
      id: copy.id,
      merged: false,
      reason: `${copy.fileName} is a near-duplicate of ${original.fileName}, not an exact copy: confirm to merge it`,
    },
    { id: other.id, merged: false, reason: `${other.fileName} is not a duplicate of ${original.fileName}` },
  ]);
  expect(data.query('select id from media where id in (?, ?)', copy.id, other.id)).toHaveLength(2);

  const confirmed = await merge(request, { keep: original.id, merge: [copy.id, other.id], confirmNear: true });
  expect(((await confirmed.json()) as Report).outcomes.map((o) => [o.id, o.merged])).toEqual([
    [copy.id, true],
    [other.id, false], // confirmNear never merges a different picture
  ]);
  expect(inTrash(copy.id)).toBe(1);
  expect(inTrash(other.id)).toBe(0);
});

test('merge refusals: input, unknown media, and the rights it needs', async ({ request }) => {
  const bytes = await blockPicture(freshSeed());
  const [a, b] = [await upload(request, bytes), await upload(request, bytes)];
  const bad = await merge(request, { keep: a.id, merge: [] });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toMatch(/merge: name at least one media item/);
  expect((await merge(request, { keep: a.id, merge: [b.id], extra: 1 })).status()).toBe(400);
  const unknown = await merge(request, { keep: 'f'.repeat(32), merge: [b.id] });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ message: 'No such media' });
  const self = (await (await merge(request, { keep: a.id, merge: [a.id, '0'.repeat(32)] })).json()) as Report;
  expect(self.outcomes).toEqual([
    { id: a.id, merged: false, reason: `${a.fileName} is the item kept` },
    { id: '0'.repeat(32), merged: false, reason: 'No such media' },
  ]);

  expect((await request.post('/api/v1/media/merge', { data: { keep: a.id, merge: [b.id] } })).status()).toBe(401);
  const key = (rights: Parameters<typeof createApiKey>[1]) => ({
    'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, rights),
  });
  const noDelete = await merge(request, { keep: a.id, merge: [b.id] }, key({ media_get: true, media_edit: true }));
  expect(noDelete.status()).toBe(403);
  expect(await noDelete.json()).toEqual({ message: 'You do not have permission to delete media' });
  const noEdit = await merge(request, { keep: a.id, merge: [b.id] }, key({ media_get: true, media_delete: true }));
  expect(noEdit.status()).toBe(403);
  // Without "Get media" a key cannot name media by id: the same 404 as media that does not exist.
  const noGet = await merge(request, { keep: a.id, merge: [b.id] }, key({ media_edit: true, media_delete: true }));
  expect(noGet.status()).toBe(404);
  expect(data.query('select id from media where id in (?, ?)', a.id, b.id)).toHaveLength(2);

  const allowed = await merge(
    request,
    { keep: a.id, merge: [b.id] },
    key({ media_get: true, media_edit: true, media_delete: true }),
  );
  expect(allowed.status()).toBe(200);
  expect(inTrash(b.id)).toBe(1);
});
