import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { openTestDb } from '../support/sql';

// A server of its own with short limits (request timeout 1.5 s, upload rate window 1 s) so the
// test takes seconds, not minutes; serial because the tests share it and count what is stored.
test.describe.configure({ mode: 'serial' });

const BOUNDARY = 'kura-slow-client-boundary';
let server: KuraServer;

test.beforeAll(async ({}, testInfo) => {
  server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3271), {
    KURA_REQUEST_TIMEOUT_MS: '1500',
    KURA_UPLOAD_MIN_RATE_WINDOW_MS: '1000',
  });
  await server.start();
});
test.afterAll(async () => {
  await server?.kill('SIGTERM');
});

/**
 * Sends `head` at once, then one chunk every `everyMs` until the chunks run out or the server closes; resolves with all
 * it answered.
 */
function trickle(head: string, chunks: Buffer[], everyMs: number) {
  return new Promise<{ answer: string; unsent: number }>((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let answer = '';
    let closed = false;
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => {}); // a reset after the answer still resolves on close
    socket.once('close', () => {
      closed = true;
      resolve({ answer, unsent: chunks.length });
    });
    socket.once('connect', () => {
      socket.write(head);
      const next = () => {
        if (closed || socket.writableEnded) return;
        const chunk = chunks.shift();
        if (!chunk) return;
        socket.write(chunk);
        setTimeout(next, everyMs);
      };
      setTimeout(next, everyMs);
    });
    socket.setTimeout(60_000, () => reject(new Error(`no close after 60 s; answered so far: ${answer}`)));
  });
}

/** A multipart upload to POST /api/v1/media whose file is `size` bytes, sent in `chunkSize` pieces. */
function multipartUpload(name: string, size: number, chunkSize: number) {
  const open = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; ` +
      `filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const close = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const body = Buffer.concat([open, Buffer.alloc(size, 7), close]);
  const head =
    `POST /api/v1/media HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-MICROCMS-API-KEY: ${E2E.apiKey}\r\n` +
    (`Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ` +
      `${body.length}\r\nConnection: close\r\n\r\n`);
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += chunkSize) chunks.push(body.subarray(at, at + chunkSize));
  return { head, chunks };
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const messageOf = (answer: string) =>
  (JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { message: string }).message;

test(
  'an upload trickling below 16 KB/s is cut with 408 and ' + 'leaves no row, no object, no temp file, no journal entry',
  async () => {
    const data = inspect(server.dataDir);
    // 2 MiB at once (so Kura is writing it: journalled, a temp file on disk), then 1 KB every 250 ms: about 4 KB/s.
    const { head, chunks } = multipartUpload('trickle.bin', 3 * 1024 * 1024, 1024);
    const opening = 2 * 1024 * 1024;
    chunks.splice(0, opening / 1024, Buffer.concat(chunks.slice(0, opening / 1024)));
    const sent = trickle(head, chunks, 250);
    // Mid-upload: journalled and a temp file on disk. One connection for the whole poll: the window lasts about the
    // 1 s rate window, and a connection per read (a thread and a login on PostgreSQL) can miss it on a busy machine.
    const db = openTestDb(server.dataDir, { readonly: true });
    try {
      const journalled = () => db.all('select key from storage_journal').length;
      await expect
        .poll(() => [journalled(), data.temps().length], { intervals: [20], timeout: 10_000 })
        .toEqual([1, 1]);
    } finally {
      db.close();
    }
    const { answer, unsent } = await sent;
    expect(statusOf(answer)).toBe(408);
    expect(messageOf(answer)).toBe('The upload was slower than 16 KB/s over 1 s and was stopped; nothing was stored');
    expect(unsent).toBeGreaterThan(0);
    await expect.poll(() => data.temps().length + data.journal().length, { timeout: 10_000 }).toBe(0);
    expect(data.mediaRows()).toEqual([]);
    expect(data.objects()).toEqual([]);
  },
);

test('an upload above the minimum rate outlives the request timeout and is stored', async () => {
  const data = inspect(server.dataDir);
  // 64 KB every 250 ms (about 256 KB/s) for 768 KiB: about 3 s, twice the 1.5 s request timeout.
  const { head, chunks } = multipartUpload('steady.bin', 768 * 1024, 64 * 1024);
  const { answer } = await trickle(head, chunks, 250);
  expect(statusOf(answer)).toBe(201);
  expect(data.mediaNamed('steady.bin')).toHaveLength(1);
  expect(data.objects()).toHaveLength(1);
});

test('a slow body on a non-upload route is cut by the request timeout with 408', async () => {
  const body = Buffer.from(JSON.stringify({ title: 'slow' }).padEnd(200, ' '));
  const head =
    `POST /api/v1/blogs HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-MICROCMS-API-KEY: ${E2E.apiKey}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  // 10 bytes every 250 ms: the 200-byte body would take 5 s, over the 1.5 s timeout.
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += 10) chunks.push(body.subarray(at, at + 10));
  const { answer, unsent } = await trickle(head, chunks, 250);
  expect(statusOf(answer)).toBe(408);
  expect(messageOf(answer)).toBe('The request did not arrive within 2 s and was stopped');
  expect(unsent).toBeGreaterThan(0);
});
