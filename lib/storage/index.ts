import 'server-only';
import path from 'node:path';
import { config } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { LocalStorage } from './local';
import type { Storage } from './storage';

const storages = () => processSingleton('storages', () => new Map<string, Storage>([['local', new LocalStorage(path.join(config().dataDir, 'media'))]]));

/** The storage new uploads go to. */
export const uploadStorage = (): Storage => storageNamed('local');

/** The storage a media row names. */
export function storageNamed(name: string): Storage {
  const storage = storages().get(name);
  if (!storage) throw new Error(`Unknown storage "${name}"`);
  return storage;
}

export const allStorages = (): Storage[] => [...storages().values()];
