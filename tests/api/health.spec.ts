import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E } from '../support/env';
import { withTestDb } from '../support/sql';

// npm test runs this file twice: on SQLite, then with KURA_TEST_POSTGRES_URL on PostgreSQL.
test('GET /api/health: ok, the database, where uploads go and which instance answered; no secrets', async ({
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
    instance: fs.readFileSync(path.join(E2E.dataDir, 'instance-id'), 'utf8').trim(),
  });
  // The instance is registered, with a heartbeat.
  const row = withTestDb(E2E.dataDir, (db) =>
    db.all<{ heartbeat_at: number }>('select heartbeat_at from instances where id = ?', body.instance),
  );
  expect(row).toHaveLength(1);
  expect(Date.now() - Number(row[0].heartbeat_at)).toBeLessThan(60_000);
  expect(freeBytes).toBeGreaterThan(0);
  expect(warning === undefined || /^Only .+ free in the data directory/.test(warning)).toBe(true);
});
