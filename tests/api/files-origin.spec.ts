import { expect, test, type APIRequestContext } from '@playwright/test';
import { startDeliveryOrigin, type DeliveryOriginServer } from '../support/delivery-origin-server';
import { testPort } from '../support/env';
import type { KuraServer } from '../support/kura-server';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';
import type { Receiver } from '../support/receiver';
import { createApi } from '../support/seed';

// KURA_FILES_URL beside KURA_DELIVERY_URL: images on one origin, every other file on another, as microCMS keeps
// them apart. The files origin here is a name a CDN would front (it resolves nowhere): what is checked is which
// origin each URL Kura writes names, and that the same paths answer on the delivery listener and the main port.
test.describe.configure({ mode: 'serial' });

const FILES = 'https://files.kura-test.invalid';
let origin: DeliveryOriginServer;
let receiver: Receiver;
let server: KuraServer;
let main: APIRequestContext;
let delivery: APIRequestContext;
let deliveryURL: string;

test.beforeAll(async () => {
  origin = await startDeliveryOrigin('files-origin', testPort(3297), testPort(3298), {
    KURA_FILES_URL: `${FILES}/`, // a trailing slash is not doubled
  });
  ({ receiver, server, main, delivery, deliveryURL } = origin);
});
test.afterAll(async () => origin?.close());

const upload = async (name: string, bytes: Buffer, mimeType?: string) => {
  const { res, body } = await uploadViaApi(main, name, bytes, mimeType);
  expect(res.status(), body.message).toBe(201);
  return body as MediaRecord;
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('images are on the delivery origin, other files on the files origin: records, webhooks and content', async () => {
  const picture = await upload(uniqueName('picture', 'png'), await png(20, 10));
  const doc = await upload(uniqueName('guide', 'pdf'), PDF, 'application/pdf');
  expect(picture.kind).toBe('image');
  expect(doc.kind).toBe('file');
  expect(picture.url.startsWith(`${deliveryURL}/assets/`)).toBe(true);
  expect(doc.url.startsWith(`${FILES}/assets/`)).toBe(true);
  expect(doc.versionedUrl.startsWith(`${FILES}/assets/`)).toBe(true);

  // Both answer on the delivery listener and on the main port by their paths.
  for (const origin of [main, delivery]) {
    const res = await origin.get(pathOf(doc.url));
    expect(res.status()).toBe(200);
    expect((await res.body()).equals(PDF)).toBe(true);
    expect((await origin.get(pathOf(picture.url))).status()).toBe(200);
  }

  const sent = () => receiver.received.filter((r) => r.body.includes(doc.id));
  await expect.poll(() => sent().length).toBeGreaterThan(0);
  expect(JSON.parse(sent()[0].body)).toMatchObject({ type: 'new', new: { url: doc.url } });

  const endpoint = `files-${Math.random().toString(36).slice(2, 8)}`;
  createApi(server.dataDir, endpoint, [
    { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
    { id: 'attachment', name: 'Attachment', kind: 'file' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
  const created = await main.post(`/api/v1/${endpoint}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: { eyecatch: picture.id, attachment: { url: doc.url }, body: `<p><a href="${doc.url}">the guide</a></p>` },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const read = (await (await main.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json()) as {
    eyecatch: { url: string };
    attachment: { url: string };
    body: string;
  };
  expect(read.eyecatch.url).toBe(picture.url);
  expect(read.attachment.url).toBe(doc.url);
  expect(read.body).toContain(`href="${doc.url}"`);

  // Referenced by its files-origin URL: kept, whichever of its URLs a delete names.
  for (const url of [doc.url, `${deliveryURL}${pathOf(doc.url)}`, `${server.baseURL}${pathOf(doc.url)}`]) {
    const res = await main.delete(`/api/v2/media?url=${encodeURIComponent(url)}`, { headers: keyHeader });
    expect(res.status(), url).toBe(400);
  }
});

test('a renamed file stays on the files origin; its old name 404s at once wherever it is asked', async () => {
  const doc = await upload(uniqueName('notes', 'pdf'), PDF, 'application/pdf');
  for (const origin of [main, delivery]) expect((await origin.get(pathOf(doc.url))).status()).toBe(200); // now cached
  const renamed = await main.patch(`/api/v1/media/${doc.id}`, {
    headers: keyHeader,
    data: { fileName: uniqueName('renamed-notes', 'pdf') },
  });
  expect(renamed.status()).toBe(200);
  const now = (await renamed.json()) as MediaRecord;
  expect(now.url.startsWith(`${FILES}/assets/`)).toBe(true);
  expect(now.url).not.toBe(doc.url);
  for (const origin of [main, delivery]) {
    expect((await origin.get(pathOf(doc.url))).status()).toBe(404);
    expect((await origin.get(pathOf(now.url))).status()).toBe(200);
  }
});
