'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { saveStorageSettings } from '@/lib/storage-settings/save-storage-settings';
import { testStorageConnection } from '@/lib/storage-settings/test-storage-connection';

// Media settings → Storage (Administrators; checked in lib/storage-settings). Inputs are parsed by the domain's
// schemas.

/** Writes, reads and deletes a probe object with the form's values (or KURA_S3_*: 'env'); never saves. */
export const testStorageAction = authedAction(z.unknown(), (input, actor) => testStorageConnection(actor, input));

/** Switches new uploads to local disk or to a bucket whose connection test passes. */
export const saveStorageAction = authedAction(z.unknown(), async (input, actor) => {
  const saved = await saveStorageSettings(actor, input);
  revalidatePath('/media/settings/storage');
  return saved;
});
