'use server';

import { z } from 'zod';
import { authedAction } from '@/lib/auth/authed-action';
import { listMedia } from '@/lib/media/list-media';

const PICKER_PAGE_SIZE = 24;

/** The media picker's list: the library the member may read, searched, images only for image fields. */
export const searchMediaForPicker = authedAction(
  z.object({
    search: z.string().trim().max(200, 'Search at most 200 characters').optional(),
    imagesOnly: z.boolean().optional(),
    page: z.number().int().min(1).max(100_000).default(1),
  }),
  (input, actor) => listMedia(actor, { ...input, pageSize: PICKER_PAGE_SIZE }),
);
