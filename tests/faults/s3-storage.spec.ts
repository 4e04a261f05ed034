import http from 'node:http';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import sharp from 'sharp';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';
import { S3RVER_KEYS, S3Server, type BucketObject } from '../support/s3-server';
import { createApi, createMemberWithRole } from '../support/seed';

// Servers of their own (Kura on 3711–3713, s3rver on 3720–3722): bucket contents are asserted whole.
test.describe.configure({ mode: 'serial' });

const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };
const IMMUTABLE = 'public, max-age=31536000, immutable';
const MiB = 1024 * 1024;
const BUCKET_STORAGE = (s3: S3Server) => `s3:127.0.0.1:${s3.port}/${s3.bucket}`;
/** The sweeper every half second, so "the sweeper finishes it" is seen within a test. */
const FAST_SWEEP = { KURA_SWEEP_EVERY_MS: '500', KURA_MAX_UPLOAD_BYTES: String(64 * MiB) };

type Item = MediaRecord & { kuraUrl?: string; kuraVersionedUrl?: string; message?: string };

async function upload(baseURL: string, name: string, bytes: Buffer, type = 'application/octet-stream'): Promise<Item> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  const body = (await res.json()) as Item;
  expect(res.status, body.message).toBe(201);
  return body;
}

async function reupload(baseURL: string, id: string, name: string, bytes: Buffer, newUrl: boolean): Promise<Item> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${baseURL}/api/v1/media/${id}/file${newUrl ? '?newUrl=true' : ''}`, {
    method: 'PUT',
    headers: key,
    body: form,
  });
  const body = (await res.json()) as Item;
  expect(res.status, body.message).toBe(200);
  return body;
}

async function bytesAt(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

/** Deterministic, non-repeating bytes, so a wrong range or a mixed-up part shows. */
const pattern = (size: number, seed: number) => {
  const b = Buffer.alloc(Math.ceil(size / 4) * 4);
  for (let i = 0; i < b.length; i += 4) b.writeUInt32LE((Math.imul(i, 2654435761) + seed) >>> 0, i);
  return b.subarray(0, size);
};

async function login(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E.adminEmail);
  await page.getByLabel('Password').fill(E2E.adminPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/media$/);
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const storageOf = (data: ReturnType<typeof inspect>, id: string) =>
  data.query<{ storage: string; storage_key: string }>('select storage, storage_key from media where id = ?', id)[0];

type Servers = { s3: S3Server; server: KuraServer; data: ReturnType<typeof inspect> };

/** s3rver and a Kura server of this test's own (their output printed if the test fails), stopped afterwards. */
async function withServers(
  testInfo: TestInfo,
  ports: { s3: number; kura: number },
  env: (s3: S3Server) => Record<string, string>,
  body: (s: Servers) => Promise<void>,
) {
  const s3 = new S3Server(ports.s3, path.join(testInfo.outputDir, 's3'));
  const server = new KuraServer(path.join(testInfo.outputDir, 'data'), ports.kura, { ...env(s3), ...FAST_SWEEP });
  await s3.start();
  await server.start();
  let finished = false;
  try {
    await body({ s3, server, data: inspect(server.dataDir) });
    finished = true;
  } finally {
    if (!finished) console.log(`--- server output ---\n${server.output}`);
    await server.kill('SIGTERM');
    await s3.stop();
  }
}

/**
 * Every bucket object is a live media row's, with its type and the immutable Cache-Control. Rendered variants kept
 * in the bucket for other instances (`variants/…`; tests/faults/instances.spec.ts) are not media objects.
 */
function expectObjectsOf(all: BucketObject[], rows: { key: string; type: string }[]) {
  const objects = all.filter((o) => !/(^|\/)variants\//.test(o.key));
  expect(objects.map((o) => ({ key: o.key, contentType: o.contentType, cacheControl: o.cacheControl }))).toEqual(
    rows
      .map((r) => ({ key: r.key, contentType: r.type, cacheControl: IMMUTABLE }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  );
}

test('switched on in Media settings → Storage, every media operation works on S3 media beside local media', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await withServers(
    testInfo,
    { s3: testPort(3720), kura: testPort(3711) },
    () => ({}),
    async ({ s3, server, data }) => {
      const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1440, height: 900 } });
      try {
        // Before the switch: local disk.
        const localBytes = await png(40, 30);
        const before = await upload(server.baseURL, uniqueName('before', 'png'), localBytes, 'image/png');
        expect(storageOf(data, before.id).storage).toBe('local');
        expect(data.objects()).toHaveLength(1);

        const page = await context.newPage();
        await login(page);
        await page.goto('/media/settings/storage');
        await page.getByRole('radio', { name: 'Amazon S3 or an S3-compatible bucket' }).check();
        const fill = async (values: { bucket?: string; endpoint?: string; accessKeyId?: string; secret?: string }) => {
          await page.getByRole('textbox', { name: 'Bucket', exact: true }).fill(values.bucket ?? s3.bucket);
          await page.getByRole('textbox', { name: 'Region', exact: true }).fill('us-east-1');
          await page.getByRole('textbox', { name: 'Endpoint', exact: true }).fill(values.endpoint ?? s3.endpoint);
          await page.getByLabel('Path-style addressing').check();
          await page
            .getByRole('textbox', { name: 'Access key ID', exact: true })
            .fill(values.accessKeyId ?? S3RVER_KEYS.accessKeyId);
          await page.getByLabel('Secret access key').fill(values.secret ?? S3RVER_KEYS.secretAccessKey);
        };
        const testResult = page.getByRole('status', { name: 'Connection test result' });
        const runTest = async () => {
          await page.getByRole('button', { name: 'Test connection' }).click();
          await expect(testResult).not.toBeEmpty();
          return testResult;
        };

        // The connection test names the step and the cause.
        await fill({ accessKeyId: 'NOT-A-KEY', secret: 'wrong' });
        await expect(await runTest()).toHaveText(
          'Writing the probe object failed: the credentials were refused ' +
            '(InvalidAccessKeyId): check the access key id and secret.',
        );
        await fill({ bucket: 'no-such-bucket' });
        await expect(await runTest()).toHaveText(
          `Writing the probe object failed: the bucket "no-such-bucket" ` +
            `does not exist at ${s3.endpoint} (NoSuchBucket).`,
        );
        await fill({ endpoint: `http://127.0.0.1:${testPort(3729)}` });
        await expect(await runTest()).toHaveText(
          `Writing the probe object failed: the endpoint ` +
            `http://127.0.0.1:${testPort(3729)} could not be reached (ECONNREFUSED).`,
        );
        // Save tests first and refuses a bucket that does not work.
        await page.getByRole('button', { name: 'Save' }).click();
        await expect(page.getByRole('status', { name: 'Save result' })).toHaveText(
          /^Not switched on: Writing the probe object failed: the endpoint .* could not be reached/,
        );
        expect(data.query("select key from settings where key like 'storage.%'")).toEqual([]);

        // s3rver checks the access key id but not SigV4 signatures: any secret passes, so this one is ours to look for.
        const secret = 'kura-secret-never-stored-in-clear';
        await fill({ secret });
        await expect(await runTest()).toHaveText(
          `Connected: wrote, read back and deleted a probe object in "${s3.bucket}" at ${s3.endpoint}.`,
        );
        await page.getByRole('button', { name: 'Save' }).click();
        await expect(page.getByRole('status', { name: 'Save result' })).toContainText(
          'New uploads are stored in this bucket',
        );
        await expect(page.getByRole('list', { name: 'Storages holding media' })).toContainText('local disk');
        await page.screenshot({ path: 'tests/.tmp/screenshots/s3-storage-settings.png', fullPage: true });
        expect(await s3.objects()).toEqual([]); // the probes were deleted
        // The secret is sealed at rest, never stored or shown as typed.
        const stored = data.query<{ value: string }>("select value from settings where key like 'storage.s3:%'")[0]
          .value;
        expect(stored).not.toContain(secret);
        expect(JSON.parse(stored).secretSealed).toMatch(/^v1\./);
        await page.reload();
        await expect(page.getByLabel('Secret access key')).toHaveValue('');
        await expect(page.getByLabel('Secret access key')).toHaveAttribute(
          'placeholder',
          'Stored — leave empty to keep it',
        );

        // Upload through the UI: into the bucket, with its type and Cache-Control.
        await page.goto('/media');
        const uiName = uniqueName('ui', 'png');
        const uiBytes = await png(64, 48);
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        await (await chooser).setFiles({ name: uiName, mimeType: 'image/png', buffer: uiBytes });
        await expect(page.getByRole('listitem', { name: `Upload of ${uiName}` })).toContainText('Uploaded');
        const [{ id: uiId }] = data.mediaNamed(uiName);
        const ui = storageOf(data, uiId);
        expect(ui.storage).toBe(BUCKET_STORAGE(s3));
        expect(ui.storage_key).toMatch(new RegExp(`^${uiId.slice(0, 2)}/${uiId}/[0-9a-f]{16}$`));

        // Upload through the API: 12 MiB, so a multipart upload of two parts.
        const bigBytes = pattern(12 * MiB + 123, 7);
        const big = await upload(server.baseURL, uniqueName('big', 'bin'), bigBytes);
        const bigKey = storageOf(data, big.id).storage_key;
        expectObjectsOf(await s3.objects(), [
          { key: ui.storage_key, type: 'image/png' },
          { key: bigKey, type: 'application/octet-stream' },
        ]);
        expect((await s3.bytes(bigKey)).equals(bigBytes)).toBe(true);
        expect(data.objects()).toHaveLength(1); // only the local media is on disk

        // Delivery from the bucket: bytes, Range, HEAD, Image API.
        const whole = await bytesAt(big.url);
        expect(whole.res.status).toBe(200);
        expect(whole.res.headers.get('content-length')).toBe(String(bigBytes.length));
        expect(whole.body.equals(bigBytes)).toBe(true);
        const ranged = await bytesAt(big.url, { Range: 'bytes=8388600-8388709' });
        expect(ranged.res.status).toBe(206);
        expect(ranged.res.headers.get('content-range')).toBe(`bytes 8388600-8388709/${bigBytes.length}`);
        expect(ranged.body.equals(bigBytes.subarray(8388600, 8388710))).toBe(true);
        const uiRecord = (await (
          await fetch(`${server.baseURL}/api/v1/media/${uiId}`, { headers: key })
        ).json()) as Item;
        expect(uiRecord.url).toContain(`/assets/`);
        expect(uiRecord.kuraUrl).toBeUndefined();
        const variant = await bytesAt(`${uiRecord.url}?w=16&fm=webp`);
        expect(variant.res.status).toBe(200);
        expect(variant.res.headers.get('content-type')).toBe('image/webp');
        expect(await sharp(variant.body).metadata()).toMatchObject({ format: 'webp', width: 16, height: 12 });

        // Mixed storage: the local media keeps working beside it, originals and Image API alike.
        const local = await bytesAt(before.url);
        expect(local.body.equals(localBytes)).toBe(true);
        expect((await bytesAt(`${before.url}?w=20&fm=png`)).res.status).toBe(200);
        await page.goto(`/media?selected=${before.id}`);
        await expect(page.getByTestId('panel-file-name')).toHaveText(before.fileName);

        // Rename: same object, new URL, old URL 404.
        const renamedName = uniqueName('renamed', 'png');
        const renamed = await fetch(`${server.baseURL}/api/v1/media/${uiId}`, {
          method: 'PATCH',
          headers: { ...key, 'Content-Type': 'application/json' },
          body: JSON.stringify({ fileName: renamedName }),
        });
        expect(renamed.status).toBe(200);
        const renamedRecord = (await renamed.json()) as Item;
        expect((await fetch(uiRecord.url)).status).toBe(404);
        expect((await bytesAt(renamedRecord.url)).body.equals(uiBytes)).toBe(true);
        expect(storageOf(data, uiId).storage_key).toBe(ui.storage_key);

        // Re-upload, same URL: a new object, the old one gone, new bytes served under the same URL.
        const bigBytes2 = pattern(3 * MiB, 99);
        const replaced = await reupload(server.baseURL, big.id, 'ignored.bin', bigBytes2, false);
        expect(replaced.url).toBe(big.url);
        const bigKey2 = storageOf(data, big.id).storage_key;
        expect(bigKey2).not.toBe(bigKey);
        expect((await bytesAt(big.url)).body.equals(bigBytes2)).toBe(true);

        // Re-upload with a new URL: a new id and key, the old URL and object gone.
        const uiBytes2 = await png(30, 30);
        const moved = await reupload(server.baseURL, uiId, uniqueName('moved', 'png'), uiBytes2, true);
        expect(moved.id).not.toBe(uiId);
        expect((await fetch(renamedRecord.url)).status).toBe(404);
        const movedKey = storageOf(data, moved.id).storage_key;
        expect(movedKey).toMatch(new RegExp(`^${moved.id.slice(0, 2)}/${moved.id}/`));
        expect((await bytesAt(moved.url)).body.equals(uiBytes2)).toBe(true);
        // The same-URL re-upload kept big's earlier bytes as a version; the new-URL one removed ui's.
        await until(async () => (await s3.objects()).length === 3, 'the replaced object to be removed');
        const withVersion = [
          { key: bigKey, type: 'application/octet-stream' },
          { key: bigKey2, type: 'application/octet-stream' },
          { key: movedKey, type: 'image/png' },
        ];
        expectObjectsOf(await s3.objects(), withVersion);

        // Delete one: it goes to Trash, its objects stay in the bucket until it is deleted permanently (with its
        // versions).
        const del = await fetch(`${server.baseURL}/api/v2/media?url=${encodeURIComponent(big.url)}`, {
          method: 'DELETE',
          headers: key,
        });
        expect(del.status).toBe(200);
        expect((await fetch(big.url)).status).toBe(404);
        expectObjectsOf(await s3.objects(), withVersion);
        const purged = await fetch(`${server.baseURL}/api/v1/media/trash/${big.id}`, {
          method: 'DELETE',
          headers: key,
        });
        expect(purged.status).toBe(200);
        expectObjectsOf(await s3.objects(), [{ key: movedKey, type: 'image/png' }]);

        // Delete all (Media settings): the bucket and the local disk are both emptied.
        await upload(server.baseURL, uniqueName('extra', 'txt'), Buffer.from('one more in the bucket\n'), 'text/plain');
        await page.goto('/media/settings');
        const section = page.getByRole('region', { name: 'Delete all media' });
        await section
          .getByLabel('Type the service id to confirm')
          .fill((await section.getByTestId('service-id').textContent())!.trim());
        await section.getByRole('button', { name: 'Delete all media' }).click();
        await page.getByRole('dialog', { name: 'Delete all media?' }).getByRole('button', { name: 'Delete' }).click();
        await expect(section.getByRole('status')).toContainText('Deleted 3 media.');
        expect(data.mediaRows()).toEqual([]);
        // In Trash, bytes kept; deleting them permanently empties the bucket and the local disk.
        expect((await s3.objects()).length).toBeGreaterThan(0);
        const trashed = await (await fetch(`${server.baseURL}/api/v1/media/trash?limit=100`, { headers: key })).json();
        expect(trashed.totalCount).toBe(3);
        for (const item of trashed.items as { id: string }[]) {
          const gone = await fetch(`${server.baseURL}/api/v1/media/trash/${item.id}`, {
            method: 'DELETE',
            headers: key,
          });
          expect(gone.status).toBe(200);
        }
        expect(await s3.objects()).toEqual([]);
        expect(data.objects()).toEqual([]);
        expect(data.journal()).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

