import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ByteRange, Storage } from './storage';

/**
 * Local disk: `{root}/objects/{key}`. Writes go to `{root}/tmp` on the same filesystem, are fsynced,
 * then renamed into place, so a reader or a crash never sees a partial object.
 */
export class LocalStorage implements Storage {
  readonly name = 'local';
  readonly keepsFileName = false;
  private readonly objects: string;
  private readonly tmp: string;

  constructor(root: string) {
    this.objects = path.join(root, 'objects');
    this.tmp = path.join(root, 'tmp');
  }

  newKey(mediaId: string): string {
    return `${mediaId.slice(0, 2)}/${mediaId}/${randomBytes(8).toString('hex')}`;
  }

  localPath(key: string): string {
    if (!/^[a-z0-9][a-z0-9/_.-]*$/.test(key) || key.includes('..')) throw new Error(`Invalid storage key: ${key}`);
    return path.join(this.objects, key);
  }

  async write(key: string, body: Readable): Promise<{ size: number }> {
    const target = this.localPath(key);
    await fs.promises.mkdir(this.tmp, { recursive: true });
    const temp = path.join(this.tmp, `${randomBytes(12).toString('hex')}.part`);
    // `flush` fsyncs before close: the bytes are durable before the rename makes them visible.
    const handle = await fs.promises.open(temp, 'wx', 0o644);
    const out = handle.createWriteStream({ flush: true, highWaterMark: 1024 * 1024 }); // closes the handle
    const behind = syncBehind(handle, out);
    try {
      await pipeline(body, out).finally(behind.stop);
      const created = await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(temp, target);
      // Make the rename durable, and every directory entry the mkdir created on the way.
      for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
        await syncDir(dir);
        if (!created || dir === path.dirname(created)) break;
      }
      return { size: out.bytesWritten };
    } catch (err) {
      await fs.promises.rm(temp, { force: true });
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.localPath(key);
    await fs.promises.access(file);
    return fs.createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }

  async remove(key: string): Promise<void> {
    const file = this.localPath(key);
    await fs.promises.rm(file, { force: true });
    await fs.promises.rmdir(path.dirname(file)).catch(() => {}); // only when empty
  }

  async sweepInterrupted(): Promise<void> {
    await fs.promises.rm(this.tmp, { recursive: true, force: true });
  }
}

/** Written bytes after which the disk is asked to catch up, while the upload goes on. */
const SYNC_EVERY_BYTES = 16 * 1024 * 1024;
const SYNC_CHECK_MS = 50;

/**
 * Starts the disk on a large file's bytes while it is still being received: an `fdatasync` on the thread pool for
 * every 16 MiB written, one at a time. Without it the kernel keeps the whole file in memory until the fsync at the
 * end (its writeback starts at 10 % of RAM or after 30 s), so a large upload paid receiving it and then writing it
 * to disk one after the other; now the two overlap, and the fsync at the end (`flush`) only has the tail left.
 * These early syncs are for speed only: a failed one is ignored, the final fsync decides.
 */
function syncBehind(handle: fs.promises.FileHandle, out: fs.WriteStream): { stop: () => void } {
  let synced = 0;
  let busy = false;
  const timer = setInterval(() => {
    const upTo = out.bytesWritten;
    if (busy || upTo - synced < SYNC_EVERY_BYTES) return;
    busy = true;
    handle.datasync().then(
      () => ((busy = false), (synced = upTo)),
      () => (busy = false),
    );
  }, SYNC_CHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function syncDir(dir: string) {
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
