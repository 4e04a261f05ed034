'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/auth/authed-action';
import { saveStorageSettings } from '@/lib/storage-settings/save-storage-settings';
import { connectionTestInput, storageChoice } from '@/lib/storage-settings/schemas';
import { testStorageConnection } from '@/lib/storage-settings/test-storage-connection';

// Media settings → Storage (Administrators; checked in lib/storage-settings). Inputs are parsed here with the
// domain's schemas, so the form can show each message beside its field; the domain parses them again.

/** Writes, reads and deletes a probe object with the form's values (or KURA_S3_*: 'env'); never saves. */
export const testStorageAction = authedAction(connectionTestInput, (input, actor) =>
  testStorageConnection(actor, input),
);

/** Switches new uploads to local disk or to a bucket whose connection test passes. */
export const saveStorageAction = authedAction(storageChoice, async (input, actor) => {
  const saved = await saveStorageSettings(actor, input);
  revalidatePath('/media/settings/storage');
  return saved;
});
