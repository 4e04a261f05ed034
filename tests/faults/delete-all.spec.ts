import path from 'node:path';
import { expect, test } from '@playwright/test';
import { inspect } from '../support/data-dir';
import { E2E, testPort } from '../support/env';
import { KuraServer } from '../support/kura-server';
import { png, uniqueName, type MediaRecord } from '../support/media';
import { createApi } from '../support/seed';

const key = { 'X-MICROCMS-API-KEY': E2E.apiKey };

async function upload(baseURL: string, name: string): Promise<MediaRecord> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await png(16, 16))], { type: 'image/png' }), name);
  const res = await fetch(`${baseURL}/api/v1/media`, { method: 'POST', headers: key, body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as MediaRecord;
}

// A server of its own: on the shared one, "delete all" would delete the media of every other test.
test(
  'Delete all media from Media settings moves what no content uses to Trash and keeps (and counts) ' +
    'what content uses; Trash restores one and deletes one permanently',
  async ({ browser }, testInfo) => {
    const server = new KuraServer(path.join(testInfo.outputDir, 'data'), testPort(3226));
    await server.start();
    const data = inspect(server.dataDir);
    const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1440, height: 900 } });
    let finished = false;
    try {
      const [used, spare1, spare2] = [
        await upload(server.baseURL, uniqueName('used', 'png')),
        await upload(server.baseURL, uniqueName('spare', 'png')),
        await upload(server.baseURL, uniqueName('spare', 'png')),
      ];
      createApi(server.dataDir, 'posts', [
        { id: 'title', name: 'Title', kind: 'text' },
        { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
      ]);
      const post = await fetch(`${server.baseURL}/api/v1/posts`, {
        method: 'POST',
        headers: { ...key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'keeps its eyecatch', eyecatch: used.url }),
      });
      expect(post.status).toBe(201);

      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('Email').fill(E2E.adminEmail);
      await page.getByLabel('Password').fill(E2E.adminPassword);
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page).toHaveURL(/\/media$/);

      await page.goto('/media/settings');
      const section = page.getByRole('region', { name: 'Delete all media' });
      const serviceId = (await section.getByTestId('service-id').textContent())!.trim();
      expect(serviceId).toBe(new URL(used.url).pathname.split('/')[2]);
      const button = section.getByRole('button', { name: 'Delete all media' });
      await expect(button).toBeDisabled();
      await section.getByLabel('Type the service id to confirm').fill(serviceId);
      await button.click();
      const confirm = page.getByRole('dialog', { name: 'Delete all media?' });
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await expect(confirm).toBeHidden();
      await expect(section.getByRole('status')).toContainText('Deleted 2 media. Kept 1 because content uses them.');
      await expect(section.getByRole('list', { name: 'Kept media' }).getByRole('listitem')).toHaveText([
        `${used.fileName} — used by 1 content item`,
      ]);
      await page.screenshot({ path: 'tests/.tmp/screenshots/delete-all.png', fullPage: true });

      expect((await fetch(used.url)).status).toBe(200);
      for (const gone of [spare1, spare2]) expect((await fetch(gone.url)).status).toBe(404);
      expect(data.mediaRows().map((r) => r.id)).toEqual([used.id]);
      // Deleted media waits in Trash, bytes kept: Restore brings one back, Delete permanently removes the other.
      expect(data.objects().length).toBe(3);
      await page.goto('/media/settings');
      await page.getByRole('link', { name: 'Open Trash' }).click();
      await expect(page).toHaveURL(/\/media\/settings\/trash$/);
      const trash = page.getByRole('region', { name: 'Media in Trash' });
      for (const gone of [spare1, spare2])
        await expect(trash.getByRole('row').filter({ hasText: gone.fileName })).toContainText('Administrator');
      await page.screenshot({ path: 'tests/.tmp/screenshots/trash.png', fullPage: true });
      await trash.getByRole('button', { name: `Restore ${spare1.fileName}` }).click();
      await expect(trash.getByRole('status')).toHaveText(`Restored ${spare1.fileName}`);
      await expect(trash.getByRole('row').filter({ hasText: spare1.fileName })).toHaveCount(0);
      expect((await fetch(spare1.url)).status).toBe(200);
      await trash.getByRole('button', { name: `Delete ${spare2.fileName} permanently` }).click();
      const sure = page.getByRole('dialog', { name: `Delete ${spare2.fileName} permanently?` });
      await sure.getByRole('button', { name: 'Delete' }).click();
      await expect(trash.getByRole('status')).toHaveText(`Deleted ${spare2.fileName} permanently`);
      await expect(trash.getByText('Trash is empty.')).toBeVisible();
      expect(
        data
          .mediaRows()
          .map((r) => r.id)
          .sort(),
      ).toEqual([used.id, spare1.id].sort());
      await expect.poll(() => data.objects().length).toBe(2);
      finished = true;
    } finally {
      if (!finished) console.log(`--- server output ---\n${server.output}`);
      await context.close();
      await server.kill('SIGTERM');
    }
  },
);
