import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';
import { createApi, createApiKey } from '../support/seed';
import { withTestDb } from '../support/sql';

// microCMS's list parameters on GET /api/v1/{api}: filters (every operator, [and]/[or]), orders (every key both ways),
// q, fields, ids, limit 0, PUT with an id, object APIs, and the rights that still apply.
const marker = Math.random().toString(36).slice(2, 8);
const endpoint = `query-${marker}`;
const FIELDS = [
  { id: 'title', name: 'Title', kind: 'text' },
  { id: 'summary', name: 'Summary', kind: 'textArea' },
  { id: 'body', name: 'Body', kind: 'richEditor' },
  { id: 'rating', name: 'Rating', kind: 'number' },
  { id: 'featured', name: 'Featured', kind: 'boolean' },
  { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
];
const id = (name: string) => `${marker}-${name}`;
let apiId = '';

/** The four items, with dates set so every date filter and sort has a known answer. */
const ITEMS = {
  a: {
    created: '2024-01-10T09:00:00.000Z',
    updated: '2024-03-01T00:00:00.000Z',
    body: { title: 'Alpha', summary: 'Tokyo Tower', body: '<p>日本語のテキスト</p>', rating: 5, featured: true },
  },
  b: {
    created: '2024-02-15T09:00:00.000Z',
    updated: '2024-02-20T00:00:00.000Z',
    body: {
      title: 'beta',
      summary: '東京タワー',
      body: '<p>MiXeD <strong>Case</strong> Words</p>',
      rating: 3,
      featured: false,
    },
  },
  c: {
    created: '2024-03-05T09:00:00.000Z',
    updated: '2024-03-06T00:00:00.000Z',
    body: { title: 'Gamma', body: '<p>short</p>', rating: 4 },
  },
  d: {
    created: '2024-11-20T09:00:00.000Z',
    updated: '2024-12-01T00:00:00.000Z',
    body: { title: 'delta', summary: 'alpha beta', featured: true },
  },
};

type Headers = Record<string, string>;
const put = (request: APIRequestContext, path: string, body: unknown, headers: Headers = keyHeader) =>
  request.put(path, { headers: { ...headers, 'Content-Type': 'application/json' }, data: body });

/** The ids (without the marker) a list query answers, in order. */
async function list(request: APIRequestContext, query: Record<string, string>, headers: Headers = keyHeader) {
  const res = await request.get(`/api/v1/${endpoint}?${new URLSearchParams({ limit: '100', ...query })}`, { headers });
  expect(res.status(), await res.text()).toBe(200);
  const page = (await res.json()) as { contents: { id: string }[]; totalCount: number };
  return page.contents.map((c) => c.id.replace(`${marker}-`, ''));
}

/** The 400 message of a list query. */
async function refusal(request: APIRequestContext, query: Record<string, string>) {
  const res = await request.get(`/api/v1/${endpoint}?${new URLSearchParams(query)}`, { headers: keyHeader });
  expect(res.status()).toBe(400);
  return ((await res.json()) as { message: string }).message;
}

test.beforeAll(async ({ request }) => {
  apiId = createApi(E2E.dataDir, endpoint, FIELDS, 'Query');
  const picture = await uploadViaApi(request, uniqueName('q', 'png'), await png(8, 8), 'image/png');
  for (const [name, item] of Object.entries(ITEMS)) {
    const body = name === 'a' ? { ...item.body, eyecatch: picture.body.url } : item.body;
    const res = await put(request, `/api/v1/${endpoint}/${id(name)}`, body);
    expect(res.status(), await res.text()).toBe(201);
    expect(await res.json()).toEqual({ id: id(name) });
  }
  withTestDb(E2E.dataDir, (db) =>
    db.batch(
      Object.entries(ITEMS).map(([name, item]) => [
        'update contents set created_at = ?, updated_at = ? where id = ?',
        new Date(item.created),
        new Date(item.updated),
        id(name),
      ]),
    ),
  );
});

test('limit=0 answers the real totalCount and no contents; limit and offset page', async ({ request }) => {
  const res = await request.get(`/api/v1/${endpoint}?limit=0`, { headers: keyHeader });
  expect(await res.json()).toEqual({ contents: [], totalCount: 4, offset: 0, limit: 0 });
  expect(await list(request, { limit: '2', offset: '1' })).toEqual(['c', 'b']);
  expect(await list(request, { limit: '10', offset: '4' })).toEqual([]);
  expect(await refusal(request, { limit: '101' })).toBe('limit: must be 0–100');
  expect(await refusal(request, { limit: '-1' })).toBe('limit: must be 0–100');
  expect(await refusal(request, { offset: 'x' })).toBe('offset: must be a number');
});

const OPERATORS: [string, string[]][] = [
  ['title[equals]Gamma', ['c']],
  ['rating[equals]3', ['b']],
  ['featured[equals]true', ['d', 'a']],
  [`createdAt[equals]${ITEMS.a.created}`, ['a']],
  ['id[equals]{marker}-b', ['b']],
  ['title[not_equals]Gamma', ['d', 'b', 'a']],
  // Not equal holds where the value is absent too.
  ['featured[not_equals]true', ['c', 'b']],
  ['rating[not_equals]4', ['d', 'b', 'a']],
  ['rating[less_than]4', ['b']],
  ['createdAt[less_than]2024-02-01', ['a']],
  ['rating[greater_than]3', ['c', 'a']],
  ['publishedAt[greater_than]2024-03-01', ['d', 'c']],
  ['updatedAt[greater_than]2024-03-01T00:00:00Z', ['d', 'c']],
  ['revisedAt[less_than]2024-03-01T00:00:00.001Z', ['b', 'a']],
  ['summary[contains]tower', ['a']],
  ['title[contains]TA', ['d', 'b']],
  ['summary[not_contains]tower', ['d', 'c', 'b']],
  ['rating[exists]', ['c', 'b', 'a']],
  ['eyecatch[exists]', ['a']],
  ['summary[exists]', ['d', 'b', 'a']],
  ['rating[not_exists]', ['d']],
  ['eyecatch[not_exists]', ['d', 'c', 'b']],
  ['title[begins_with]Al', ['a']],
  ['publishedAt[begins_with]2024-11', ['d']],
  ['createdAt[begins_with]2024-03-05', ['c']],
  ['createdAt[begins_with]2024', ['d', 'c', 'b', 'a']],
  ['summary[equals]東京タワー', ['b']],
];

for (const [filters, expected] of OPERATORS) {
  test(`filters=${filters}`, async ({ request }) => {
    expect(await list(request, { filters: filters.replace('{marker}', marker) })).toEqual(expected);
  });
}

test('[and] and [or], with [and] binding tighter, and with q, orders and ids', async ({ request }) => {
  expect(await list(request, { filters: 'rating[greater_than]3[and]featured[equals]true' })).toEqual(['a']);
  expect(await list(request, { filters: 'title[equals]beta[or]title[equals]delta' })).toEqual(['d', 'b']);
  // b, or (rating > 3 and featured): b and a; never c (rating 4, not featured).
  expect(
    await list(request, { filters: 'title[equals]beta[or]rating[greater_than]3[and]featured[equals]true' }),
  ).toEqual(['b', 'a']);
  expect(
    await list(request, { filters: 'featured[equals]true[and]rating[greater_than]3[or]title[equals]beta' }),
  ).toEqual(['b', 'a']);
  expect(await list(request, { filters: 'featured[exists]', q: 'alpha', orders: 'title' })).toEqual(['a', 'd']);
  expect(await list(request, { ids: `${id('a')},${id('c')},${id('d')}`, filters: 'rating[exists]' })).toEqual([
    'c',
    'a',
  ]);
});

const ORDERS: [string, string[]][] = [
  ['createdAt', ['a', 'b', 'c', 'd']],
  ['-createdAt', ['d', 'c', 'b', 'a']],
  ['publishedAt', ['a', 'b', 'c', 'd']],
  ['-publishedAt', ['d', 'c', 'b', 'a']],
  ['updatedAt', ['b', 'a', 'c', 'd']],
  ['-updatedAt', ['d', 'c', 'a', 'b']],
  ['revisedAt', ['b', 'a', 'c', 'd']],
  ['-revisedAt', ['d', 'c', 'a', 'b']],
  // Code point order: capitals first.
  ['title', ['a', 'c', 'b', 'd']],
  ['-title', ['d', 'b', 'c', 'a']],
  // Absent values last, whichever the direction.
  ['rating', ['b', 'c', 'a', 'd']],
  ['-rating', ['a', 'c', 'b', 'd']],
  // false before true; the id breaks the tie in the last key's direction.
  ['featured', ['b', 'a', 'd', 'c']],
  ['-featured', ['d', 'a', 'b', 'c']],
  ['id', ['a', 'b', 'c', 'd']],
  ['-id', ['d', 'c', 'b', 'a']],
  ['-featured,title', ['a', 'd', 'b', 'c']],
];

for (const [orders, expected] of ORDERS) {
  test(`orders=${orders}`, async ({ request }) => {
    expect(await list(request, { orders })).toEqual(expected);
  });
}

test('q: Japanese, mixed case, full-width, several words, short words; markup is not searched', async ({ request }) => {
  expect(await list(request, { q: '日本語' })).toEqual(['a']);
  expect(await list(request, { q: 'タワー' })).toEqual(['b']);
  // Two characters: below a trigram, found by scanning.
  expect(await list(request, { q: '東京' })).toEqual(['b']);
  expect(await list(request, { q: 'tower' })).toEqual(['a']);
  expect(await list(request, { q: 'TOWER' })).toEqual(['a']);
  expect(await list(request, { q: 'ＴＯＷＥＲ' })).toEqual(['a']);
  expect(await list(request, { q: 'mixed CASE' })).toEqual(['b']);
  expect(await list(request, { q: 'case words mixed' })).toEqual(['b']);
  expect(await list(request, { q: 'alpha' })).toEqual(['d', 'a']);
  expect(await list(request, { q: 'ta' })).toEqual(['d', 'b']);
  expect(await list(request, { q: 'strong' })).toEqual([]);
  expect(await list(request, { q: '<p>' })).toEqual([]);
  expect(await list(request, { q: 'nothing-like-this' })).toEqual([]);
});

test('q follows writes: PATCH and DELETE change what is found at once', async ({ request }) => {
  const res = await put(request, `/api/v1/${endpoint}/${id('e')}`, { title: 'Ephemeral', summary: '一時的な記事' });
  expect(res.status()).toBe(201);
  expect(await list(request, { q: '一時的' })).toEqual(['e']);
  const patched = await request.patch(`/api/v1/${endpoint}/${id('e')}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: { summary: 'rewritten' },
  });
  expect(patched.status()).toBe(200);
  expect(await list(request, { q: '一時的' })).toEqual([]);
  expect(await list(request, { q: 'rewritten' })).toEqual(['e']);
  expect((await request.delete(`/api/v1/${endpoint}/${id('e')}`, { headers: keyHeader })).status()).toBe(202);
  expect(await list(request, { q: 'rewritten' })).toEqual([]);
});

test('fields picks top-level names on lists and items; an unknown name is a 400', async ({ request }) => {
  const res = await request.get(`/api/v1/${endpoint}?fields=id,title,publishedAt&ids=${id('a')}`, {
    headers: keyHeader,
  });
  expect((await res.json()).contents).toEqual([{ id: id('a'), title: 'Alpha', publishedAt: ITEMS.a.created }]);
  const one = await request.get(`/api/v1/${endpoint}/${id('a')}?fields=title,eyecatch`, { headers: keyHeader });
  expect(Object.keys(await one.json()).sort()).toEqual(['eyecatch', 'title']);
  expect(await refusal(request, { fields: 'id,nope' })).toContain('fields: there is no field "nope"');
  const bad = await request.get(`/api/v1/${endpoint}/${id('a')}?fields=nope`, { headers: keyHeader });
  expect(bad.status()).toBe(400);
});

test('ids answers those items', async ({ request }) => {
  expect(await list(request, { ids: `${id('b')}, ${id('d')},missing` })).toEqual(['d', 'b']);
});

test('a malformed filter or order is a 400 naming the part it could not read', async ({ request }) => {
  expect(await refusal(request, { filters: 'title[equal]x' })).toContain('could not read "title[equal]x"');
  expect(await refusal(request, { filters: 'rating[exists][and]rating[greater_than]abc' })).toBe(
    'filters: could not read "rating[greater_than]abc": "abc" is not a number',
  );
  expect(await refusal(request, { filters: 'nope[equals]1' })).toContain(
    'could not read "nope[equals]1": there is no field "nope"',
  );
  expect(await refusal(request, { filters: 'eyecatch[equals]x' })).toContain(
    '[equals] does not apply to the media field',
  );
  expect(await refusal(request, { filters: 'createdAt[less_than]yesterday' })).toContain('"yesterday" is not a date');
  expect(await refusal(request, { filters: 'featured[equals]yes' })).toContain('"yes" is not true or false');
  expect(await refusal(request, { filters: 'title[less_than]b' })).toContain(
    '[less_than] does not apply to the text field',
  );
  expect(await refusal(request, { filters: 'title[equals]a[or]' })).toContain('a condition is empty');
  expect(await refusal(request, { orders: 'nope' })).toContain('orders: there is no field "nope"');
  expect(await refusal(request, { orders: 'eyecatch' })).toContain('orders: cannot sort by the media field');
});

test('depth and draftKey are accepted; richEditorFormat=object is refused; drafts are refused', async ({ request }) => {
  expect(await list(request, { depth: '2', draftKey: 'abc', richEditorFormat: 'html', ids: id('a') })).toEqual(['a']);
  expect(await refusal(request, { depth: '5' })).toBe('depth: must be 0–3');
  expect(await refusal(request, { richEditorFormat: 'object' })).toContain('HTML only');
  const draft = await request.post(`/api/v1/${endpoint}?status=draft`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: { title: 'draft' },
  });
  expect(draft.status()).toBe(400);
  expect((await draft.json()).message).toContain('no drafts');
});

test('PUT with an id: microCMS id rules, and a taken id is a 400 even when asked at once', async ({ request }) => {
  expect((await put(request, `/api/v1/${endpoint}/${id('a')}`, { title: 'again' })).status()).toBe(400);
  for (const bad of ['Has-Caps', 'a'.repeat(51), 'dot.ted'])
    expect((await put(request, `/api/v1/${endpoint}/${bad}`, { title: 'x' })).status()).toBe(400);
  const raced = id('raced');
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => put(request, `/api/v1/${endpoint}/${raced}`, { title: `race ${i}` })),
  );
  const statuses = answers.map((a) => a.status()).sort();
  expect(statuses).toEqual([201, 400, 400, 400, 400, 400, 400, 400]);
  const loser = answers.find((a) => a.status() === 400)!;
  expect((await loser.json()).message).toBe(`The content id "${raced}" is already in use`);
  expect((await request.delete(`/api/v1/${endpoint}/${raced}`, { headers: keyHeader })).status()).toBe(202);
});

test('object APIs: GET and PATCH at the endpoint; list-only calls are refused', async ({ request }) => {
  const objectEndpoint = `settings-${marker}`;
  const objectApiId = createApi(
    E2E.dataDir,
    objectEndpoint,
    [
      { id: 'siteName', name: 'Site name', kind: 'text', required: true },
      { id: 'perPage', name: 'Per page', kind: 'number' },
    ],
    'Settings',
    'object',
  );
  const path = `/api/v1/${objectEndpoint}`;
  expect((await request.get(path, { headers: keyHeader })).status()).toBe(404);
  const write = (data: unknown) =>
    request.patch(path, { headers: { ...keyHeader, 'Content-Type': 'application/json' }, data });
  expect((await write({ perPage: 10 })).status()).toBe(400); // siteName is required
  expect((await write({ siteName: 'Kura', perPage: 10 })).status()).toBe(200);
  expect((await write({ perPage: 20 })).status()).toBe(200);
  const read = await (await request.get(path, { headers: keyHeader })).json();
  expect(read).toMatchObject({ siteName: 'Kura', perPage: 20 });
  expect(read).not.toHaveProperty('id');
  expect(Date.parse(read.publishedAt)).not.toBeNaN();
  expect(await (await request.get(`${path}?fields=siteName`, { headers: keyHeader })).json()).toEqual({
    siteName: 'Kura',
  });
  const post = await request.post(path, { headers: { ...keyHeader, 'Content-Type': 'application/json' }, data: {} });
  expect(post.status()).toBe(400);
  expect((await post.json()).message).toContain('is an object API');
  expect((await request.get(`${path}/${objectApiId}`, { headers: keyHeader })).status()).toBe(404);
  const listPatch = await request.patch(`/api/v1/${endpoint}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: { title: 'x' },
  });
  expect(listPatch.status()).toBe(400);
  expect((await listPatch.json()).message).toContain('is a list API');
});

