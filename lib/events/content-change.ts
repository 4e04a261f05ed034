import 'server-only';
import type { Tx } from '@/db';
import type { Api, Content } from '@/db/schema';
import { presentContents } from '@/lib/content/present-content';
import type { ApiField } from '@/lib/content/schemas';
import { serviceId } from '@/lib/service/service-id';
import { enqueueEvent } from './outbox';

/**
 * One side of a content webhook in microCMS's shape, so a receiver written for microCMS reads it
 * unchanged: Kura publishes on save, so the status is always PUBLISH and there is no draft.
 * `publishValue` is the item as the content API returns it (image fields carry alt, width and height).
 */
const side = async (fields: ApiField[], row: Content | null) =>
  row && {
    id: row.id,
    status: ['PUBLISH'],
    draftKey: null,
    publishValue: (await presentContents(fields, [row]))[0],
    draftValue: null,
  };

/** Puts a content webhook event in the outbox, inside the transaction of the change. */
export async function recordContentChange(
  tx: Tx,
  api: Api,
  fields: ApiField[],
  before: Content | null,
  after: Content | null,
): Promise<void> {
  const type = !before ? 'new' : !after ? 'delete' : 'edit';
  const id = (after ?? before)!.id;
  await enqueueEvent(tx, { kind: 'content', apiId: api.id }, type, {
    service: serviceId(),
    api: api.endpoint,
    id,
    type,
    contents: { old: await side(fields, before), new: await side(fields, after) },
  });
}
