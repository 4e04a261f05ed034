import { createHash } from 'node:crypto';
import { expect } from '@playwright/test';
import {
  keyOnMedia,
  mayReadMedia,
  memberOnMedia,
  memberWith,
  publicRoute,
  type Expect,
  type Outcome,
} from './matrix-actors';
import type { Answer } from './matrix-client';
import { actionKey } from './matrix-discover';
import { idsOf, route, type Case, type Fixtures, type MatrixContext, type MediaFx, type Table } from './matrix-case';

/** Rows of the matrix about media: the library's server actions and the media routes. */

const ACTIONS = 'app/(admin)/media/actions.ts';
const action = (name: string) => actionKey(ACTIONS, name);

const dataOf = <T>(a: Answer) => a.result!.data as T;
const jsonOf = <T>(a: Answer) => JSON.parse(a.text) as T;
const mediaRow = (ctx: MatrixContext, id: string) =>
  ctx.db.row('select * from media where id = ?', id) as
    { alt: string; creator_id: string | null; sha256: string; file_name: string } | undefined;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A stored image edit of the 8×8 fixtures (focal point, crop, rotate, flip: edit, as rename is) and its columns. */
const IMAGE_EDIT = { focalPoint: { x: 0.25, y: 0.75 }, crop: { x: 1, y: 2, w: 4, h: 3 }, rotate: 90, flip: 'h' };
const IMAGE_EDIT_COLUMNS = {
  focal_x: 0.25,
  focal_y: 0.75,
  crop_x: 1,
  crop_y: 2,
  crop_w: 4,
  crop_h: 3,
  rotate: 90,
  flip: 'h',
};

const readableIds = (fx: Fixtures) =>
  fx.scopeSet
    .filter((m) => mayReadMedia(fx.actor.spec, m.creator))
    .map((m) => m.id)
    .sort();

async function expectGone(ctx: MatrixContext, m: MediaFx) {
  expect(mediaRow(ctx, m.id), 'media row').toBeUndefined();
  expect((await fetch(m.url)).status, 'delivery URL').toBe(404);
}

/** A bulk action answers per item; an item out of scope is reported exactly as a nonexistent one. */
const bulkOutcome = (a: Answer): Outcome | undefined => {
  const items = a.result?.ok ? dataOf<{ reason?: string }[]>(a) : null;
  return items && items.every((i) => i.reason === 'No such media') ? 'hidden' : undefined;
};

const TRASH_ACTIONS = 'app/(admin)/media/settings/trash/actions.ts';
const inTrash = (ctx: MatrixContext, id: string) =>
  ctx.db.row('select media_id from media_trash where media_id = ?', id);

async function expectTrashed(ctx: MatrixContext, m: MediaFx) {
  await expectGone(ctx, m);
  expect(inTrash(ctx, m.id), 'in Trash').toBeDefined();
}

async function expectRestored(ctx: MatrixContext, m: MediaFx) {
  expect(mediaRow(ctx, m.id)?.file_name, 'media row').toBe(m.fileName);
  expect(inTrash(ctx, m.id), 'in Trash').toBeUndefined();
  expect((await fetch(m.url)).status, 'delivery URL').toBe(200);
}

function expectPurged(ctx: MatrixContext, m: MediaFx) {
  expect(mediaRow(ctx, m.id), 'media row').toBeUndefined();
  expect(inTrash(ctx, m.id), 'in Trash').toBeUndefined();
}

/** Listing Trash names media: a key needs "Get media" beside the delete right; a member, the delete right. */
const trashReader: Expect = (a, t) => {
  const asKey = keyOnMedia('delete')(a, t);
  return asKey === 'allowed' && a.read !== 'all' ? 'forbidden' : asKey;
};

