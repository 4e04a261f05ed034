import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CountingProxy } from '../support/counting-proxy';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';
import { S3Server } from '../support/s3-server';

// s3rver behind a proxy that counts the bytes it answers, and Kura storing uploads there.
test.describe.configure({ mode: 'serial' });

const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };
const s3 = new S3Server(testPort(3744), path.join(__dirname, '../.tmp/image-s3-bucket'));
const proxy = new CountingProxy(testPort(3745), { host: '127.0.0.1', port: testPort(3744) });
const server = new KuraServer(path.join(__dirname, '../.tmp/image-s3-data'), testPort(3244), {
  ...s3.env({ KURA_S3_ENDPOINT: proxy.endpoint }),
  KURA_MAX_INPUT_PIXELS: String(1_000_000),
});

async function upload(bytes: Buffer): Promise<MediaRecord & { message?: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), uniqueName('s3-original', 'png'));
  const res = await fetch(`${server.baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  const body = (await res.json()) as MediaRecord & { message?: string };
  expect(res.status, body.message).toBe(201);
  return body;
}

test.beforeAll(async () => {
  for (const dir of [server.dataDir, s3.dir]) fs.rmSync(dir, { recursive: true, force: true });
  await s3.start();
  await proxy.start();
  await server.start();
});
test.afterAll(async () => {
  await server.kill('SIGTERM');
  await proxy.stop();
  await s3.stop();
});

test('a transform of an S3 original over KURA_MAX_INPUT_PIXELS is refused without downloading it', async () => {
  const big = await upload(await png(1200, 1000)); // 1.2 million pixels, over the 1 million limit
  const [bigKey] = (await s3.objects()).map((o) => o.key);
  const small = await upload(await png(400, 300));
  const smallKey = (await s3.objects()).map((o) => o.key).find((k) => k !== bigKey)!;
  expect(bigKey).toBeDefined();
  expect(smallKey).toBeDefined();

  const refused = await fetch(`${big.url}?w=100`);
  expect(refused.status).toBe(413);
  expect(((await refused.json()) as { message: string }).message).toMatch(/too large to transform/);
  // The counter works: the small image's transform downloads its original, the big one's never did.
  const ok = await fetch(`${small.url}?w=100`);
  expect(ok.status).toBe(200);
  expect(proxy.getBytes(smallKey)).toBeGreaterThan(0);
  expect(proxy.getBytes(bigKey)).toBe(0);
});
