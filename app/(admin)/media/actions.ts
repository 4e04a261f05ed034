'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { listMemberChoices } from '@/lib/members/list-members';
import { deleteMedia } from '@/lib/media/delete-media';
import { deleteAllMedia } from '@/lib/media/delete-all-media';
import { deleteManyMedia } from '@/lib/media/delete-many-media';
import { editManyMedia } from '@/lib/media/edit-many-media';
import { editMedia } from '@/lib/media/edit-media';
import { KIND_FILTERS, SORTS } from '@/lib/media/filter-options';
import { listMediaPage } from '@/lib/media/list-media-page';
import { bulkEditInput, editMediaInput, mediaId } from '@/lib/media/schemas';
import { deleteTag } from '@/lib/tags/delete-tag';
import { listTags } from '@/lib/tags/list-tags';
import { renameTag } from '@/lib/tags/rename-tag';

const PICKER_PAGE_SIZE = 24;

/**
 * The media picker's list: the library the member may read, with the library's filters (search, tag, kind, sort),
 * images only for image fields.
 */
export const searchMediaForPicker = authedAction(
  z.object({
    search: z.string().trim().max(200, 'Search at most 200 characters').optional(),
    tag: z.string().trim().min(1).max(50).optional(),
    kind: z.enum(KIND_FILTERS).optional(),
    sort: z.enum(SORTS).optional(),
    imagesOnly: z.boolean().optional(),
    page: z.number().int().min(1).max(100_000).default(1),
  }),
  async ({ tag, ...input }, actor) =>
    await listMediaPage(actor, { ...input, tags: tag ? [tag] : undefined, pageSize: PICKER_PAGE_SIZE }),
);

/** Delete one media item from the detail panel; refused, naming the content, while content uses it. */
export const deleteMediaAction = authedAction(z.object({ id: mediaId }), async ({ id }, actor) => {
  const deleted = await deleteMedia(actor, id);
  revalidatePath('/media');
  return deleted;
});

/** Rename, alt text, tags or creator of one media item (the panel's dialogs). */
export const editMediaAction = authedAction(editMediaInput, async ({ id, changes }, actor) => {
  const record = await editMedia(actor, id, changes);
  revalidatePath('/media');
  return record;
});

/** The bulk bar: change the creator of, or add tags to, the selected media. */
export const bulkEditMediaAction = authedAction(bulkEditInput, async (input, actor) => {
  const outcomes = await editManyMedia(actor, input);
  revalidatePath('/media');
  return outcomes;
});

/** The bulk bar: delete the selected media; each is deleted or kept with the reason. */
export const bulkDeleteMediaAction = authedAction(
  z.object({ ids: z.array(mediaId).min(1).max(1000) }),
  async ({ ids }, actor) => {
    const outcomes = await deleteManyMedia(actor, ids);
    revalidatePath('/media');
    return outcomes;
  },
);

/** Media settings: delete every media no content uses, confirmed by typing the service id. */
export const deleteAllMediaAction = authedAction(
  z.object({ confirmation: z.string() }),
  async ({ confirmation }, actor) => {
    const result = await deleteAllMedia(actor, confirmation);
    revalidatePath('/media');
    return result;
  },
);

/** Members to choose a creator from. */
export const memberChoicesAction = authedAction(z.object({}), async (_input, actor) => await listMemberChoices(actor));

/** Media settings: rename a tag. */
export const renameTagAction = authedAction(
  z.object({ id: z.string().min(1), name: z.string() }),
  async ({ id, name }, actor) => {
    const tag = await renameTag(actor, id, name);
    revalidatePath('/media', 'layout');
    return tag;
  },
);

/** Media settings: delete an unused tag. */
export const deleteTagAction = authedAction(z.object({ id: z.string().min(1) }), async ({ id }, actor) => {
  await deleteTag(actor, id);
  revalidatePath('/media', 'layout');
  return { id };
});

/** Tags to pick from (the tag dialog, the bulk "Add tags" and Media settings), with how many media use each. */
export const listTagsAction = authedAction(
  z.object({ search: z.string().max(50).optional() }),
  async ({ search }, actor) => await listTags(actor, search),
);
