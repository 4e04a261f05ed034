import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';

// Each test has a server of its own: "nothing left behind" is only provable with nothing else running.
test.describe.configure({ mode: 'serial' });

const BOUNDARY = '----kura-fault-test';

/** Starts a multipart upload by hand and sends `bytes` of the file, keeping the request open. */
function beginUpload(
  port: number,
  bytes: number,
  target: { method: string; path: string } = { method: 'POST', path: '/api/v1/media' },
) {
  const req = http.request({
    host: '127.0.0.1',
    port,
    ...target,
    headers: {
      'X-MICROCMS-API-KEY': E2E.apiKey,
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
      'Content-Length': String(bytes * 4),
    },
  });
  req.on('error', () => {}); // we cut it ourselves
  req.write(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; ` +
      `filename="cut.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  req.write(Buffer.alloc(bytes, 3));
  return req;
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function expectNothingStored(data: ReturnType<typeof inspect>) {
  expect(data.mediaRows()).toEqual([]);
  expect(data.objects()).toEqual([]);
  expect(data.temps()).toEqual([]);
  expect(data.journal()).toEqual([]);
}

test('413 over the limit leaves no row, no file and no temp file', async ({}, testInfo) => {
  const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3221));
  await server.start();
  try {
    for (const size of [E2E.maxUploadBytes + 1, E2E.maxUploadBytes * 2]) {
      const body = new FormData();
      body.append('file', new Blob([Buffer.alloc(size, 9)]), 'huge.bin');
      const res = await fetch(`${server.baseURL}/api/v1/media`, {
        method: 'POST',
        headers: { 'X-MICROCMS-API-KEY': E2E.apiKey },
        body,
      });
      expect(res.status).toBe(413);
    }
    expectNothingStored(inspect(server.dataDir));
  } finally {
    await server.kill('SIGTERM');
  }
});

test('a client that aborts mid-upload leaves no row and no file', async ({}, testInfo) => {
  const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3222));
  await server.start();
  const data = inspect(server.dataDir);
  try {
    const req = beginUpload(server.port, 3 * 1024 * 1024);
    await until(() => data.temps().length === 1, 'the upload to reach the disk');
    expect(data.journal()).toHaveLength(1); // in flight, journalled
    req.destroy();
    await until(() => data.temps().length === 0 && data.journal().length === 0, 'the aborted upload to be cleaned up');
    expectNothingStored(data);
    // And the server still works.
    const ok = await fetch(`${server.baseURL}/api/health`);
    expect(ok.status).toBe(200);
  } finally {
    await server.kill('SIGTERM');
  }
});

test(
  'a server killed with SIGKILL mid-upload restarts ' + 'with no half-written media and no temp file',
  async ({}, testInfo) => {
    const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3223));
    await server.start();
    const data = inspect(server.dataDir);
    const req = beginUpload(server.port, 3 * 1024 * 1024);
    await until(() => data.temps().length === 1, 'the upload to reach the disk');
    await server.kill('SIGKILL');
    req.destroy();
    // The crash left its traces: a temp file and a journalled upload.
    expect(data.temps()).toHaveLength(1);
    expect(data.journal()).toHaveLength(1);
    await server.start();
    try {
      expectNothingStored(data);
    } finally {
      await server.kill('SIGTERM');
    }
  },
);

test(
  'a re-upload whose connection drops halfway leaves ' + 'the old bytes served and the row unchanged',
  async ({}, testInfo) => {
    const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3224));
    await server.start();
    const data = inspect(server.dataDir);
    try {
      const original = Buffer.from('the original bytes of this file\n'.repeat(100));
      const body = new FormData();
      body.append('file', new Blob([original]), 'keep.txt');
      const created = await (
        await fetch(`${server.baseURL}/api/v1/media`, {
          method: 'POST',
          headers: { 'X-MICROCMS-API-KEY': E2E.apiKey },
          body,
        })
      ).json();
      const rowBefore = data.query('select * from media where id = ?', created.id);
      const objectsBefore = data.objects();

      const req = beginUpload(server.port, 3 * 1024 * 1024, {
        method: 'PUT',
        path: `/api/v1/media/${created.id}/file`,
      });
      await until(() => data.temps().length === 1, 'the re-upload to reach the disk');
      req.destroy();
      await until(() => data.temps().length === 0 && data.journal().length === 0, 'the cut re-upload to be cleaned up');

      expect(data.query('select * from media where id = ?', created.id)).toEqual(rowBefore);
      expect(data.objects()).toEqual(objectsBefore);
      const served = await fetch(created.url);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(original)).toBe(true);
    } finally {
      await server.kill('SIGTERM');
    }
  },
);