const VERSION_ACTIONS = 'app/(admin)/media/version-actions.ts';
const versionRow = (ctx: MatrixContext, id: string) => ctx.db.row('select id from media_versions where id = ?', id);
const restoredVersion = (_a: Answer, fx: Fixtures, ctx: MatrixContext) => {
  expect(mediaRow(ctx, fx.media.id)?.sha256, 'current bytes').toBe(sha256(fx.media.bytes));
  expect(versionRow(ctx, fx.version.id), 'version row').toBeUndefined();
};
const deletedVersion = (_a: Answer, fx: Fixtures, ctx: MatrixContext) => {
  expect(versionRow(ctx, fx.version.id), 'version row').toBeUndefined();
  expect(mediaRow(ctx, fx.media.id), 'media row').toBeDefined();
};

const reupload = (path: (fx: Fixtures) => string) => ({
  targets: 'media' as const,
  needs: ['media' as const],
  call: route((fx) => ({ path: path(fx), file: { name: 'replacement.png', bytes: fx.png, type: 'image/png' } })),
  verify: (_a: Answer, fx: Fixtures, ctx: MatrixContext) =>
    expect(mediaRow(ctx, fx.media.id)?.sha256).toBe(sha256(fx.png)),
});

const upload = {
  call: route((fx) => ({ path: '', file: { name: `${fx.marker}-upload.png`, bytes: fx.png, type: 'image/png' } })),
  uploaded: (ctx: MatrixContext, fx: Fixtures) =>
    ctx.db.row('select creator_id from media where file_name = ?', `${fx.marker}-upload.png`) as
      { creator_id: string | null } | undefined,
};

const delivered = (verify: (a: Answer, fx: Fixtures) => void): Case => ({
  targets: 'media',
  needs: ['media'],
  public: true,
  expect: publicRoute,
  call: route((fx) => ({ path: new URL(fx.media.url).pathname })),
  verify,
});

