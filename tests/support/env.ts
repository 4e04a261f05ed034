import path from 'node:path';
import { testDatabaseUrl } from './test-database.mjs';

/** The shared test server: one `next start` on its own data dir, started by Playwright's webServer. */
// KURA_E2E_PORT lets a second checkout run its tests beside this one (fault tests keep their own ports).
const port = Number(process.env.KURA_E2E_PORT ?? 3210);

/** A fault test's own port, moved by the same offset as KURA_E2E_PORT so two checkouts never share one. */
export const testPort = (base: number) => base + (port - 3210);

export const E2E = {
  port,
  baseURL: `http://127.0.0.1:${port}`,
  dataDir: path.resolve(__dirname, '../.tmp/e2e-data'),
  adminEmail: 'admin@kura.test',
  adminPassword: 'correct horse battery',
  apiKey: 'kura-test-key-0123456789abcdef0123',
  maxUploadBytes: 20 * 1024 * 1024,
  storageState: path.resolve(__dirname, '../.tmp/admin-state.json'),
} as const;

const TEST_AUTH_SECRET = 'kura-test-auth-secret-0123456789';

export const serverEnv = (dataDir: string, port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: String(port),
  KURA_DATA_DIR: dataDir,
  KURA_PUBLIC_URL: `http://127.0.0.1:${port}`,
  KURA_ADMIN_EMAIL: E2E.adminEmail,
  KURA_ADMIN_PASSWORD: E2E.adminPassword,
  KURA_API_KEY: E2E.apiKey,
  KURA_MAX_UPLOAD_BYTES: String(E2E.maxUploadBytes),
  // Test receivers and s3rver listen on 127.0.0.1 and are entered through the UI; tests of the guard set 0.
  KURA_ALLOW_PRIVATE_TARGETS: '1',
  // npm test's PostgreSQL pass: this data dir's own database (tests/support/test-database.mjs).
  // With KURA_DATABASE_URL, AUTH_SECRET must be given (instances share it).
  ...(testDatabaseUrl(dataDir)
    ? { KURA_DATABASE_URL: testDatabaseUrl(dataDir)!, AUTH_SECRET: process.env.AUTH_SECRET ?? TEST_AUTH_SECRET }
    : {}),
});
