import 'server-only';
import { loadApiKeyActor, type Actor } from '@/lib/auth/actor';
import { unauthenticated } from '@/lib/errors';

/** The key of a request: `X-MICROCMS-API-KEY: <key>` (microCMS) or `Authorization: Bearer <key>`. */
export function apiKeyOf(headers: Headers): string | null {
  const direct = headers.get('x-microcms-api-key');
  if (direct) return direct.trim();
  const auth = headers.get('authorization');
  const match = auth?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

/** The API key actor of a request; 401 when the key is missing, unknown or revoked. */
export async function apiActor(headers: Headers): Promise<Actor> {
  const key = apiKeyOf(headers);
  if (!key) throw unauthenticated('Send an API key in X-MICROCMS-API-KEY or Authorization: Bearer');
  const actor = await loadApiKeyActor(key);
  if (!actor) throw unauthenticated('The API key is unknown or revoked');
  return actor;
}
