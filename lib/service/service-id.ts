import 'server-only';
import { transaction } from '@/db';
import { newServiceId } from '@/lib/ids';
import { loadSettings, setting, writeSetting } from '@/lib/settings/snapshot';

const KEY = 'service_id';

/** Makes the service id at first start (a second instance starting at once keeps the first one's). */
export async function ensureServiceId(): Promise<void> {
  await transaction((tx) => writeSetting(tx, KEY, newServiceId(), 'keep'));
  await loadSettings();
}

/** The service id: random, made at first start, never changed. */
export function serviceId(): string {
  const id = setting(KEY);
  if (!id) throw new Error('The service id is read before ensureServiceId() ran (it runs at start)');
  return id;
}
