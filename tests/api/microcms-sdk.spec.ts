import { expect, test } from '@playwright/test';
import { createClient, isMicroCMSRequestError } from 'microcms-js-sdk';
import { E2E } from '../support/env';
import { createApi } from '../support/seed';

// The official microcms-js-sdk, unchanged, against the real `next start`. Only the host changes: the SDK builds
// `https://{serviceDomain}.microcms.io/api/v1/…` and calls the global fetch (3.5 has no fetch option), so fetch is
// wrapped to send exactly that request to this server instead. The SDK's own X-MICROCMS-API-KEY header carries
// the key.
const SERVICE = 'kura-sdk-test';
const marker = Math.random().toString(36).slice(2, 8);
const endpoint = `sdk-${marker}`;
const objectEndpoint = `sdk-settings-${marker}`;
const MANY = 130;

type Post = { title: string; body?: string; rating?: number; featured?: boolean };
type Settings = { siteName: string; perPage?: number };

const client = createClient({ serviceDomain: SERVICE, apiKey: E2E.apiKey });
const realFetch = globalThis.fetch;

test.beforeAll(() => {
  createApi(E2E.dataDir, endpoint, [
    { id: 'title', name: 'Title', kind: 'text', required: true },
    { id: 'body', name: 'Body', kind: 'richEditor' },
    { id: 'rating', name: 'Rating', kind: 'number' },
    { id: 'featured', name: 'Featured', kind: 'boolean' },
  ]);
  createApi(
    E2E.dataDir,
    objectEndpoint,
    [
      { id: 'siteName', name: 'Site name', kind: 'text', required: true },
      { id: 'perPage', name: 'Per page', kind: 'number' },
    ],
    'Settings',
    'object',
  );
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.host !== `${SERVICE}.microcms.io`) return realFetch(input, init);
    return realFetch(`${E2E.baseURL}${url.pathname}${url.search}`, init);
  };
});

test.afterAll(() => {
  globalThis.fetch = realFetch;
});

test('create with and without an id, getList with every parameter, getListDetail, update, delete', async () => {
  const made = await client.create<Post>({
    endpoint,
    content: { title: 'Hello SDK', body: '<p>日本語の本文</p>', rating: 4 },
  });
  expect(made.id).toMatch(/^[a-z0-9]{12}$/);
  const chosen = await client.create<Post>({
    endpoint,
    contentId: `chosen-${marker}`,
    content: { title: 'Chosen id', rating: 2, featured: true },
  });
  expect(chosen).toEqual({ id: `chosen-${marker}` });
  const third = await client.create<Post>({ endpoint, content: { title: 'Third', rating: 5, featured: true } });

  const all = await client.getList<Post>({ endpoint, queries: { orders: 'rating' } });
  expect(all.totalCount).toBe(3);
  expect(all.contents.map((c) => c.id)).toEqual([chosen.id, made.id, third.id]);
  const page = await client.getList<Post>({ endpoint, queries: { limit: 1, offset: 1, orders: '-rating' } });
  expect(page).toMatchObject({ limit: 1, offset: 1, totalCount: 3 });
  expect(page.contents.map((c) => c.id)).toEqual([made.id]);
  const picked = await client.getList<Post>({ endpoint, queries: { fields: ['id', 'title'], ids: [made.id] } });
  expect(picked.contents).toEqual([{ id: made.id, title: 'Hello SDK' }]);
  const searched = await client.getList<Post>({ endpoint, queries: { q: '日本語', fields: 'id' } });
  expect(searched.contents).toEqual([{ id: made.id }]);
  const filtered = await client.getList<Post>({
    endpoint,
    queries: { filters: 'featured[equals]true[and]rating[greater_than]3[or]title[begins_with]Hello', orders: 'title' },
  });
  expect(filtered.contents.map((c) => c.title)).toEqual(['Hello SDK', 'Third']);

  const detail = await client.getListDetail<Post>({
    endpoint,
    contentId: made.id,
    queries: { fields: 'title,rating' },
  });
  expect(detail).toEqual({ title: 'Hello SDK', rating: 4 });

  expect(await client.update<Post>({ endpoint, contentId: made.id, content: { title: 'Changed' } })).toEqual({
    id: made.id,
  });
  expect((await client.getListDetail<Post>({ endpoint, contentId: made.id })).title).toBe('Changed');

  await client.delete({ endpoint, contentId: third.id });
  const gone = await client.getListDetail<Post>({ endpoint, contentId: third.id }).catch((err: unknown) => err);
  expect(isMicroCMSRequestError(gone)).toBe(true);
  expect((gone as { status: number }).status).toBe(404);
  expect((gone as Error).message).toContain('fetch API response status: 404');
});

