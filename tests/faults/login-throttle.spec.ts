import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';

/** One login attempt as the login page makes it; the answer's error code or message, or 'ok'. */
async function attempt(
  baseURL: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const location = res.headers.get('location') ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? '';
  return new URL(location, baseURL).searchParams.get('error') ?? 'ok';
}

test(
  'failed-login counters survive a restart, and a ' + 'spoofed X-Forwarded-For does not change the client',
  async ({}, testInfo) => {
    test.setTimeout(180_000);
    const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3251));
    await server.start();
    try {
      // Ten failures, each claiming another client address in X-Forwarded-For: KURA_TRUST_PROXY is unset,
      // so they all count for the one socket address, and the pair is refused.
      for (let i = 0; i < 10; i++) {
        expect(
          await attempt(server.baseURL, E2E.adminEmail, `wrong ${i}`, { 'X-Forwarded-For': `203.0.113.${i + 1}` }),
        ).toBe('CredentialsSignin');
      }
      expect(
        await attempt(server.baseURL, E2E.adminEmail, E2E.adminPassword, { 'X-Forwarded-For': '198.51.100.7' }),
      ).toBe('Too many failed attempts: try again in 15 minutes');

      await server.kill('SIGTERM');
      await server.start();
      expect(await attempt(server.baseURL, E2E.adminEmail, E2E.adminPassword)).toMatch(
        /^Too many failed attempts: try again in 1[45] minutes$/,
      );
    } finally {
      await server.kill();
    }

    // Behind a trusted proxy the first hop is the client: another hop is another client.
    const proxied = new KuraServer(server.dataDir, testPort(3251), { KURA_TRUST_PROXY: '1' });
    await proxied.start();
    try {
      expect(
        await attempt(proxied.baseURL, E2E.adminEmail, E2E.adminPassword, {
          'X-Forwarded-For': '198.51.100.7, 10.0.0.1',
        }),
      ).toBe('ok');
    } finally {
      await proxied.kill();
    }
  },
);

test('KURA_ADMIN_PASSWORD shorter than 12 characters stops the start with a clear message', async ({}, testInfo) => {
  const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3252), {
    KURA_ADMIN_PASSWORD: 'short pass',
  });
  await expect(server.start()).rejects.toThrow();
  await server.kill();
  expect(server.output).toContain(
    'KURA_ADMIN_PASSWORD: too short (fewer than 12 characters); accepted: at least 12 characters',
  );
});

test('the session cookie is Secure when KURA_PUBLIC_URL is https', async ({}, testInfo) => {
  const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3253), {
    KURA_PUBLIC_URL: 'https://kura.example',
  });
  await server.start();
  try {
    const csrf = await fetch(`${server.baseURL}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${server.baseURL}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      },
      body: new URLSearchParams({ csrfToken, email: E2E.adminEmail, password: E2E.adminPassword, json: 'true' }),
    });
    const session = res.headers.getSetCookie().find((c) => /session-token=/.test(c));
    expect(session, res.headers.getSetCookie().join('\n')).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
  } finally {
    await server.kill();
  }
});
