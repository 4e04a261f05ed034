import { expect, test, type APIResponse } from '@playwright/test';
import { keyHeader, pathOf, png, uniqueName, uploadViaApi } from '../support/media';

// Every error of the HTTP API and of delivery is JSON `{"message"}` (SPEC §5), including the answers Next would
// otherwise give itself: a method a route does not take (an empty 405) and a path no route answers (an HTML 404).

async function expectJsonError(res: APIResponse, status: number, message: RegExp) {
  expect(res.status(), `${res.url()}`).toBe(status);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  expect((await res.json()).message).toMatch(message);
}

test('a method a route does not take is a 405 naming those it does, with Allow, on every kind of route', async ({
  request,
}) => {
  const { body: media } = await uploadViaApi(request, uniqueName('allow', 'png'), await png(8, 8));
  const cases: [method: string, path: string, allow: string][] = [
    ['PUT', '/api/v2/media', 'GET, DELETE'],
    ['POST', '/api/v2/media', 'GET, DELETE'],
    ['POST', '/api/health', 'GET'],
    ['DELETE', '/api/v1/blogs', 'GET, POST, PATCH'],
    ['POST', '/api/v1/blogs/some-id', 'GET, PUT, PATCH, DELETE'],
    ['PUT', `/api/v1/media/${media.id}`, 'GET, PATCH, DELETE'],
    ['GET', '/api/v1/media/merge', 'POST'],
    ['DELETE', '/api/v1/media/trash', 'GET'],
    ['DELETE', '/api/v1/media', 'GET, POST'], // a Pages API route
  ];
  for (const [method, path, allow] of cases) {
    const res = await request.fetch(path, { method, headers: keyHeader });
    await expectJsonError(res, 405, new RegExp(`^Only ${allow} allowed here$`));
    expect(res.headers().allow, `${method} ${path}`).toBe(allow);
  }
});

test('a path no route answers is a JSON 404, under /api and under /assets', async ({ request }) => {
  const { body: media } = await uploadViaApi(request, uniqueName('paths', 'png'), await png(8, 8));
  const path = pathOf(media.url); // /assets/{service}/{id}/{name}
  const [, , service, id] = path.split('/');
  for (const unknown of ['/api/nothing/here', '/api/v1/media/x/y/z', '/api/v3/media']) {
    await expectJsonError(await request.get(unknown, { headers: keyHeader }), 404, /^Not found/);
    await expectJsonError(await request.post(unknown, { headers: keyHeader }), 404, /^Not found/);
  }
  // Delivery paths of another shape than /assets/{service}/{id}/{name}: no name, one segment more, one alone.
  for (const malformed of [`/assets/${service}/${id}`, `${path}/extra`, `/assets/${service}`, '/assets']) {
    await expectJsonError(await request.get(malformed), 404, /^Not found/);
  }
  // The delivery URL itself still answers, and an API route of the same depth still does.
  expect((await request.get(path)).status()).toBe(200);
  expect((await request.get(`/api/v1/media/${media.id}`, { headers: keyHeader })).status()).toBe(200);
});
