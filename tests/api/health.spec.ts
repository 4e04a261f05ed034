import { expect, test } from '@playwright/test';

// npm test runs this file twice: on SQLite, then with KURA_TEST_POSTGRES_URL on PostgreSQL.
test('GET /api/health: ok, which database this server uses and where uploads go; no names or secrets', async ({
  request,
}) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toEqual({
    ok: true,
    database: process.env.KURA_TEST_POSTGRES_URL ? 'postgresql' : 'sqlite',
    storage: 'local',
  });
});
