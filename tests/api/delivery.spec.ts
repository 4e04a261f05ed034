import { expect, test } from '@playwright/test';
import { deliveryCases } from '../support/delivery-cases';
import { E2E } from '../support/env';
import { pathOf, png, uniqueName, uploadViaApi } from '../support/media';

deliveryCases({ title: 'the main origin', contexts: (request) => ({ api: request, get: request }) });

test('delivery URLs use KURA_PUBLIC_URL', async ({ request }) => {
  const { body: m } = await uploadViaApi(request, uniqueName('origin', 'png'), await png(2, 2));
  expect(m.url.startsWith(`${E2E.baseURL}/assets/`)).toBe(true);
});

test('no second image optimizer and no bench route in production: /_next/image and /api/bench/hello are 404', async ({
  request,
}) => {
  const { body: m } = await uploadViaApi(request, uniqueName('no-next-image', 'png'), await png(64, 64));
  const viaNext = await request.get(`/_next/image?url=${encodeURIComponent(pathOf(m.url))}&w=64&q=75`);
  expect(viaNext.status()).toBe(404);
  expect((await request.get('/api/bench/hello')).status()).toBe(404);
});