test('per-API rights still apply to every parameter', async ({ request }) => {
  const other = createApi(E2E.dataDir, `other-${marker}`, [{ id: 'title', name: 'Title', kind: 'text' }]);
  const elsewhere = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, {}, { [other]: { read: true } }) };
  const queries: Record<string, string>[] = [
    { q: 'alpha' },
    { filters: 'title[exists]' },
    { ids: id('a') },
    { limit: '0' },
  ];
  for (const query of queries) {
    const res = await request.get(`/api/v1/${endpoint}?${new URLSearchParams(query)}`, { headers: elsewhere });
    expect(res.status()).toBe(403);
  }
  expect((await request.get(`/api/v1/${endpoint}/${id('a')}?fields=id`, { headers: elsewhere })).status()).toBe(403);
  const writer = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, {}, { [apiId]: { create: true } }) };
  expect((await put(request, `/api/v1/${endpoint}/${id('w')}`, { title: 'w' }, writer)).status()).toBe(201);
  expect((await request.get(`/api/v1/${endpoint}?q=w`, { headers: writer })).status()).toBe(403);
  expect((await put(request, `/api/v1/${endpoint}/${id('x')}`, { title: 'x' }, elsewhere)).status()).toBe(403);
  const reader = { 'X-MICROCMS-API-KEY': createApiKey(E2E.dataDir, {}, { [apiId]: { read: true } }) };
  expect(await list(request, { q: 'alpha', orders: 'title' }, reader)).toEqual(['a', 'd']);
  expect((await request.delete(`/api/v1/${endpoint}/${id('w')}`, { headers: keyHeader })).status()).toBe(202);
});
