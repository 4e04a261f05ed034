import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';
import { createApiKey } from '../support/seed';

const data = inspect(E2E.dataDir);
const etagOf = (b: Buffer) => `"${createHash('sha256').update(b).digest('hex').slice(0, 32)}"`;

type Version = { id: string; size: number; width: number; height: number; etag: string; alt?: string; keptBy: string };
type Record = MediaRecord & { alt?: string };

const reupload = async (request: APIRequestContext, id: string, buffer: Buffer) => {
  const res = await request.put(`/api/v1/media/${id}/file`, {
    headers: keyHeader,
    multipart: { file: { name: 'next.png', mimeType: 'image/png', buffer } },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as Record;
};
const setAlt = async (request: APIRequestContext, id: string, alt: string) =>
  expect(
    (
      await request.patch(`/api/v1/media/${id}`, {
        headers: { ...keyHeader, 'Content-Type': 'application/json' },
        data: Buffer.from(JSON.stringify({ alt })),
      })
    ).status(),
  ).toBe(200);
const versionsOf = async (request: APIRequestContext, id: string): Promise<Version[]> => {
  const res = await request.get(`/api/v1/media/${id}/versions`, { headers: keyHeader });
  expect(res.status()).toBe(200);
  return (await res.json()).versions;
};
const objectsOf = (id: string) =>
  data
    .objects()
    .filter((f) => f.includes(id))
    .map((f) => path.basename(f))
    .sort();

test('three re-uploads leave three versions; restoring the first serves its bytes and alt under the same URL', async ({
  request,
}) => {
  const bytes = [await png(40, 30), await png(41, 30), await png(42, 30), await png(43, 30)];
  const { body } = await uploadViaApi(request, uniqueName('versioned', 'png'), bytes[0], 'image/png');
  const first = body as Record;
  await setAlt(request, first.id, 'the first one');
  const records: Record[] = [first];
  for (const b of bytes.slice(1)) records.push(await reupload(request, first.id, b));
  const current = records[3];
  expect(current.url).toBe(first.url);

  const versions = await versionsOf(request, first.id);
  expect(versions.map((v) => v.etag)).toEqual([etagOf(bytes[2]), etagOf(bytes[1]), etagOf(bytes[0])]);
  expect(versions.map((v) => v.width)).toEqual([42, 41, 40]);
  expect(versions[2]).toMatchObject({
    size: bytes[0].length,
    height: 30,
    alt: 'the first one',
    keptBy: 'API key KURA_API_KEY',
  });
  expect(objectsOf(first.id)).toHaveLength(4); // the current bytes and three kept versions

  // Restore the first: a re-upload from its kept bytes, same URL, new ETag and versioned URL, its alt back.
  const before = await request.get(pathOf(current.url));
  const restored = await request.post(`/api/v1/media/${first.id}/versions/${versions[2].id}/restore`, {
    headers: keyHeader,
  });
  expect(restored.status()).toBe(200);
  const record = (await restored.json()) as Record;
  expect(record).toMatchObject({ id: first.id, url: first.url, alt: 'the first one', width: 40 });
  expect(record.versionedUrl).not.toBe(current.versionedUrl);
  const served = await request.get(pathOf(first.url));
  expect((await served.body()).equals(bytes[0])).toBe(true);
  expect(served.headers()['etag']).toBe(etagOf(bytes[0]));
  expect(served.headers()['etag']).not.toBe(before.headers()['etag']);
  // The bytes it replaced are the newest version now; the restored one is no longer listed.
  const after = await versionsOf(request, first.id);
  expect(after.map((v) => v.etag)).toEqual([etagOf(bytes[3]), etagOf(bytes[2]), etagOf(bytes[1])]);
  // An old versioned URL still answers 307 to the current one.
  const old = await request.get(pathOf(records[2].versionedUrl), { maxRedirects: 0 });
  expect(old.status()).toBe(307);
  expect(old.headers()['location']).toBe(record.versionedUrl);
});

test('delete version removes its bytes; unknown versions 404; the rights are edit (restore) and delete', async ({
  request,
}) => {
  const { body } = await uploadViaApi(request, uniqueName('pruned', 'png'), await png(30, 30), 'image/png');
  const m = body as Record;
  await reupload(request, m.id, await png(31, 30));
  const [v] = await versionsOf(request, m.id);
  expect(objectsOf(m.id)).toHaveLength(2);

  const editOnly = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_get: true, media_edit: true }) };
  expect((await request.delete(`/api/v1/media/${m.id}/versions/${v.id}`, { headers: editOnly })).status()).toBe(403);
  const getOnly = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, { media_get: true }) };
  expect((await request.post(`/api/v1/media/${m.id}/versions/${v.id}/restore`, { headers: getOnly })).status()).toBe(
    403,
  );

  const gone = await request.delete(`/api/v1/media/${m.id}/versions/${v.id}`, { headers: keyHeader });
  expect(gone.status()).toBe(200);
  expect(await versionsOf(request, m.id)).toEqual([]);
  await expect.poll(() => objectsOf(m.id)).toHaveLength(1);
  for (const res of [
    await request.delete(`/api/v1/media/${m.id}/versions/${v.id}`, { headers: keyHeader }),
    await request.post(`/api/v1/media/${m.id}/versions/${v.id}/restore`, { headers: keyHeader }),
  ]) {
    expect(res.status()).toBe(404);
    expect((await res.json()).message).toBe('No such version');
  }
});
