import 'server-only';
import { config } from '@/lib/config';
import { makeRoom } from '@/lib/disk/room';
import { KuraError } from '@/lib/errors';
import type { ReceiveLimits } from '@/lib/http/receive-file';
import { uploadStorage } from '@/lib/storage-settings/configured-storages';
import { uploadLimitMessage } from './store-bytes';

/**
 * The upload limit (`KURA_MAX_UPLOAD_BYTES`) and its 413, and room on the data directory's disk for what the
 * request declares (507), for the upload routes to refuse a body before reading it. A bucket keeps its own room.
 */
export function uploadLimit(): ReceiveLimits {
  const maxBytes = config().KURA_MAX_UPLOAD_BYTES;
  return {
    maxBytes,
    tooLarge: () => new KuraError('too_large', uploadLimitMessage(maxBytes)),
    admit: async (declaredBytes) => {
      if (uploadStorage().localPath) await makeRoom(declaredBytes);
    },
  };
}
