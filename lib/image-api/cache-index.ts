import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/** A hit refreshes the file's mtime at most this often, so the order survives a restart without a write per hit. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;
/** Eviction goes below the bound by this share, so one new variant does not trigger one eviction each. */
const EVICT_TO = 0.9;

type Entry = { bytes: number; usedAt: number };

/** A file's space on disk before it has been stat'ed: its length rounded up to whole 4 KiB blocks. */
export const allocatedBytes = (length: number) => Math.ceil(length / 4096) * 4096;

export interface CacheBounds {
  /** Disk space in allocated blocks (a 200-byte variant takes a 4 KiB block). */
  readonly maxBytes: number;
  /** Files: each also costs an inode and a directory entry, whatever its size. */
  readonly maxEntries: number;
}

/**
 * Least-recently-used accounting of the variant cache on disk. The index lives in memory: filled from
 * the files' allocated blocks and mtimes in the background at start, then kept by every hit and write.
 * When the total passes `maxBytes`, or the count `maxEntries`, the least recently used variants are
 * deleted until both are 10 % below.
 * A deleted variant is only rendered again when asked for; one being read while it is deleted is
 * still read whole (POSIX keeps an open file).
 */
export class CacheIndex {
  private readonly entries = new Map<string, Entry>();
  private total = 0;
  private evicting = false;
  private readonly loaded: Promise<void>;
  private isLoaded = false;
  private readonly startedAt = Date.now();

  constructor(
    private readonly root: string,
    private readonly bounds: CacheBounds,
    /** Told of every evicted file (the memory layer drops it too). */
    private readonly onEvict: (file: string) => void = () => {},
  ) {
    this.loaded = this.load()
      .then(() => void (this.isLoaded = true))
      .catch((err) => console.error('[kura] could not read the variant cache; it starts empty', err));
  }

  /**
   * False when the file is surely not on disk: the index has read the cache and knows no such file (a miss then
   * skips a file-system round trip). True while it is still reading, or when it knows the file.
   */
  mayHave(file: string): boolean {
    return !this.isLoaded || this.entries.has(file);
  }

  /** Bytes the index knows of (for tests and the bench). */
  get totalBytes() {
    return this.total;
  }

  hit(file: string, bytes: number) {
    const now = Date.now();
    const entry = this.entries.get(file);
    if (!entry) return this.add(file, bytes);
    if (now - entry.usedAt > TOUCH_EVERY_MS) fs.promises.utimes(file, new Date(now), new Date(now)).catch(() => {});
    entry.usedAt = now;
  }

  /** `bytes`: the space the file takes on disk (stat blocks × 512). */
  add(file: string, bytes: number) {
    const old = this.entries.get(file);
    this.total += bytes - (old?.bytes ?? 0);
    this.entries.set(file, { bytes, usedAt: Date.now() });
    if (this.over(1)) void this.evict();
  }

  /**
   * Deletes least recently used variants until `bytes` of disk space are free again (or the cache is empty), for a
   * write that needs the room more; resolves to the bytes freed.
   */
  async release(bytes: number): Promise<number> {
    await this.loaded;
    let freed = 0;
    const oldestFirst = [...this.entries].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [file, entry] of oldestFirst) {
      if (freed >= bytes) break;
      if (this.entries.get(file) !== entry) continue; // evicted or used again meanwhile
      await fs.promises.rm(file, { force: true });
      this.entries.delete(file);
      this.total -= entry.bytes;
      this.onEvict(file);
      freed += entry.bytes;
    }
    return freed;
  }

  private over(share: number) {
    return this.total > this.bounds.maxBytes * share || this.entries.size > this.bounds.maxEntries * share;
  }

  // Directories are left even when emptied: removing one could race a write of a new variant into it.
  private async evict() {
    if (this.evicting) return;
    this.evicting = true;
    try {
      await this.loaded;
      const oldestFirst = [...this.entries].sort((a, b) => a[1].usedAt - b[1].usedAt);
      for (const [file, entry] of oldestFirst) {
        if (!this.over(EVICT_TO)) break;
        await fs.promises.rm(file, { force: true });
        this.entries.delete(file);
        this.total -= entry.bytes;
        this.onEvict(file);
      }
    } catch (err) {
      console.error('[kura] variant cache eviction failed; will retry on the next write', err);
    } finally {
      this.evicting = false;
    }
  }

  /** Reads what a previous run left; temp files of a write interrupted by a crash are removed. */
  private async load() {
    for await (const file of walk(this.root)) {
      if (this.entries.has(file)) continue; // already used in this run
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) continue;
      if (file.endsWith('.tmp')) {
        if (stat.mtimeMs < this.startedAt) await fs.promises.rm(file, { force: true }); // not one being written now
        continue;
      }
      this.entries.set(file, { bytes: stat.blocks * 512, usedAt: stat.mtimeMs });
      this.total += stat.blocks * 512;
    }
    if (this.over(1)) await this.evict();
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const items = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const item of items) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) yield* walk(full);
    else if (item.isFile()) yield full;
  }
}
