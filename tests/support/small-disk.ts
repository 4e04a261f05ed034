import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A file system of `bytes` of its own (a size-limited tmpfs), for tests of a full disk: only root may mount one,
 * so elsewhere `why` says what is missing and the test skips. `fill` takes every free byte with a file of
 * other bytes (as a log or another program would), `unfill` gives them back.
 */
export function smallDisk(bytes: number) {
  const root = process.getuid?.() === 0;
  const why = root ? null : 'mounting a small file system for the disk-full cases needs root (tmpfs)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kura-small-disk-'));
  const filler = path.join(dir, 'filler.bin');
  return {
    why,
    dir,
    mount() {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir]);
    },
    unmount() {
      execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    freeBytes() {
      const s = fs.statfsSync(dir);
      return s.bavail * s.bsize;
    },
    /** Writes other bytes until the disk is full, leaving `leave` bytes free (whole 4 KiB blocks). */
    fill(leave = 0) {
      const fd = fs.openSync(filler, 'a');
      try {
        const chunk = Buffer.alloc(64 * 1024, 7);
        for (;;) {
          const room = this.freeBytes() - leave;
          if (room <= 0) break;
          try {
            fs.writeSync(fd, chunk, 0, Math.min(chunk.length, room));
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw err;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    unfill() {
      fs.rmSync(filler, { force: true });
    },
  };
}
