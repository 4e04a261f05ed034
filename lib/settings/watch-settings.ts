import 'server-only';
import { listen } from '@/db';
import { forgetAllStorages } from '@/lib/storage-settings/configured-storages';
import { loadSettings, SETTINGS_CHANNEL } from './snapshot';

/** Keeps this instance's settings in step with changes made on any instance (bootstrap). */
export function watchSettings(): void {
  listen(SETTINGS_CHANNEL, () => {
    loadSettings()
      .then(forgetAllStorages)
      .catch((err) => console.error('[kura] could not read the settings again; will on the next change', err));
  });
}
