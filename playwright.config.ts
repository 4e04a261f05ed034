import { defineConfig } from '@playwright/test';
import { E2E, serverEnv } from './tests/support/env';

const chromium = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: './tests',
  outputDir: './tests/.tmp/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // One retry in CI only, so a machine hiccup does not block a landing; a retried test is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  // npm test's PostgreSQL pass writes its own report (scripts/test.mjs adds both up).
  reporter: [['list'], ['json', { outputFile: process.env.KURA_PLAYWRIGHT_REPORT ?? 'tests/.tmp/playwright.json' }]],
  // Recording a trace costs every browser test ≈ 8 % more CPU (its screencast); CI records one on the retry of a
  // test that failed once, a run here keeps the trace of each failure.
  use: {
    baseURL: E2E.baseURL,
    launchOptions: chromium,
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'api', testMatch: /tests\/api\/.*\.spec\.ts/ },
    { name: 'faults', testMatch: /tests\/faults\/.*\.spec\.ts/ },
    {
      name: 'ui',
      testMatch: /tests\/ui\/.*\.spec\.ts/,
      dependencies: ['setup'],
      use: { storageState: E2E.storageState, viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: {
    // A fresh data dir every run; `exec` so that stopping the server stops next itself.
    command:
      `rm -rf '${E2E.dataDir}' && node tests/support/test-database.mjs reset '${E2E.dataDir}' && ` +
      `exec node node_modules/next/dist/bin/next start -p ${E2E.port} -H 127.0.0.1`,
    env: serverEnv(E2E.dataDir, E2E.port) as Record<string, string>,
    url: `${E2E.baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
