import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E } from '../support/env';
import { keyHeader, png, uniqueName, uploadViaApi } from '../support/media';

const ADMIN_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

test('pages and routes refuse framing and keep their address out of Referer; delivery keeps its own rules', async ({
  request,
}) => {
  for (const path of ['/login', '/media', '/api/health', '/api/v1/media']) {
    const res = await request.get(path, { maxRedirects: 0, headers: path.startsWith('/api/v1') ? keyHeader : {} });
    expect([path, res.headers()]).toEqual([path, expect.objectContaining(ADMIN_HEADERS)]);
    // http:// here (KURA_PUBLIC_URL of the test server): HSTS is sent only on an https public URL.
    expect(res.headers()['strict-transport-security']).toBeUndefined();
  }
  const { body } = await uploadViaApi(request, uniqueName('headers', 'png'), await png(4, 4));
  const delivered = await request.get(body.url);
  expect(delivered.headers()['x-content-type-options']).toBe('nosniff');
  expect(delivered.headers()['x-frame-options']).toBeUndefined();
});

test('answers to an API key carry the creator by id and name, never an email', async ({ request }) => {
  const { body } = await uploadViaApi(request, uniqueName('no email', 'png'), await png(4, 4));
  const [admin] = inspect(E2E.dataDir).query<{ id: string; name: string }>(
    'select id, name from members where email = ?',
    E2E.adminEmail,
  );
  const edited = await request.patch(`/api/v1/media/${body.id}`, { headers: keyHeader, data: { creatorId: admin.id } });
  expect(await edited.json()).toMatchObject({ creator: { id: admin.id, name: admin.name } });
  for (const url of [`/api/v1/media/${body.id}`, '/api/v1/media?limit=100', '/api/v2/media?limit=100']) {
    const text = await (await request.get(url, { headers: keyHeader })).text();
    expect([url, text]).not.toEqual([url, expect.stringMatching(/@kura\.test/)]);
  }
});