test('KURA_S3_* with a public base URL and fixed file names: read-only settings, direct URLs, names kept', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  // s3rver serves objects at path-style URLs, as a public bucket would
  const bucketUrl = (s3: S3Server) => `${s3.endpoint}/${s3.bucket}`;
  const envSecret = 'env-secret-that-must-stay-masked'; // s3rver does not check SigV4 secrets
  const env = (s3: S3Server) =>
    s3.env({
      KURA_S3_PUBLIC_URL: bucketUrl(s3),
      KURA_S3_FIX_FILE_NAMES: '1',
      KURA_S3_PREFIX: 'media/',
      KURA_S3_SECRET_ACCESS_KEY: envSecret,
    });
  await withServers(testInfo, { s3: testPort(3721), kura: testPort(3712) }, env, async ({ s3, server, data }) => {
    const publicUrl = bucketUrl(s3);
    const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1440, height: 900 } });
    try {
      const name = uniqueName('direct photo', 'png');
      const bytes = await png(50, 40);
      const item = await upload(server.baseURL, name, bytes, 'image/png');
      const { storage, storage_key } = storageOf(data, item.id);
      expect(storage).toBe(BUCKET_STORAGE(s3));
      expect(storage_key).toMatch(new RegExp(`^media/${item.id}/[0-9a-f]{8}/${name.replace(/[.]/g, '\\.')}$`));
      // The delivery URL points at the bucket, named by the key; Kura's own URL is given beside it for the Image API.
      expect(item.url).toBe(`${publicUrl}/${storage_key.split('/').map(encodeURIComponent).join('/')}`);
      expect(item.kuraUrl).toBe(
        `${server.baseURL}/assets/${item.kuraUrl!.split('/')[4]}/${item.id}/${encodeURIComponent(name)}`,
      );
      const direct = await bytesAt(item.url);
      expect(direct.res.status).toBe(200);
      expect(direct.body.equals(bytes)).toBe(true);
      expect(direct.res.headers.get('content-type')).toBe('image/png');
      expect(direct.res.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(direct.res.headers.get('content-disposition')).toBeNull();
      // The bucket cannot sandbox a page as Kura's delivery does: an active file is stored to download, never to
      // render.
      for (const [activeName, activeBytes] of [
        [
          uniqueName('page', 'html'),
          '<!doctype html><html><body><script>document.title = "ran"</script></body></html>',
        ],
        [
          uniqueName('drawing', 'svg'),
          '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script></svg>',
        ],
      ]) {
        const active = await upload(server.baseURL, activeName, Buffer.from(activeBytes), 'text/html');
        expect(active.url.startsWith(`${publicUrl}/`)).toBe(true);
        const fromBucket = await bytesAt(active.url);
        expect(fromBucket.res.status).toBe(200);
        expect(fromBucket.res.headers.get('content-disposition')).toBe('attachment');
        expect(fromBucket.body.toString()).toBe(activeBytes);
        const removed = await fetch(
          `${server.baseURL}/api/v2/media?url=${encodeURIComponent(active.url)}&permanent=true`,
          {
            method: 'DELETE',
            headers: key,
          },
        );
        expect(removed.status).toBe(200);
      }
      await until(async () => (await s3.objects()).length === 1, 'the active files to be removed');
      expect((await bytesAt(item.kuraUrl!)).body.equals(bytes)).toBe(true);
      const variant = await bytesAt(`${item.kuraUrl}?w=10&fm=png`);
      expect(await sharp(variant.body).metadata()).toMatchObject({ format: 'png', width: 10, height: 8 });

      // Fixed file names: no rename; a "new URL" re-upload keeps the name.
      const rename = await fetch(`${server.baseURL}/api/v1/media/${item.id}`, {
        method: 'PATCH',
        headers: { ...key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ fileName: 'other.png' }),
      });
      expect(rename.status).toBe(400);
      expect(((await rename.json()) as { message: string }).message).toBe(
        `fileName: ${name} is kept in an S3 bucket with fixed file names, ` +
          `where the name is part of its URL, so it cannot be renamed`,
      );
      const moved = await reupload(server.baseURL, item.id, 'a different name.png', await png(20, 20), true);
      expect(moved.fileName).toBe(name);
      expect(storageOf(data, moved.id).storage_key).toMatch(new RegExp(`^media/${moved.id}/[0-9a-f]{8}/`));
      // Content may hold the direct URL (it is recognised as this media)...
      createApi(server.dataDir, 'posts', [{ id: 'body', name: 'Body', kind: 'richEditor' }]);
      const json = { ...key, 'Content-Type': 'application/json' };
      const post = await fetch(`${server.baseURL}/api/v1/posts`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ body: `<p><img src="${moved.url}"></p>` }),
      });
      expect(post.status).toBe(201);
      const postUrl = `${server.baseURL}/api/v1/posts/${((await post.json()) as { id: string }).id}`;
      // ...which names one version: after a "same URL" re-upload the record's url is the new object's, and content
      // follows.
      const again = await reupload(server.baseURL, moved.id, 'ignored.png', await png(24, 24), false);
      expect(again.fileName).toBe(name);
      expect(again.url).not.toBe(moved.url);
      expect(again.kuraUrl).toBe(moved.kuraUrl);
      const body = ((await (await fetch(postUrl, { headers: key })).json()) as { body: string }).body;
      expect(body).toContain(`src="${again.url}"`);
      expect(body).not.toContain(moved.url);
      expect((await fetch(postUrl, { method: 'DELETE', headers: key })).status).toBe(202);
      // What the first upload held is gone with the new-URL re-upload; the same-URL one kept its bytes as a version.
      await until(async () => (await s3.objects()).length === 2, 'the replaced object to be removed');
      expect((await s3.objects()).find((o) => o.key === storageOf(data, moved.id).storage_key)).toMatchObject({
        key: storageOf(data, moved.id).storage_key,
        contentType: 'image/png',
        cacheControl: IMMUTABLE,
      });
      // The direct URL is accepted where a delivery URL is (here: delete by URL, permanently).
      const del = await fetch(`${server.baseURL}/api/v2/media?url=${encodeURIComponent(again.url)}&permanent=true`, {
        method: 'DELETE',
        headers: key,
      });
      expect(del.status).toBe(200);
      expect(await s3.objects()).toEqual([]);

      // The Storage page shows the environment's values read-only, the secret masked; the panel explains the URLs.
      const shown = await upload(server.baseURL, uniqueName('panel', 'png'), await png(80, 60), 'image/png');
      const page = await context.newPage();
      await login(page);
      await page.goto('/media/settings/storage');
      await expect(page.getByTestId('env-bucket')).toHaveText(s3.bucket);
      await expect(page.getByTestId('env-endpoint')).toHaveText(s3.endpoint);
      await expect(page.getByTestId('env-secret-access-key')).toHaveText('••••••••');
      expect(await page.content()).not.toContain(envSecret);
      await expect(page.getByRole('textbox')).toHaveCount(0);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByRole('status', { name: 'Connection test result' })).toHaveText(
        /^Connected: wrote, read back and deleted a probe object/,
      );
      await page.screenshot({ path: 'tests/.tmp/screenshots/s3-storage-env.png', fullPage: true });

      await page.goto(`/media?selected=${shown.id}`);
      await expect(page.getByLabel('Delivery URL')).toHaveValue(shown.url);
      await expect(page.getByLabel('Kura URL')).toHaveValue(shown.kuraUrl!);
      await expect(page.getByText('the Image API does not apply to this URL')).toBeVisible();
      await page.getByRole('button', { name: 'Image API preview' }).click();
      await expect(page.getByTestId('image-api-bucket-note')).toBeVisible();
      await expect(page.getByRole('img', { name: 'Result of w=300' })).toHaveAttribute(
        'src',
        `${shown.kuraVersionedUrl}&w=300`,
      );
      await page.screenshot({ path: 'tests/.tmp/screenshots/s3-direct-panel.png', fullPage: true });

      // Anyone but an Administrator gets a 404 for the Storage page.
      const editor = { email: 'editor@kura.test', password: 'editor password 123' };
      await createMemberWithRole(server.dataDir, editor, { mediaRead: 'all', mediaDelete: true, content: {} });
      const other = await browser.newContext({ baseURL: server.baseURL });
      const editorPage = await other.newPage();
      await editorPage.goto('/login');
      await editorPage.getByLabel('Email').fill(editor.email);
      await editorPage.getByLabel('Password').fill(editor.password);
      await editorPage.getByRole('button', { name: 'Log in' }).click();
      await expect(editorPage).toHaveURL(/\/media$/);
      expect((await editorPage.goto('/media/settings/storage'))?.status()).toBe(404);
      await other.close();
    } finally {
      await context.close();
    }
  });
});

