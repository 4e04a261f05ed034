// Design notes: docs/storage.md.
import 'server-only';
import { otherLiveInstances } from '@/lib/instances/this-instance';
import { transaction } from '@/db';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { assertPublicTarget, privateTargetsAllowed } from '@/lib/net/target-guard';
import { assertCanManageStorage } from '@/lib/permissions/settings';
import { envS3Location } from '@/lib/storage/s3-config';
import { testConnection } from '@/lib/storage/test-connection';
import { loadSettings } from '@/lib/settings/snapshot';
import { forgetStorage } from './configured-storages';
import { locationFromFields } from './location-from-fields';
import { storageChoice } from './schemas';
import { writeS3Config } from './s3-configs';
import { setUploadTarget } from './upload-target';

/**
 * Chooses where new uploads go. A bucket is switched on only after its connection test passes; media
 * already stored stays where it is (each row names its storage).
 */
export async function saveStorageSettings(
  actor: Actor,
  input: unknown,
): Promise<{ uploadTo: string; message: string }> {
  assertCanManageStorage(actor);
  if (envS3Location()) throw badRequest('Storage is set by KURA_S3_* in the environment: change it there');
  const choice = storageChoice.parse(input);
  if (choice.target === 'local') {
    const others = await otherLiveInstances();
    if (others.length > 0)
      throw badRequest(
        `${others.length + 1} Kura instances are running on this database: they share files through an S3 ` +
          'bucket, and local disk is for one instance only',
      );
    await transaction(async (tx) => {
      await setUploadTarget(tx, 'local');
      await recordActivity(tx, actor, [
        {
          operation: 'storage_changed',
          mediaId: null,
          target: 'New uploads',
          before: null,
          after: { uploadTo: 'local disk' },
        },
      ]);
    });
    await loadSettings();
    return {
      uploadTo: 'local',
      message: 'New uploads are stored on local disk. Media in buckets stays there and keeps working.',
    };
  }
  const location = locationFromFields(choice);
  if (location.endpoint) await assertPublicTarget(location.endpoint, 'endpoint');
  const result = await testConnection(location, !privateTargetsAllowed());
  if (!result.ok) throw badRequest(`Not switched on: ${result.message}`);
  const name = await transaction(async (tx) => {
    const stored = await writeS3Config(tx, location, 'settings');
    await setUploadTarget(tx, stored);
    const after = {
      uploadTo: stored,
      bucket: location.bucket,
      region: location.region,
      endpoint: location.endpoint ?? 'Amazon S3',
      prefix: location.prefix,
      publicUrl: location.publicUrl ?? '',
    };
    await recordActivity(tx, actor, [
      { operation: 'storage_changed', mediaId: null, target: 'New uploads', before: null, after },
    ]);
    return stored;
  });
  await loadSettings();
  forgetStorage(name);
  return {
    uploadTo: name,
    message: `${result.message} New uploads are stored in this bucket; media uploaded before stays where it is.`,
  };
}