export const MEDIA_ENTRIES: Table = {
  [action('searchMediaForPicker')]: {
    cases: [
      {
        needs: ['scopeSet'],
        expect: memberOnMedia(undefined, false),
        call: (fx) => ({ search: fx.scopeSearch }),
        verify: (a, fx) => expect(idsOf(dataOf<{ items: MediaFx[] }>(a).items)).toEqual(readableIds(fx)),
      },
    ],
  },
  [action('deleteMediaAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: memberOnMedia('delete'),
        call: (fx) => ({ id: fx.media.id }),
        verify: (_a, fx, ctx) => expectTrashed(ctx, fx.media),
      },
    ],
  },
  [action('editMediaAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: memberOnMedia('edit'),
        call: (fx) => ({ id: fx.media.id, changes: { alt: `edited ${fx.marker}` } }),
        verify: (_a, fx, ctx) => expect(mediaRow(ctx, fx.media.id)?.alt).toBe(`edited ${fx.marker}`),
      },
      {
        name: 'focal point and crop',
        targets: 'media',
        needs: ['media'],
        expect: memberOnMedia('edit'),
        call: (fx) => ({ id: fx.media.id, changes: IMAGE_EDIT }),
        verify: (_a, fx, ctx) => expect(mediaRow(ctx, fx.media.id)).toMatchObject(IMAGE_EDIT_COLUMNS),
      },
    ],
  },
  [action('bulkEditMediaAction')]: {
    cases: [
      {
        name: 'add tags',
        targets: 'media',
        needs: ['media'],
        expect: memberOnMedia('edit'),
        call: (fx) => ({ ids: [fx.media.id], addTags: [`bulk-${fx.marker}`] }),
        observe: bulkOutcome,
        verify: (_a, fx, ctx) =>
          expect(
            ctx.db.values(
              'select t.name from media_tags mt join tags t on t.id = mt.tag_id where mt.media_id = ?',
              fx.media.id,
            ),
          ).toEqual([`bulk-${fx.marker}`]),
      },
      {
        name: 'remove tags',
        targets: 'media',
        needs: ['media', 'tag'],
        expect: memberOnMedia('edit'),
        call: (fx) => ({ ids: [fx.media.id], removeTags: [fx.tag.name] }),
        observe: bulkOutcome,
        verify: (_a, fx, ctx) =>
          expect(ctx.db.values('select tag_id from media_tags where media_id = ?', fx.media.id)).toEqual([]),
      },
      {
        name: 'change creator',
        targets: 'media',
        needs: ['media'],
        expect: memberOnMedia('edit'),
        call: (fx) => ({ ids: [fx.media.id], creatorId: fx.actor.memberId ?? 'nobody' }),
        observe: bulkOutcome,
        verify: (_a, fx, ctx) => expect(mediaRow(ctx, fx.media.id)?.creator_id).toBe(fx.actor.memberId),
      },
    ],
  },
  [action('bulkDeleteMediaAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: memberOnMedia('delete'),
        call: (fx) => ({ ids: [fx.media.id] }),
        observe: bulkOutcome,
        verify: (_a, fx, ctx) => expectTrashed(ctx, fx.media),
      },
    ],
  },
  [action('deleteAllMediaAction')]: {
    cases: [
      {
        needs: ['scopeSet'],
        expect: memberWith((a) => a.delete),
        call: (fx) => ({ confirmation: fx.serviceId }),
        verify: (_a, fx, ctx) => {
          const left = fx.scopeSet
            .filter((m) => mediaRow(ctx, m.id))
            .map((m) => m.id)
            .sort();
          expect(left, 'what delete all kept of the media the member may not read').toEqual(
            fx.scopeSet
              .filter((m) => !readableIds(fx).includes(m.id))
              .map((m) => m.id)
              .sort(),
          );
        },
      },
    ],
  },
  [action('memberChoicesAction')]: {
    cases: [
      {
        expect: memberWith((a) => a.edit),
        call: () => ({}),
        // Refused as an empty list: the creator dialog is only offered to editors.
        observe: (a) => (a.result?.ok && dataOf<unknown[]>(a).length === 0 ? 'forbidden' : undefined),
        verify: (a, fx) => expect(dataOf<{ id: string }[]>(a).map((m) => m.id)).toContain(fx.actor.memberId),
      },
    ],
  },
  [action('renameTagAction')]: {
    cases: [
      {
        needs: ['media', 'tag'],
        expect: memberWith((a) => a.edit && a.read === 'all'),
        call: (fx) => ({ id: fx.tag.id, name: `renamed-${fx.marker}` }),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.value('select name from tags where id = ?', fx.tag.id)).toBe(`renamed-${fx.marker}`),
      },
    ],
  },
  [action('deleteTagAction')]: {
    cases: [
      {
        needs: ['unusedTag'],
        expect: memberWith((a) => a.edit && a.read === 'all'),
        call: (fx) => ({ id: fx.unusedTag.id }),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.row('select id from tags where id = ?', fx.unusedTag.id)).toBeUndefined(),
      },
    ],
  },
  [action('listTagsAction')]: {
    cases: [
      {
        // Tag names are the service's vocabulary; how many media use one is counted within the read scope.
        needs: ['scopeSet', 'tag'],
        expect: memberOnMedia(undefined, false),
        call: (fx) => ({ search: fx.marker }),
        verify: (a, fx) =>
          expect(dataOf(a)).toEqual([{ id: fx.tag.id, name: fx.tag.name, uses: readableIds(fx).length }]),
      },
    ],
  },

  'GET /media/thumbnail/[id]': {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: memberOnMedia(),
        call: route((fx) => ({ path: `/media/thumbnail/${fx.media.id}` })),
        verify: (a) => expect(a.headers.get('content-type')).toBe('image/webp'),
      },
    ],
  },
  'GET /api/v1/media/[id]': {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: keyOnMedia('get'),
        call: route((fx) => ({ path: `/api/v1/media/${fx.media.id}` })),
        verify: (a, fx) => expect(jsonOf<MediaFx>(a)).toMatchObject({ id: fx.media.id, alt: fx.media.alt }),
      },
    ],
  },
  'PATCH /api/v1/media/[id]': {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: keyOnMedia('edit', true),
        call: route((fx) => ({ path: `/api/v1/media/${fx.media.id}`, json: { alt: `patched ${fx.marker}` } })),
        verify: (_a, fx, ctx) => expect(mediaRow(ctx, fx.media.id)?.alt).toBe(`patched ${fx.marker}`),
      },
      {
        name: 'focal point and crop',
        targets: 'media',
        needs: ['media'],
        expect: keyOnMedia('edit', true),
        call: route((fx) => ({ path: `/api/v1/media/${fx.media.id}`, json: IMAGE_EDIT })),
        verify: (_a, fx, ctx) => expect(mediaRow(ctx, fx.media.id)).toMatchObject(IMAGE_EDIT_COLUMNS),
      },
    ],
  },
  'PUT /api/v1/media/[id]/file': {
    cases: [{ ...reupload((fx) => `/api/v1/media/${fx.media.id}/file`), expect: keyOnMedia('edit', true) }],
  },
  'PUT /api/media/[id]/file': {
    cases: [{ ...reupload((fx) => `/api/media/${fx.media.id}/file`), expect: memberOnMedia('edit') }],
  },
  'GET /api/v1/media': {
    cases: [
      {
        needs: ['scopeSet'],
        expect: keyOnMedia('get'),
        call: route(() => ({ path: '/api/v1/media?limit=100' })),
        verify: (a, fx) =>
          expect(idsOf(jsonOf<{ media: MediaFx[] }>(a).media)).toEqual(expect.arrayContaining(idsOf(fx.scopeSet))),
      },
    ],
  },
  'GET /api/v2/media': {
    cases: [
      {
        needs: ['scopeSet'],
        expect: keyOnMedia('get'),
        call: route((fx) => ({ path: `/api/v2/media?fileName=${fx.scopeSearch}` })),
        verify: (a, fx) => expect(idsOf(jsonOf<{ media: MediaFx[] }>(a).media)).toEqual(idsOf(fx.scopeSet)),
      },
    ],
  },
  'GET /api/v1/media/[id]/versions': {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'version'],
        expect: keyOnMedia('get'),
        call: route((fx) => ({ path: `/api/v1/media/${fx.media.id}/versions` })),
        verify: (a, fx) => expect(idsOf(jsonOf<{ versions: { id: string }[] }>(a).versions)).toEqual([fx.version.id]),
      },
    ],
  },
  'POST /api/v1/media/[id]/versions/[versionId]/restore': {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'version'],
        expect: keyOnMedia('edit', true),
        call: route((fx) => ({ path: `/api/v1/media/${fx.media.id}/versions/${fx.version.id}/restore` })),
        verify: restoredVersion,
      },
    ],
  },
  'DELETE /api/v1/media/[id]/versions/[versionId]': {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'version'],
        expect: keyOnMedia('delete', true),
        call: route((fx) => ({ path: `/api/v1/media/${fx.media.id}/versions/${fx.version.id}` })),
        verify: deletedVersion,
      },
    ],
  },
  'GET /media/thumbnail/[id]/[versionId]': {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'version'],
        expect: memberOnMedia(),
        call: route((fx) => ({ path: `/media/thumbnail/${fx.media.id}/${fx.version.id}` })),
        verify: (a) => expect(a.headers.get('content-type')).toBe('image/webp'),
      },
    ],
  },
  [actionKey(VERSION_ACTIONS, 'restoreVersionAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'version'],
        expect: memberOnMedia('edit'),
        call: (fx) => ({ id: fx.media.id, versionId: fx.version.id }),
        verify: restoredVersion,
      },
    ],
  },
  [actionKey(VERSION_ACTIONS, 'deleteVersionAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'version'],
        expect: memberOnMedia('delete'),
        call: (fx) => ({ id: fx.media.id, versionId: fx.version.id }),
        verify: deletedVersion,
      },
    ],
  },
  'DELETE /api/v1/media/[id]': {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: keyOnMedia('delete'),
        call: route((fx) => ({ path: `/api/v1/media/${fx.media.id}` })),
        verify: (_a, fx, ctx) => expectTrashed(ctx, fx.media),
      },
    ],
  },
  'GET /api/v1/media/trash': {
    cases: [
      {
        needs: ['media', 'trashed'],
        expect: trashReader,
        call: route(() => ({ path: '/api/v1/media/trash?limit=100' })),
        verify: (a, fx) => expect(idsOf(jsonOf<{ items: { id: string }[] }>(a).items)).toContain(fx.media.id),
      },
    ],
  },
  'POST /api/v1/media/trash/[id]/restore': {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'trashed'],
        expect: keyOnMedia('delete'),
        call: route((fx) => ({ path: `/api/v1/media/trash/${fx.media.id}/restore` })),
        verify: (_a, fx, ctx) => expectRestored(ctx, fx.media),
      },
    ],
  },
  'DELETE /api/v1/media/trash/[id]': {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'trashed'],
        expect: keyOnMedia('delete'),
        call: route((fx) => ({ path: `/api/v1/media/trash/${fx.media.id}` })),
        verify: (_a, fx, ctx) => expectPurged(ctx, fx.media),
      },
    ],
  },
  [actionKey(TRASH_ACTIONS, 'restoreMediaAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'trashed'],
        expect: memberOnMedia('delete'),
        call: (fx) => ({ id: fx.media.id }),
        verify: (_a, fx, ctx) => expectRestored(ctx, fx.media),
      },
    ],
  },
  [actionKey(TRASH_ACTIONS, 'deletePermanentlyAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'trashed'],
        expect: memberOnMedia('delete'),
        call: (fx) => ({ ids: [fx.media.id] }),
        // Per item, as the bulk delete: one out of scope is reported exactly as one not in Trash.
        observe: (a) => {
          const items = a.result?.ok ? dataOf<{ deleted: boolean; reason?: string }[]>(a) : null;
          if (!items) return undefined;
          return items.every((i) => i.reason === 'No such media in Trash') ? 'hidden' : 'allowed';
        },
        verify: (_a, fx, ctx) => expectPurged(ctx, fx.media),
      },
    ],
  },
  'DELETE /api/v2/media': {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        expect: keyOnMedia('delete'),
        call: route((fx) => ({ path: `/api/v2/media?url=${encodeURIComponent(fx.media.url)}` })),
        verify: (_a, fx, ctx) => expectTrashed(ctx, fx.media),
      },
    ],
  },
  'POST /api/v1/media': {
    cases: [
      {
        expect: keyOnMedia('upload'),
        call: (fx) => ({ ...upload.call(fx), path: '/api/v1/media' }),
        verify: (_a, fx, ctx) => expect(upload.uploaded(ctx, fx)).toEqual({ creator_id: null }),
      },
    ],
  },
  'POST /api/media/upload': {
    cases: [
      {
        expect: memberOnMedia('upload', false),
        call: (fx) => ({ ...upload.call(fx), path: '/api/media/upload' }),
        verify: (_a, fx, ctx) => expect(upload.uploaded(ctx, fx)).toEqual({ creator_id: fx.actor.memberId }),
      },
    ],
  },
  // Delivery URLs are public by design (SPEC §2): out of scope or logged out, the bytes are served.
  'GET /api/assets/[service]/[id]/[name]': {
    cases: [delivered((a, fx) => expect(a.bytes!.equals(fx.media.bytes)).toBe(true))],
  },
  'HEAD /api/assets/[service]/[id]/[name]': {
    cases: [delivered((a, fx) => expect(a.headers.get('content-length')).toBe(String(fx.media.bytes.length)))],
  },
};
