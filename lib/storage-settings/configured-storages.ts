import 'server-only';
import path from 'node:path';
import { config } from '@/lib/config';
import { privateTargetsAllowed } from '@/lib/net/target-guard';
import { processSingleton } from '@/lib/process-singleton';
import { LocalStorage } from '@/lib/storage/local';
import { S3Storage } from '@/lib/storage/s3';
import { envS3Location, s3StorageName } from '@/lib/storage/s3-config';
import type { Storage } from '@/lib/storage/storage';
import { allS3Configs, locationOf, readS3Config } from './s3-configs';
import { uploadTargetName } from './upload-target';

// Built on first use and kept per process; a changed S3 configuration is forgotten and built again.
const storages = () =>
  processSingleton(
    'storages',
    () => new Map<string, Storage>([['local', new LocalStorage(path.join(config().dataDir, 'media'))]]),
  );

/** The storage new uploads go to. */
export const uploadStorage = (): Storage => storageNamed(uploadTargetName());

/** The storage a media row names. */
export function storageNamed(name: string): Storage {
  const known = storages().get(name);
  if (known) return known;
  const env = envS3Location();
  const stored = env && s3StorageName(env) === name ? null : readS3Config(name);
  const location = env && s3StorageName(env) === name ? env : stored && locationOf(stored);
  if (!location) throw new Error(`Unknown storage "${name}"`);
  // Only a bucket entered in Media settings is held to public addresses; KURA_S3_* is the operator's.
  const storage = new S3Storage(name, location, !!stored && stored.source !== 'env' && !privateTargetsAllowed());
  storages().set(name, storage);
  return storage;
}

/** The storage a media row names, or null for a storage no longer configured (or whose secret no longer opens). */
export function configuredStorage(name: string): Storage | null {
  try {
    return storageNamed(name);
  } catch {
    return null;
  }
}

/** After settings changed on another instance: each storage's next use reads its configuration again. */
export function forgetAllStorages(): void {
  for (const name of storages().keys()) if (name !== 'local') storages().delete(name);
}

/** After its configuration changed: the next use connects with the new one. */
export function forgetStorage(name: string): void {
  storages().delete(name);
}

/** Every configured storage; one whose secret no longer opens (AUTH_SECRET changed) is logged and left out. */
export function allStorages(): Storage[] {
  const env = envS3Location();
  const names = new Set(['local', ...allS3Configs().keys(), ...(env ? [s3StorageName(env)] : [])]);
  return [...names].flatMap((name) => {
    try {
      return [storageNamed(name)];
    } catch (err) {
      console.error(`[kura] storage ${name} is not usable`, err);
      return [];
    }
  });
}

/** The buckets with a public base URL: their objects may be named by direct URLs. */
export const directUrlStorages = (): Storage[] => allStorages().filter((s) => isS3(s) && !!s.location.publicUrl);

// Not `instanceof`: storages are shared across Next's bundles (processSingleton), each with its own copy of the class.
export const isS3 = (s: Storage): s is S3Storage => s.name.startsWith('s3:');
