import { expect, test } from '@playwright/test';

// npm test runs this file twice: on SQLite, then with KURA_TEST_POSTGRES_URL on PostgreSQL.
test('GET /api/health: ok, which database this server uses and where uploads go; no names or secrets', async ({
  request,
}) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  // The disk's free bytes, and a warning only when they run low (tests/faults/disk-full.spec.ts shows one).
  const { freeBytes, warning, ...rest } = body;
  expect(rest).toEqual({
    ok: true,
    database: process.env.KURA_TEST_POSTGRES_URL ? 'postgresql' : 'sqlite',
    storage: 'local',
  });
  expect(freeBytes).toBeGreaterThan(0);
  expect(warning === undefined || /^Only .+ free in the data directory/.test(warning)).toBe(true);
});
