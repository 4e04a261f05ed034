import { expect } from '@playwright/test';
import { isAdmin, keyOnContent, mayReadMedia, memberOnContent, memberWith, type Expect } from './matrix-actors';
import type { Answer } from './matrix-client';
import { actionKey } from './matrix-discover';
import { API_FIELDS } from './matrix-fixtures';
import { route, type Fixtures, type MatrixContext, type Table } from './matrix-case';

/** Rows of the matrix about APIs and content: the content screens' server actions and the content API. */

const ACTIONS = 'app/(admin)/apis/actions.ts';
const action = (name: string) => actionKey(ACTIONS, name);

const contentData = (ctx: MatrixContext, id: string) => {
  const row = ctx.db.value('select data from contents where id = ?', id) as string | undefined;
  return row === undefined ? undefined : (JSON.parse(row) as Record<string, unknown>);
};
const createdId = (a: Answer) =>
  a.result ? (a.result.data as { id: string }).id : (JSON.parse(a.text) as { id: string }).id;
const expectTitle =
  (title: (fx: Fixtures) => string, id?: (fx: Fixtures) => string) => (a: Answer, fx: Fixtures, ctx: MatrixContext) =>
    expect(contentData(ctx, id ? id(fx) : createdId(a))?.title).toBe(title(fx));
const expectGone = (_a: Answer, fx: Fixtures, ctx: MatrixContext) =>
  expect(contentData(ctx, fx.content.id)).toBeUndefined();

/** Content naming media by id: the create right, and the right to read that media (a URL is public, an id is not). */
const createNamingMedia: Expect = (a, t) => {
  const create = memberOnContent('create')(a, t);
  return create === 'allowed' && !mayReadMedia(a, t.creator) ? 'hidden' : create;
};

const one = (fx: Fixtures) => `/api/v1/${fx.api.endpoint}/${fx.content.id}`;

export const CONTENT_ENTRIES: Table = {
  [action('createApiAction')]: {
    cases: [
      {
        expect: memberWith(isAdmin),
        call: (fx) => ({ endpoint: fx.marker, name: `API ${fx.marker}`, fields: API_FIELDS }),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.value('select name from apis where endpoint = ?', fx.marker)).toBe(`API ${fx.marker}`),
      },
    ],
  },
  [action('updateApiAction')]: {
    cases: [
      {
        needs: ['freshApi'],
        expect: memberWith(isAdmin),
        call: (fx) => ({ endpoint: fx.freshApi.endpoint, name: `renamed ${fx.marker}`, fields: API_FIELDS }),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.value('select name from apis where id = ?', fx.freshApi.id)).toBe(`renamed ${fx.marker}`),
      },
    ],
  },
  [action('saveContentAction')]: {
    cases: [
      {
        name: 'create',
        targets: 'api',
        expect: memberOnContent('create'),
        call: (fx) => ({ endpoint: fx.api.endpoint, values: { title: `new ${fx.marker}` } }),
        verify: expectTitle((fx) => `new ${fx.marker}`),
      },
      {
        name: 'update',
        targets: 'api',
        needs: ['content'],
        expect: memberOnContent('update'),
        call: (fx) => ({ endpoint: fx.api.endpoint, id: fx.content.id, values: { title: `changed ${fx.marker}` } }),
        verify: expectTitle(
          (fx) => `changed ${fx.marker}`,
          (fx) => fx.content.id,
        ),
      },
      {
        name: 'object',
        targets: 'api',
        expect: memberOnContent('update'),
        call: (fx) => ({ endpoint: fx.objectApi.endpoint, object: true, values: { title: `object ${fx.marker}` } }),
        verify: expectTitle(
          (fx) => `object ${fx.marker}`,
          (fx) => fx.objectApi.id,
        ),
      },
      {
        name: 'create naming media by id',
        targets: 'media',
        needs: ['media'],
        expect: createNamingMedia,
        call: (fx) => ({ endpoint: fx.api.endpoint, values: { title: `uses ${fx.marker}`, eyecatch: fx.media.id } }),
        verify: (a, fx, ctx) =>
          expect(ctx.db.values('select media_id from content_media where content_id = ?', createdId(a))).toEqual([
            fx.media.id,
          ]),
      },
    ],
  },
  [action('deleteContentAction')]: {
    cases: [
      {
        targets: 'api',
        needs: ['content'],
        expect: memberOnContent('delete'),
        call: (fx) => ({ endpoint: fx.api.endpoint, id: fx.content.id }),
        verify: expectGone,
      },
    ],
  },

  'GET /api/v1/[api]': {
    cases: [
      {
        targets: 'api',
        needs: ['content'],
        expect: keyOnContent('read'),
        call: route((fx) => ({ path: `/api/v1/${fx.api.endpoint}?limit=100` })),
        verify: (a, fx) =>
          expect((JSON.parse(a.text) as { contents: { id: string }[] }).contents.map((c) => c.id)).toContain(
            fx.content.id,
          ),
      },
    ],
  },
  'POST /api/v1/[api]': {
    cases: [
      {
        targets: 'api',
        expect: keyOnContent('create'),
        call: route((fx) => ({ path: `/api/v1/${fx.api.endpoint}`, json: { title: `posted ${fx.marker}` } })),
        verify: expectTitle((fx) => `posted ${fx.marker}`),
      },
    ],
  },
  'PATCH /api/v1/[api]': {
    cases: [
      {
        targets: 'api',
        expect: keyOnContent('update'),
        call: route((fx) => ({ path: `/api/v1/${fx.objectApi.endpoint}`, json: { title: `object ${fx.marker}` } })),
        verify: expectTitle(
          (fx) => `object ${fx.marker}`,
          (fx) => fx.objectApi.id,
        ),
      },
    ],
  },
  'PUT /api/v1/[api]/[id]': {
    cases: [
      {
        targets: 'api',
        expect: keyOnContent('create'),
        call: route((fx) => ({
          path: `/api/v1/${fx.api.endpoint}/put-${fx.marker}`,
          json: { title: `put ${fx.marker}` },
        })),
        verify: expectTitle(
          (fx) => `put ${fx.marker}`,
          (fx) => `put-${fx.marker}`,
        ),
      },
    ],
  },
  'GET /api/v1/[api]/[id]': {
    cases: [
      {
        targets: 'api',
        needs: ['content'],
        expect: keyOnContent('read'),
        call: route((fx) => ({ path: one(fx) })),
        verify: (a, fx) => expect(JSON.parse(a.text)).toMatchObject({ id: fx.content.id, title: fx.content.title }),
      },
    ],
  },
  'PATCH /api/v1/[api]/[id]': {
    cases: [
      {
        targets: 'api',
        needs: ['content'],
        expect: keyOnContent('update'),
        call: route((fx) => ({ path: one(fx), json: { title: `patched ${fx.marker}` } })),
        verify: expectTitle(
          (fx) => `patched ${fx.marker}`,
          (fx) => fx.content.id,
        ),
      },
    ],
  },
  'DELETE /api/v1/[api]/[id]': {
    cases: [
      {
        targets: 'api',
        needs: ['content'],
        expect: keyOnContent('delete'),
        call: route((fx) => ({ path: one(fx) })),
        verify: expectGone,
      },
    ],
  },
};
