import 'server-only';
import { count, sql } from 'drizzle-orm';
import { db } from '@/db';
import { media, mediaTrash } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanManageStorage } from '@/lib/permissions/settings';
import type { S3Location } from '@/lib/storage/s3';
import { envS3Location } from '@/lib/storage/s3-config';
import type { S3Fields } from '@/lib/storage/schemas';
import { allS3Configs } from './s3-configs';
import { uploadTargetName } from './upload-target';

/** What Media settings → Storage shows: never a secret, only whether one is stored. */
export type StorageSettingsView = {
  uploadTo: string;
  /** KURA_S3_* when KURA_S3_BUCKET is set: shown read-only. */
  env: (Omit<S3Fields, 'secretAccessKey'> & { secret: string }) | null;
  /** The bucket form's starting values: the bucket in use, else the last one saved. */
  form: Omit<S3Fields, 'secretAccessKey'> & { secretStored: boolean };
  /** Media per storage, and (still on that storage) media in Trash. */
  holdings: { name: string; media: number; trash: number; trashBytes: number }[];
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

/** Media settings → Storage: where uploads go, the bucket form's values and how much media each storage holds. */
export async function getStorageSettings(actor: Actor): Promise<StorageSettingsView> {
  assertCanManageStorage(actor);
  const uploadTo = uploadTargetName();
  const env = envS3Location();
  const configs = allS3Configs();
  const current =
    configs.get(uploadTo) ??
    [...configs.values()].filter((c) => c.source === 'settings').sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  const held = await db().select({ name: media.storage, media: count() }).from(media).groupBy(media.storage);
  const trashed = await db()
    .select({ name: mediaTrash.storage, trash: count(), trashBytes: sql<number>`coalesce(sum(${mediaTrash.size}), 0)` })
    .from(mediaTrash)
    .groupBy(mediaTrash.storage);
  const holdings = [...new Set([...held, ...trashed].map((h) => h.name))].map((name) => {
    const t = trashed.find((h) => h.name === name);
    return {
      name,
      media: held.find((h) => h.name === name)?.media ?? 0,
      trash: t?.trash ?? 0,
      trashBytes: Number(t?.trashBytes ?? 0),
    };
  });
  return {
    uploadTo,
    env: env && {
      ...fieldsOf(env, env.credentials?.accessKeyId ?? null),
      secret: env.credentials ? '••••••••' : 'SDK default credential chain',
    },
    form: current ? { ...fieldsOf(current, current.accessKeyId), secretStored: !!current.secretSealed } : EMPTY_FORM,
    holdings,
  };
}
