// Design notes: docs/storage.md.
import type { Readable } from 'node:stream';

export type ByteRange = { start: number; end: number };

/**
 * What a bucket stores beside the bytes and sends whoever reads the object straight from it.
 * `contentDisposition: 'attachment'` keeps a browser from running an active file on the bucket's origin.
 */
export type ObjectMeta = { contentType: string; cacheControl?: string; contentDisposition?: string };

/**
 * Where media bytes live. Keys are opaque, written once and never overwritten: a re-upload writes a
 * new key and the old one is removed after the database commit. A write is atomic: readers see the
 * whole object or nothing, never a partial one. Making an object live together with its database
 * row is the caller's job (see lib/media/storage-journal.ts).
 */
export interface Storage {
  /** Recorded on each media row; media keeps the storage it was uploaded to. */
  readonly name: string;
  /** Whether keys carry the file name (a bucket with fixed file names): the name is part of the object's URL. */
  readonly keepsFileName: boolean;
  /** A key never used before for a new version of media `mediaId` named `fileName`. */
  newKey(mediaId: string, fileName: string): string;
  /** Streams `body` under `key`; resolves once every byte is durable and visible. */
  write(key: string, body: Readable, meta: ObjectMeta): Promise<{ size: number }>;
  /** The object's bytes, or the inclusive `range` of them. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the object; succeeds when it is already gone. */
  remove(key: string): Promise<void>;
  /**
   * The object's URL when readers may fetch it from the storage itself (a bucket with a public base URL), else null.
   */
  directUrl?(key: string): string | null;
  /** The key a direct URL names, when it is one of this storage's; null otherwise. */
  keyOfDirectUrl?(url: string): string | null;
  /** A path on this machine holding the object, when the storage has one (lets sharp seek). */
  localPath?(key: string): string;
  /** Cleans leftovers of writes a crash interrupted. Called at start, before any write. */
  sweepInterrupted(): Promise<void>;
}
