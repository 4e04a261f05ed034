import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi } from './media';

/**
 * An origin that serves `/assets/…`: `api` uploads (the main origin, with the API key), `get` asks the origin
 * under test (the main one, or the delivery listener of KURA_DELIVERY_PORT).
 */
export type DeliveryOrigin = {
  title: string;
  contexts: (fixture: APIRequestContext) => { api: APIRequestContext; get: APIRequestContext };
};

export const etagOf = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;

/** The delivery contract (SPEC §2), run against one origin: tests/api/delivery.spec.ts and delivery-origin.spec.ts. */
export function deliveryCases(origin: DeliveryOrigin): void {
  test.describe(origin.title, () => {
    test('delivers identical bytes with every header of the contract, without login', async ({ request: fixture }) => {
      const { api, get } = origin.contexts(fixture);
      const bytes = await png(320, 200);
      const { body: m } = await uploadViaApi(api, uniqueName('hero', 'png'), bytes);
      const res = await get.get(pathOf(m.url));
      expect(res.status()).toBe(200);
      expect(Buffer.compare(await res.body(), bytes)).toBe(0);
      const h = res.headers();
      expect(h['content-type']).toBe('image/png');
      expect(h['content-length']).toBe(String(bytes.length));
      expect(h['etag']).toBe(etagOf(bytes));
      expect(new Date(h['last-modified']).getTime()).not.toBeNaN();
      expect(h['cache-control']).toBe('public, max-age=60, stale-while-revalidate=86400');
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['accept-ranges']).toBe('bytes');
      expect(h['content-security-policy']).toBeUndefined();
      expect(h['content-disposition']).toBeUndefined();

      const head = await get.head(pathOf(m.url));
      expect(head.status()).toBe(200);
      expect(head.headers()['content-length']).toBe(String(bytes.length));
      expect(head.headers()['etag']).toBe(etagOf(bytes));
      expect((await head.body()).length).toBe(0);
    });

    test('If-None-Match answers 304; Range answers 206; a bad range 416', async ({ request: fixture }) => {
      const { api, get } = origin.contexts(fixture);
      const bytes = await png(300, 300);
      const { body: m } = await uploadViaApi(api, uniqueName('ranged', 'png'), bytes);
      const path = pathOf(m.url);

      const notModified = await get.get(path, { headers: { 'If-None-Match': etagOf(bytes) } });
      expect(notModified.status()).toBe(304);
      expect(notModified.headers()['etag']).toBe(etagOf(bytes));
      expect((await get.get(path, { headers: { 'If-None-Match': '"something-else"' } })).status()).toBe(200);

      const partial = await get.get(path, { headers: { Range: 'bytes=10-109' } });
      expect(partial.status()).toBe(206);
      expect(partial.headers()['content-range']).toBe(`bytes 10-109/${bytes.length}`);
      expect(partial.headers()['content-length']).toBe('100');
      expect(Buffer.compare(await partial.body(), bytes.subarray(10, 110))).toBe(0);

      const suffix = await get.get(path, { headers: { Range: 'bytes=-20' } });
      expect(suffix.status()).toBe(206);
      expect(Buffer.compare(await suffix.body(), bytes.subarray(bytes.length - 20))).toBe(0);

      const outside = await get.get(path, { headers: { Range: `bytes=${bytes.length + 10}-` } });
      expect(outside.status()).toBe(416);
      expect(outside.headers()['content-range']).toBe(`bytes */${bytes.length}`);
    });

    test('404 for another name, an unknown id, or another service', async ({ request: fixture }) => {
      const { api, get } = origin.contexts(fixture);
      const { body: m } = await uploadViaApi(api, uniqueName('named', 'png'), await png(5, 5));
      const url = new URL(m.url);
      const [, , service, id] = url.pathname.split('/');
      const notFound = async (path: string) => {
        const res = await get.get(path);
        expect(res.status(), path).toBe(404);
        expect(await res.json()).toEqual({ message: 'Not found' });
      };
      await notFound(`/assets/${service}/${id}/other-name.png`);
      await notFound(`/assets/${service}/${'0'.repeat(32)}/${encodeURIComponent(m.fileName)}`);
      await notFound(`/assets/otherservice1/${id}/${encodeURIComponent(m.fileName)}`);
      await notFound(`/assets/${service}/not-an-id/${encodeURIComponent(m.fileName)}`);
    });

    test('HTML declared as image/png is stored as a file and served as an attachment in a sandbox', async ({
      request: fixture,
    }) => {
      const { api, get } = origin.contexts(fixture);
      const { body: m } = await uploadViaApi(
        api,
        uniqueName('innocent', 'png'),
        Buffer.from('<!DOCTYPE html><script>document.cookie</script>'),
        'image/png',
      );
      expect(m.kind).toBe('file');
      const res = await get.get(pathOf(m.url));
      expect(res.headers()['content-type']).toBe('text/html');
      expect(res.headers()['content-security-policy']).toBe('sandbox');
      expect(res.headers()['content-disposition']).toBe(`attachment; filename="${m.fileName}"`);
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
    });

    test('SVG is shown inline but in a sandbox; unknown bytes download', async ({ request: fixture }) => {
      const { api, get } = origin.contexts(fixture);
      const { body: svg } = await uploadViaApi(
        api,
        uniqueName('icon', 'svg'),
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      );
      const res = await get.get(pathOf(svg.url));
      expect(res.headers()['content-type']).toBe('image/svg+xml');
      expect(res.headers()['content-security-policy']).toBe('sandbox');
      expect(res.headers()['content-disposition']).toBeUndefined();

      const { body: bin } = await uploadViaApi(api, uniqueName('blob', 'dat'), Buffer.from([0, 159, 146, 150, 1, 2]));
      const binRes = await get.get(pathOf(bin.url));
      expect(binRes.headers()['content-type']).toBe('application/octet-stream');
      expect(binRes.headers()['content-security-policy']).toBe('sandbox');
      expect(binRes.headers()['content-disposition']).toMatch(/^attachment/);
    });

    test('?dl forces a download under the file name, ?dl=name under that name', async ({ request: fixture }) => {
      const { api, get } = origin.contexts(fixture);
      const { body: m } = await uploadViaApi(api, uniqueName('download-me', 'png'), await png(5, 5));
      const plain = await get.get(`${pathOf(m.url)}?dl`);
      expect(plain.headers()['content-disposition']).toBe(`attachment; filename="${m.fileName}"`);
      const named = await get.get(`${pathOf(m.url)}?dl=${encodeURIComponent('写真 1.png')}`);
      expect(named.headers()['content-disposition']).toBe(
        `attachment; filename="?? 1.png"; filename*=UTF-8''%E5%86%99%E7%9C%9F%201.png`,
      );
      // A name with line breaks or path parts is cleaned like an uploaded name, never echoed raw.
      const injected = await get.get(`${pathOf(m.url)}?dl=${encodeURIComponent('../a\r\nSet-Cookie: x=1.png')}`);
      expect(injected.status()).toBe(200);
      expect(injected.headers()['content-disposition']).toBe('attachment; filename="aSet-Cookie: x=1.png"');
      expect(injected.headers()['set-cookie']).toBeUndefined();
    });

    test('path-like and control-character names are cleaned, and the URL encodes the name', async ({
      request: fixture,
    }) => {
      const { api, get } = origin.contexts(fixture);
      const { body: a } = await uploadViaApi(api, '../../etc/passwd', Buffer.from('root:x:0:0'));
      expect(a.fileName).toBe('etcpasswd');
      const { body: b } = await uploadViaApi(api, 'evil\u202egnp.exe', Buffer.from('MZ'));
      expect(b.fileName).toBe('evilgnp.exe');
      // Control characters can only arrive percent-encoded, in RFC 5987's filename*.
      const boundary = 'kura-boundary';
      const raw = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
          `filename*=UTF-8''tab%09bell%07%E2%80%AEx.txt\r\n\r\nhello\r\n--${boundary}--\r\n`,
      );
      const encoded = await api.post('/api/v1/media', {
        headers: { ...keyHeader, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        data: raw,
      });
      expect(encoded.status()).toBe(201);
      expect((await encoded.json()).fileName).toBe('tabbellx.txt');
      const { body: c } = await uploadViaApi(api, '写真 #1?.png', await png(3, 3));
      expect(c.fileName).toBe('写真 #1?.png');
      expect(c.url.endsWith(`/${encodeURIComponent('写真 #1?.png')}`)).toBe(true);
      expect((await get.get(pathOf(c.url))).status()).toBe(200);
    });

    test('the versioned URL is immutable; any other version redirects to the current one', async ({
      request: fixture,
    }) => {
      const { api, get } = origin.contexts(fixture);
      const bytes = await png(64, 64);
      const { body: m } = await uploadViaApi(api, uniqueName('versioned', 'png'), bytes);
      const current = await get.get(pathOf(m.versionedUrl));
      expect(current.status()).toBe(200);
      expect(current.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Buffer.compare(await current.body(), bytes)).toBe(0);

      const stale = await get.get(`${pathOf(m.url)}?v=000000000000&w=100`, { maxRedirects: 0 });
      expect(stale.status()).toBe(307);
      expect(stale.headers()['location']).toBe(`${m.versionedUrl}&w=100`);
      expect(stale.headers()['cache-control']).toBe('no-store');
    });

    test('only GET and HEAD', async ({ request: fixture }) => {
      const { api, get } = origin.contexts(fixture);
      const { body: m } = await uploadViaApi(api, uniqueName('readonly', 'png'), await png(2, 2));
      const res = await get.delete(pathOf(m.url));
      expect(res.status()).toBe(405);
      expect(res.headers()['allow']).toBe('GET, HEAD');
    });

    test('conditional and range edge cases: weak and * tags, If-Range, other units, HEAD with Range', async ({
      request: fixture,
    }) => {
      const { api, get } = origin.contexts(fixture);
      const bytes = await png(200, 100);
      const { body: m } = await uploadViaApi(api, uniqueName('edges', 'png'), bytes);
      const path = pathOf(m.url);
      for (const tag of [`W/${etagOf(bytes)}`, '*', `"nope", ${etagOf(bytes)}`]) {
        const res = await get.get(path, { headers: { 'If-None-Match': tag } });
        expect(res.status(), tag).toBe(304);
        expect(res.headers()['content-type']).toBeUndefined();
      }
      const fresh = await get.get(path, { headers: { Range: 'bytes=0-9', 'If-Range': etagOf(bytes) } });
      expect(fresh.status()).toBe(206);
      const changed = await get.get(path, { headers: { Range: 'bytes=0-9', 'If-Range': '"an-old-version"' } });
      expect(changed.status()).toBe(200);
      expect((await changed.body()).length).toBe(bytes.length);
      const items = await get.get(path, { headers: { Range: 'items=0-9' } });
      expect(items.status()).toBe(200);
      expect(items.headers()['content-range']).toBeUndefined();
      const head = await get.head(path, { headers: { Range: 'bytes=5-14' } });
      expect(head.status()).toBe(206);
      expect(head.headers()['content-length']).toBe('10');
      expect(head.headers()['content-range']).toBe(`bytes 5-14/${bytes.length}`);
    });

    test("error answers carry none of the file's caching headers", async ({ request: fixture }) => {
      const { api, get } = origin.contexts(fixture);
      const bytes = Buffer.from('<!doctype html><p>x</p>');
      const { body: m } = await uploadViaApi(api, uniqueName('errors', 'html'), bytes);
      const outside = await get.get(pathOf(m.versionedUrl), { headers: { Range: 'bytes=9999-' } });
      expect(outside.status()).toBe(416);
      for (const name of ['etag', 'last-modified', 'content-disposition', 'content-security-policy'])
        expect(outside.headers()[name], name).toBeUndefined();
      expect(outside.headers()['cache-control']).not.toContain('immutable');
      const missing = await get.get(pathOf(m.url) + 'x');
      expect(missing.status()).toBe(404);
      expect(missing.headers()['cache-control']).toBe('no-store');
    });
  });
}
