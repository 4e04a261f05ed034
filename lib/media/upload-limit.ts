import 'server-only';
import { config } from '@/lib/config';
import { KuraError } from '@/lib/errors';
import { uploadLimitMessage } from './store-bytes';

/** The upload limit (`KURA_MAX_UPLOAD_BYTES`) and its 413, for the upload routes to refuse a body before reading it. */
export function uploadLimit(): { maxBytes: number; tooLarge: () => KuraError } {
  const maxBytes = config().KURA_MAX_UPLOAD_BYTES;
  return { maxBytes, tooLarge: () => new KuraError('too_large', uploadLimitMessage(maxBytes)) };
}