/** Starts a multipart upload by hand and sends `first` bytes of the file, keeping the request open. */
function beginUpload(port: number, total: number, first: number) {
  const boundary = '----kura-s3-fault';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
    `filename="cut.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  let rest = () => {};
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/media',
      headers: {
        ...key,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(head.length + total + tail.length),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        req.destroy(); // no idle keep-alive connection to hold the server's shutdown
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.write(head);
    req.write(pattern(first, 5));
    rest = () => {
      req.write(pattern(total - first, 6));
      req.end(tail);
    };
  });
  return { answer, finish: () => rest() };
}

test(
  'S3 stopped mid-upload and during a delete: a clear error ' +
    'and no row; the sweeper finishes the delete when it returns',
  async ({}, testInfo) => {
    test.setTimeout(120_000);
    await withServers(
      testInfo,
      { s3: testPort(3722), kura: testPort(3713) },
      (s3) => s3.env(),
      async ({ s3, server, data }) => {
        const kept = await upload(
          server.baseURL,
          uniqueName('kept', 'txt'),
          Buffer.from('already in the bucket\n'),
          'text/plain',
        );
        const rowsBefore = data.query('select * from media');
        const objectsBefore = await s3.objects();

        // Mid-upload: the request is under way (journalled) when the bucket goes away.
        const upload1 = beginUpload(server.port, 20 * MiB, 10 * MiB);
        await until(() => data.journal().length === 1, 'the upload to start');
        await s3.stop();
        upload1.finish();
        const answer = await upload1.answer;
        expect(answer.status).toBe(503);
        expect(JSON.parse(answer.body).message).toBe(
          `The file could not be stored in the S3 bucket "${s3.bucket}": ` +
            `the endpoint ${s3.endpoint} could not be reached (ECONNREFUSED)`,
        );
        expect(data.query('select * from media')).toEqual(rowsBefore);
        // While the bucket is away its media cannot be read, and says so.
        expect((await fetch(kept.url)).status).toBe(500);

        await s3.start();
        await until(() => data.journal().length === 0, 'the sweeper to clear the failed upload');
        expect(await s3.objects()).toEqual(objectsBefore);
        expect(data.query('select * from media')).toEqual(rowsBefore);
        expect((await bytesAt(kept.url)).body.toString()).toBe('already in the bucket\n');

        // During a permanent delete: the row goes at once (URL 404), the object's removal waits in the journal.
        const doomedKey = storageOf(data, kept.id).storage_key;
        await s3.stop();
        const del = await fetch(`${server.baseURL}/api/v2/media?url=${encodeURIComponent(kept.url)}&permanent=true`, {
          method: 'DELETE',
          headers: key,
        });
        expect(del.status).toBe(200);
        expect((await fetch(kept.url)).status).toBe(404);
        expect(data.mediaRows()).toEqual([]);
        expect(data.journal()).toEqual([{ key: doomedKey, reason: 'garbage' }]);
        await s3.start();
        await until(() => data.journal().length === 0, 'the sweeper to finish the delete');
        expect(await s3.objects()).toEqual([]);
      },
    );
  },
);
