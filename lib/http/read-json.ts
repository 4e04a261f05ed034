import 'server-only';
import { badRequest, KuraError } from '@/lib/errors';

/** Largest JSON body the HTTP API reads (a rich-editor field holds up to a million characters). */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** The request's JSON body; 400 when it is not JSON, 413 past {@link MAX_JSON_BYTES}. */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw badRequest('The body is empty: send a JSON object');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`The body is not valid JSON: ${(err as Error).message}`);
  }
}

const tooLarge = () => new KuraError('too_large', `The body is larger than ${MAX_JSON_BYTES / 1024 / 1024} MiB`);
