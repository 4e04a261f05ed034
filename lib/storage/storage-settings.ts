import 'server-only';
import { count } from 'drizzle-orm';
import { db } from '@/db';
import { media } from '@/db/schema';
import { recordActivity } from '@/lib/activity/record-activity';
import type { Actor } from '@/lib/auth/actor';
import { badRequest } from '@/lib/errors';
import { assertPublicTarget, privateTargetsAllowed } from '@/lib/net/target-guard';
import { assertCanManageStorage } from '@/lib/permissions/settings';
import { forgetStorage } from './index';
import type { S3Location } from './s3';
import { allS3Configs, envS3Location, locationOf, readS3Config, s3StorageName, setUploadTarget, uploadTargetName, writeS3Config } from './s3-config';
import { s3Fields, storageChoice, type S3Fields } from './schemas';
import { testConnection, type ConnectionResult } from './test-connection';

/** What Media settings → Storage shows: never a secret, only whether one is stored. */
export type StorageSettingsView = {
  uploadTo: string;
  /** KURA_S3_* when KURA_S3_BUCKET is set: shown read-only. */
  env: (Omit<S3Fields, 'secretAccessKey'> & { secret: string }) | null;
  /** The bucket form's starting values: the bucket in use, else the last one saved. */
  form: Omit<S3Fields, 'secretAccessKey'> & { secretStored: boolean };
  holdings: { name: string; media: number }[];
};

const EMPTY_FORM: StorageSettingsView['form'] = {
  bucket: '',
  region: 'us-east-1',
  endpoint: '',
  forcePathStyle: false,
  credentials: 'keys',
  accessKeyId: '',
  secretStored: false,
  prefix: '',
  publicUrl: '',
  fixFileNames: false,
};

const fieldsOf = (loc: Omit<S3Location, 'credentials'>, accessKeyId: string | null) => ({
  bucket: loc.bucket,
  region: loc.region,
  endpoint: loc.endpoint ?? '',
  forcePathStyle: loc.forcePathStyle,
  credentials: accessKeyId ? ('keys' as const) : ('default' as const),
  accessKeyId: accessKeyId ?? '',
  prefix: loc.prefix,
  publicUrl: loc.publicUrl ?? '',
  fixFileNames: loc.fixFileNames,
});

export function storageSettings(actor: Actor): StorageSettingsView {
  assertCanManageStorage(actor);
  const uploadTo = uploadTargetName();
  const env = envS3Location();
  const configs = allS3Configs();
  const current = configs.get(uploadTo) ?? [...configs.values()].filter((c) => c.source === 'settings').sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  const holdings = db().select({ name: media.storage, media: count() }).from(media).groupBy(media.storage).all();
  return {
    uploadTo,
    env: env && { ...fieldsOf(env, env.credentials?.accessKeyId ?? null), secret: env.credentials ? '••••••••' : 'SDK default credential chain' },
    form: current ? { ...fieldsOf(current, current.accessKeyId), secretStored: !!current.secretSealed } : EMPTY_FORM,
    holdings,
  };
}

/** Tests a bucket: the form's values (the stored secret when none is typed), or `'env'` for KURA_S3_*. */
export async function testStorageConnection(actor: Actor, input: unknown): Promise<ConnectionResult> {
  assertCanManageStorage(actor);
  const env = envS3Location();
  if (input === 'env') {
    if (!env) throw badRequest('KURA_S3_BUCKET is not set');
    return testConnection(env);
  }
  const location = locationFrom(s3Fields.parse(input));
  if (location.endpoint) await assertPublicTarget(location.endpoint, 'endpoint');
  return testConnection(location, !privateTargetsAllowed());
}

/**
 * Chooses where new uploads go. A bucket is switched on only after its connection test passes; media
 * already stored stays where it is (each row names its storage).
 */
export async function saveStorageSettings(actor: Actor, input: unknown): Promise<{ uploadTo: string; message: string }> {
  assertCanManageStorage(actor);
  if (envS3Location()) throw badRequest('Storage is set by KURA_S3_* in the environment: change it there');
  const choice = storageChoice.parse(input);
  if (choice.target === 'local') {
    db().transaction((tx) => {
      setUploadTarget('local');
      recordActivity(tx, actor, [{ operation: 'storage_changed', mediaId: null, target: 'New uploads', before: null, after: { uploadTo: 'local disk' } }]);
    });
    return { uploadTo: 'local', message: 'New uploads are stored on local disk. Media in buckets stays there and keeps working.' };
  }
  const location = locationFrom(choice);
  if (location.endpoint) await assertPublicTarget(location.endpoint, 'endpoint');
  const result = await testConnection(location, !privateTargetsAllowed());
  if (!result.ok) throw badRequest(`Not switched on: ${result.message}`);
  const name = db().transaction(
    (tx) => {
      const stored = writeS3Config(location, 'settings');
      setUploadTarget(stored);
      const after = { uploadTo: stored, bucket: location.bucket, region: location.region, endpoint: location.endpoint ?? 'Amazon S3', prefix: location.prefix, publicUrl: location.publicUrl ?? '' };
      recordActivity(tx, actor, [{ operation: 'storage_changed', mediaId: null, target: 'New uploads', before: null, after }]);
      return stored;
    },
    { behavior: 'immediate' },
  );
  forgetStorage(name);
  return { uploadTo: name, message: `${result.message} New uploads are stored in this bucket; media uploaded before stays where it is.` };
}

/** The form's fields as a location; an empty secret keeps the one stored for this bucket and key id. */
function locationFrom(f: S3Fields): S3Location {
  const base = {
    bucket: f.bucket,
    region: f.region,
    endpoint: f.endpoint ? f.endpoint.replace(/\/+$/, '') : null,
    forcePathStyle: f.forcePathStyle,
    prefix: f.prefix,
    publicUrl: f.publicUrl ? f.publicUrl.replace(/\/+$/, '') : null,
    fixFileNames: f.fixFileNames,
  };
  if (f.credentials === 'default') return { ...base, credentials: null };
  if (!f.accessKeyId) throw badRequest('accessKeyId: required with access keys (or choose the default credential chain)');
  if (f.secretAccessKey) return { ...base, credentials: { accessKeyId: f.accessKeyId, secretAccessKey: f.secretAccessKey } };
  const stored = readS3Config(s3StorageName(base));
  const kept = stored && stored.accessKeyId === f.accessKeyId ? locationOf(stored).credentials : null;
  if (!kept) throw badRequest('secretAccessKey: required for this access key id (none is stored for it)');
  return { ...base, credentials: kept };
}
