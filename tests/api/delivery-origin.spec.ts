import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { deliveryCases } from '../support/delivery-cases';
import { startDeliveryOrigin, type DeliveryOriginServer } from '../support/delivery-origin-server';
import { testPort } from '../support/env';
import type { KuraServer } from '../support/kura-server';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi, type MediaRecord } from '../support/media';
import type { Receiver } from '../support/receiver';
import { createApi } from '../support/seed';
import { withTestDb } from '../support/sql';

// A server of its own with a delivery origin (KURA_DELIVERY_URL + KURA_DELIVERY_PORT): the delivery contract
// runs against both of its origins, and the Image API's refusals are compared answer by answer.
test.describe.configure({ mode: 'serial' });

const MAX_VARIANTS = 6;
let origin: DeliveryOriginServer;
let receiver: Receiver;
let server: KuraServer;
let main: APIRequestContext;
let delivery: APIRequestContext;
let deliveryURL: string;

test.beforeAll(async () => {
  origin = await startDeliveryOrigin('delivery-origin', testPort(3295), testPort(3296), {
    KURA_MAX_VARIANTS_PER_MEDIA: String(MAX_VARIANTS),
    KURA_MAX_OUTPUT_PIXELS: String(2000 * 2000),
    // One render at a time and no line: a second render at once is a 503.
    KURA_IMAGE_RENDERS: '1',
    KURA_IMAGE_QUEUE: '0',
    KURA_USAGE_FLUSH_MS: '200',
  });
  ({ receiver, server, main, delivery, deliveryURL } = origin);
});
test.afterAll(async () => origin?.close());

deliveryCases({ title: 'the main origin beside a delivery origin', contexts: () => ({ api: main, get: main }) });
deliveryCases({ title: 'the delivery origin', contexts: () => ({ api: main, get: delivery }) });

const upload = async (name: string, bytes: Buffer) => {
  const { res, body } = await uploadViaApi(main, name, bytes);
  expect(res.status(), body.message).toBe(201);
  return body as MediaRecord;
};

/** Headers that may differ between two answers of the same bytes: the connection's, and the origin's own two. */
const PER_ANSWER = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'kura-cache',
  'access-control-allow-origin',
  'timing-allow-origin',
]);
/** Next compresses the main origin's JSON (error answers): its `Vary: Accept-Encoding` and lengths are its own. */
function comparable(headers: Record<string, string>) {
  const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_ANSWER.has(name)));
  if (headers['content-encoding']) delete kept['content-length'];
  delete kept['content-encoding'];
  const vary = kept.vary
    ?.split(/,\s*/)
    .filter((v) => v.toLowerCase() !== 'accept-encoding')
    .join(', ');
  if (vary) kept.vary = vary;
  else delete kept.vary;
  return kept;
}

/** One request to both origins: the same status, headers and bytes, and the delivery origin's own two headers. */
async function sameOnBoth(url: string, headers: Record<string, string> = {}, method: 'get' | 'head' = 'get') {
  const a = await main[method](url, { headers, maxRedirects: 0 });
  const b = await delivery[method](url, { headers, maxRedirects: 0 });
  expect(b.status(), url).toBe(a.status());
  expect(comparable(b.headers()), url).toEqual(comparable(a.headers()));
  expect(Buffer.compare(await b.body(), await a.body()), url).toBe(0);
  expect(b.headers()['access-control-allow-origin']).toBe('*');
  expect(b.headers()['timing-allow-origin']).toBe('*');
  expect(b.headers()['set-cookie'], url).toBeUndefined();
  return a;
}

