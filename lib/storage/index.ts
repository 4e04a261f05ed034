import 'server-only';
import path from 'node:path';
import { config } from '@/lib/config';
import { LocalStorage } from './local';
import type { Storage } from './storage';

const globalForStorage = globalThis as unknown as { kuraStorages?: Map<string, Storage> };

function storages(): Map<string, Storage> {
  globalForStorage.kuraStorages ??= new Map([['local', new LocalStorage(path.join(config().dataDir, 'media'))]]);
  return globalForStorage.kuraStorages;
}

/** The storage new uploads go to. */
export const uploadStorage = (): Storage => storageNamed('local');

/** The storage a media row names. */
export function storageNamed(name: string): Storage {
  const storage = storages().get(name);
  if (!storage) throw new Error(`Unknown storage "${name}"`);
  return storage;
}

export const allStorages = (): Storage[] => [...storages().values()];