test("the SDK's error for a 400: a malformed filter, a taken id, richEditorFormat=object", async () => {
  const malformed = await client.getList({ endpoint, queries: { filters: 'title[equal]x' } }).catch((e: unknown) => e);
  expect(isMicroCMSRequestError(malformed)).toBe(true);
  expect((malformed as { status: number }).status).toBe(400);
  expect((malformed as Error).message).toContain('fetch API response status: 400');
  expect((malformed as Error).message).toContain('could not read "title[equal]x"');
  await client.create<Post>({ endpoint, contentId: `taken-${marker}`, content: { title: 'first' } });
  const taken = await client
    .create<Post>({ endpoint, contentId: `taken-${marker}`, content: { title: 'second' } })
    .catch((e: unknown) => e);
  expect((taken as { status: number }).status).toBe(400);
  const format = await client.getList({ endpoint, queries: { richEditorFormat: 'object' } }).catch((e: unknown) => e);
  expect((format as { status: number }).status).toBe(400);
});

test('getObject reads what update wrote to an object API', async () => {
  expect(
    await client.update<Settings>({ endpoint: objectEndpoint, content: { siteName: 'Kura', perPage: 12 } }),
  ).toEqual(expect.objectContaining({ id: expect.any(String) }));
  const object = await client.getObject<Settings>({ endpoint: objectEndpoint });
  expect(object).toMatchObject({ siteName: 'Kura', perPage: 12 });
  expect(Date.parse(object.updatedAt)).not.toBeNaN();
  expect(await client.getObject<Settings>({ endpoint: objectEndpoint, queries: { fields: 'siteName' } })).toEqual({
    siteName: 'Kura',
  });
});

test(`getAllContentIds and getAllContents over ${MANY} items (limit=0 first, then pages of 100)`, async () => {
  test.setTimeout(120_000);
  const many = `sdk-many-${marker}`;
  createApi(E2E.dataDir, many, [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'n', name: 'N', kind: 'number' },
  ]);
  const ids: string[] = [];
  for (let i = 0; i < MANY; i += 10) {
    const batch = Array.from({ length: 10 }, (_, j) =>
      client.create({ endpoint: many, content: { title: `item ${i + j}`, n: i + j } }),
    );
    ids.push(...(await Promise.all(batch)).map((r) => r.id));
  }
  const allIds = await client.getAllContentIds({ endpoint: many });
  expect(allIds).toHaveLength(MANY);
  expect([...allIds].sort()).toEqual([...ids].sort());
  const even = await client.getAllContentIds({ endpoint: many, filters: 'n[less_than]20', orders: 'n' });
  expect(even).toEqual(ids.slice(0, 20));
  const titles = await client.getAllContentIds({ endpoint: many, alternateField: 'title', orders: '-n' });
  expect(titles[0]).toBe(`item ${MANY - 1}`);
  const contents = await client.getAllContents<{ title: string; n: number }>({
    endpoint: many,
    queries: { orders: 'n' },
  });
  expect(contents.map((c) => c.n)).toEqual(Array.from({ length: MANY }, (_, i) => i));
});