test('records, webhooks and content carry delivery-origin URLs', async () => {
  const m = await upload(uniqueName('origin', 'png'), await png(20, 10));
  expect(m.url.startsWith(`${deliveryURL}/assets/`)).toBe(true);
  expect(m.versionedUrl.startsWith(`${deliveryURL}/assets/`)).toBe(true);

  const listed = (await (await main.get('/api/v2/media?limit=100', { headers: keyHeader })).json()) as {
    media: { id: string; url: string }[];
  };
  expect(listed.media.find((x) => x.id === m.id)?.url).toBe(m.url);
  const sent = () => receiver.received.filter((r) => r.body.includes(m.id));
  await expect.poll(() => sent().length).toBeGreaterThan(0);
  const event = JSON.parse(sent()[0].body) as { type: string; new: { url: string } };
  expect(event).toMatchObject({ type: 'new', new: { url: m.url } });

  const endpoint = `origin-${Math.random().toString(36).slice(2, 8)}`;
  createApi(server.dataDir, endpoint, [
    { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
    { id: 'body', name: 'Body', kind: 'richEditor' },
  ]);
  const created = await main.post(`/api/v1/${endpoint}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: { eyecatch: m.id, body: `<p><img src="${m.url}"></p>` },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const read = (await (await main.get(`/api/v1/${endpoint}/${id}`, { headers: keyHeader })).json()) as {
    eyecatch: { url: string };
    body: string;
  };
  expect(read.eyecatch.url).toBe(m.url);
  expect(read.body).toContain(`src="${m.url}"`);
});

test('references under either origin count: referenced media is kept, by either of its URLs', async () => {
  const onMain = await upload(uniqueName('ref-main', 'png'), await png(8, 8));
  const onDelivery = await upload(uniqueName('ref-delivery', 'png'), await png(8, 8));
  const mainUrl = `${server.baseURL}${pathOf(onMain.url)}`;
  const endpoint = `refs-${Math.random().toString(36).slice(2, 8)}`;
  createApi(server.dataDir, endpoint, [{ id: 'body', name: 'Body', kind: 'richEditor' }]);
  const created = await main.post(`/api/v1/${endpoint}`, {
    headers: { ...keyHeader, 'Content-Type': 'application/json' },
    data: { body: `<p><img src="${mainUrl}"><img src="${onDelivery.url}?w=4"></p>` },
  });
  expect(created.status()).toBe(201);
  for (const url of [onMain.url, mainUrl, onDelivery.url, `${server.baseURL}${pathOf(onDelivery.url)}`]) {
    const res = await main.delete(`/api/v2/media?url=${encodeURIComponent(url)}`, { headers: keyHeader });
    expect(res.status(), url).toBe(400);
    expect(await res.json()).toEqual({ message: 'this medium is referenced by another content' });
  }
});

test('the delivery origin sets no cookie and ignores one sent; only /assets/… answers there', async () => {
  const m = await upload(uniqueName('cookies', 'png'), await png(6, 6));
  const plain = await delivery.get(pathOf(m.url));
  const withCookie = await delivery.get(pathOf(m.url), {
    headers: { Cookie: '__Secure-next-auth.session-token=forged; next-auth.session-token=forged; other=1' },
  });
  for (const res of [plain, withCookie]) {
    expect(res.status()).toBe(200);
    expect(res.headers()['set-cookie']).toBeUndefined();
  }
  expect(comparable(withCookie.headers())).toEqual(comparable(plain.headers()));
  expect(Buffer.compare(await withCookie.body(), await plain.body())).toBe(0);
  // The delivery origin is not the admin: no login, no API, no pages.
  for (const other of ['/login', '/api/health', '/api/v1/media', '/media', '/api/auth/csrf', '/assets/x']) {
    const res = await delivery.get(other, { headers: keyHeader });
    expect(res.status(), other).toBe(404);
    expect(res.headers()['set-cookie']).toBeUndefined();
  }
});

test('a rename 404s the old name on both origins at once; a re-upload and a delete reach both at once', async () => {
  const m = await upload(uniqueName('renamed', 'png'), await png(12, 12));
  const old = pathOf(m.url);
  for (const origin of [main, delivery]) expect((await origin.get(old)).status()).toBe(200); // now cached
  const renamed = await main.patch(`/api/v1/media/${m.id}`, {
    headers: keyHeader,
    data: { fileName: uniqueName('new-name', 'png') },
  });
  expect(renamed.status()).toBe(200);
  const now = (await renamed.json()) as MediaRecord;
  for (const origin of [main, delivery]) {
    expect((await origin.get(old)).status()).toBe(404);
    expect((await origin.get(pathOf(now.url))).status()).toBe(200);
  }

  const before = (await delivery.get(pathOf(now.url))).headers().etag;
  const replaced = await main.put(`/api/v1/media/${m.id}/file`, {
    headers: keyHeader,
    multipart: { file: { name: 'x.png', mimeType: 'image/png', buffer: await png(12, 12) } },
  });
  expect(replaced.status()).toBe(200);
  const etags = await Promise.all([main, delivery].map(async (o) => (await o.get(pathOf(now.url))).headers().etag));
  expect(etags[0]).not.toBe(before);
  expect(etags[1]).toBe(etags[0]);

  expect((await main.delete(`/api/v2/media?url=${encodeURIComponent(now.url)}`, { headers: keyHeader })).status()).toBe(
    200,
  );
  for (const origin of [main, delivery]) expect((await origin.get(pathOf(now.url))).status()).toBe(404);
});

test('hot answers (a variant, a small original) match the main origin; a re-upload replaces them', async () => {
  const m = await upload(uniqueName('hot', 'png'), await png(64, 48, 0x112233));
  const original = pathOf(m.url);
  const variant = `${original}?w=20&fm=webp`;
  for (let i = 0; i < 4; i++) {
    // The first plain GETs fill the delivery origin's memory; the later ones are answered from it.
    await sameOnBoth(original);
    const v = await sameOnBoth(variant, { Accept: 'image/webp' });
    expect(v.headers()['content-type']).toBe('image/webp');
  }
  const before = {
    original: await (await delivery.get(original)).body(),
    variant: await (await delivery.get(variant)).body(),
  };
  const replaced = await main.put(`/api/v1/media/${m.id}/file`, {
    headers: keyHeader,
    multipart: { file: { name: 'x.png', mimeType: 'image/png', buffer: await png(64, 48, 0x445566) } },
  });
  expect(replaced.status()).toBe(200);
  const after = {
    original: await (await delivery.get(original)).body(),
    variant: await (await delivery.get(variant)).body(),
  };
  expect(after.original.equals(before.original)).toBe(false);
  expect(after.variant.equals(before.variant)).toBe(false);
  await sameOnBoth(original);
  await sameOnBoth(variant, { Accept: 'image/webp' });
});

test('originals, versioned URLs and the Image API answer alike on both origins, refusals included', async () => {
  const m = await upload(uniqueName('parity', 'png'), await png(300, 200));
  const mark = await upload(uniqueName('parity-mark', 'png'), await png(40, 20));
  const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#345678' } })
    .jpeg()
    .toBuffer();
  const truncated = await upload(uniqueName('parity-cut', 'jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
  const p = pathOf(m.url);
  const etag = (await main.get(p)).headers().etag;
  const cases: [string, Record<string, string>?][] = [
    [p],
    [p, { Range: 'bytes=5-24' }],
    [p, { Range: 'bytes=999999-' }], // 416
    [p, { 'If-None-Match': etag }], // 304
    [pathOf(m.versionedUrl)], // immutable
    [`${p}?v=000000000000&w=50`], // 307 to the current version
    [`${p}?w=100&fm=webp`], // rendered on one, a hit on the other: same bytes and ETag
    [`${p}?w=100&fm=webp&nonsense=1`], // Kura-Ignored-Params
    [`${p}?w=80&auto=format`, { Accept: 'image/avif,image/webp,*/*' }], // Vary: Accept
    [`${p}?w=abc`], // 400 naming the parameter
    [`${p}?w=1900&h=1900&dpr=2`], // 400: over KURA_MAX_OUTPUT_PIXELS
    [`${p}?w=50&mark=${encodeURIComponent('https://example.com/logo.png')}`], // 400: not this service's
    [`${p}?w=50&mark=${encodeURIComponent(mark.url)}`], // a watermark of this service
    [`${pathOf(truncated.url)}?w=50`], // 422: cannot be decoded
    [`${p}?fm=json`],
    [`${p.slice(0, -3)}gif`], // 404: not the current name
  ];
  for (const [url, headers] of cases) await sameOnBoth(url, headers);
  const head = await sameOnBoth(p, {}, 'head');
  expect(head.status()).toBe(200);

  // 429: past KURA_MAX_VARIANTS_PER_MEDIA, on whichever origin asks.
  const more = Array.from({ length: MAX_VARIANTS + 2 }, (_, i) => `${p}?w=${20 + i}`);
  for (const url of more) await main.get(url);
  const refused = await sameOnBoth(`${p}?w=99&fm=png`);
  expect(refused.status()).toBe(429);
  expect(refused.headers()['cache-control']).toBe('no-store');
});

test('a full render queue answers 503 with Retry-After on either origin', async () => {
  const big = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#102030' } })
    .png()
    .toBuffer();
  const m = await upload(uniqueName('busy', 'png'), big);
  const answers: Record<string, { status: number; retry?: string; cache?: string; body: string }[]> = {};
  for (const [name, origin] of [
    ['main', main],
    ['delivery', delivery],
  ] as const) {
    // Distinct heavy renders at once: one slot and no line, so all but the first are refused.
    const burst = await Promise.all(
      [1, 2, 3, 4].map((i) => origin.get(`${pathOf(m.url)}?w=${1500 + i + (name === 'main' ? 0 : 10)}&fm=png`)),
    );
    answers[name] = await Promise.all(
      burst
        .filter((r) => r.status() === 503)
        .map(async (r) => ({
          status: r.status(),
          retry: r.headers()['retry-after'],
          cache: r.headers()['cache-control'],
          body: await r.text(),
        })),
    );
    expect(answers[name].length, name).toBeGreaterThan(0);
  }
  expect(answers.delivery[0]).toEqual(answers.main[0]);
  expect(answers.main[0]).toMatchObject({ status: 503, retry: '1', cache: 'no-store' });
});

test('a large original streams whole from the delivery origin; a client leaving mid-way changes nothing', async () => {
  const bytes = randomBytes(3 * 1024 * 1024 + 17);
  const m = await upload(uniqueName('large', 'bin'), bytes);
  const p = pathOf(m.url);
  const whole = await delivery.get(p);
  expect(whole.status()).toBe(200);
  expect(whole.headers()['content-length']).toBe(String(bytes.length));
  expect((await whole.body()).equals(bytes)).toBe(true);
  const tail = await delivery.get(p, { headers: { Range: `bytes=${bytes.length - 100_000}-` } });
  expect(tail.status()).toBe(206);
  expect((await tail.body()).equals(bytes.subarray(bytes.length - 100_000))).toBe(true);

  // Read the first bytes, then go away: the origin cuts that download and answers the next ones whole.
  const received = await new Promise<number>((resolve, reject) => {
    const req = http.get(`${deliveryURL}${p}`, (res) => {
      res.once('data', (chunk: Buffer) => {
        req.destroy();
        resolve(chunk.length);
      });
    });
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
  });
  expect(received).toBeGreaterThan(0);
  expect(received).toBeLessThan(bytes.length);
  for (let i = 0; i < 3; i++) expect((await (await delivery.get(p)).body()).equals(bytes)).toBe(true);
  await sameOnBoth(p, { Range: 'bytes=1000000-1999999' });
});

test('answers the delivery origin gives from memory are counted in usage like any other', async () => {
  const m = await upload(uniqueName('counted-hot', 'png'), await png(90, 60, 0x336699));
  const original = pathOf(m.url);
  const variant = `${original}?w=30&fm=webp`;
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    // The first of each is asked of the delivery door (a variant is rendered, then a cache hit); the rest, of memory.
    for (const url of [original, variant]) {
      const res = await delivery.get(url);
      expect(res.status()).toBe(200);
      bytes += (await res.body()).length;
    }
  }
  const counted = () =>
    withTestDb(server.dataDir, (db) =>
      db
        .all<{ bytes: number; requests: number }>(
          'select bytes, requests from usage_media_monthly where media_id = ?',
          m.id,
        )
        .map((r) => ({ bytes: Number(r.bytes), requests: Number(r.requests) })),
    );
  await expect.poll(counted, { timeout: 10_000 }).toEqual([{ bytes, requests: 10 }]);
});
