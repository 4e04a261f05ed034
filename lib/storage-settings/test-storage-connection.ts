import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { assertPublicTarget, privateTargetsAllowed } from '@/lib/net/target-guard';
import { assertCanManageStorage } from '@/lib/permissions/settings';
import { envS3Location } from '@/lib/storage/s3-config';
import { s3Fields } from '@/lib/storage/schemas';
import { testConnection, type ConnectionResult } from '@/lib/storage/test-connection';
import { locationFromFields } from './location-from-fields';

/** Tests a bucket: the form's values (the stored secret when none is typed), or `'env'` for KURA_S3_*. */
export async function testStorageConnection(actor: Actor, input: unknown): Promise<ConnectionResult> {
  assertCanManageStorage(actor);
  const env = envS3Location();
  if (input === 'env') {
    if (!env) throw badRequest('KURA_S3_BUCKET is not set');
    return testConnection(env);
  }
  const location = locationFromFields(s3Fields.parse(input));
  if (location.endpoint) await assertPublicTarget(location.endpoint, 'endpoint');
  return testConnection(location, !privateTargetsAllowed());
}
