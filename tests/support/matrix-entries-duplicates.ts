import { createHash } from 'node:crypto';
import { expect } from '@playwright/test';
import { keyOnMedia, memberOnMedia, type Expect } from './matrix-actors';
import type { Answer } from './matrix-client';
import { actionKey } from './matrix-discover';
import { route, type Fixtures, type MatrixContext, type Table } from './matrix-case';

/** Rows of the matrix about duplicates: the upload list's lookup and Merge (docs/duplicates.md). */

const ACTIONS = 'app/(admin)/media/duplicate-actions.ts';

/** The first refusal of two rights, in the order the domain function checks them. */
const both =
  (first: Expect, second: Expect): Expect =>
  (a, t) => {
    const outcome = first(a, t);
    return outcome === 'allowed' ? second(a, t) : outcome;
  };

/** The twin went to Trash; the kept item stayed. */
const merged = (_a: Answer, fx: Fixtures, ctx: MatrixContext) => {
  expect(ctx.db.row('select id from media where id = ?', fx.twin.id), 'merged media row').toBeUndefined();
  expect(ctx.db.row('select media_id from media_trash where media_id = ?', fx.twin.id), 'in Trash').toBeDefined();
  expect(ctx.db.row('select id from media where id = ?', fx.media.id), 'kept media row').toBeDefined();
};

export const DUPLICATE_ENTRIES: Table = {
  [actionKey(ACTIONS, 'findDuplicateAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media'],
        // Any member may ask; media outside their read scope is never named (null, as for bytes no one holds).
        expect: memberOnMedia(),
        call: (fx) => ({ sha256: createHash('sha256').update(fx.media.bytes).digest('hex') }),
        observe: (a) => (a.result?.ok && a.result.data === null ? 'hidden' : undefined),
        verify: (a, fx) =>
          expect(a.result!.data).toEqual({ id: fx.media.id, fileName: fx.media.fileName, url: fx.media.url }),
      },
    ],
  },
  [actionKey(ACTIONS, 'mergeMediaAction')]: {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'twin'],
        expect: both(memberOnMedia('edit', false), memberOnMedia('delete')),
        call: (fx) => ({ keep: fx.media.id, merge: [fx.twin.id] }),
        verify: merged,
      },
    ],
  },
  'POST /api/v1/media/merge': {
    cases: [
      {
        targets: 'media',
        needs: ['media', 'twin'],
        // Edit and delete, on media the key may get (without "Get media" it names nothing: 404).
        expect: both(both(keyOnMedia('edit'), keyOnMedia('delete')), keyOnMedia('edit', true)),
        call: route((fx) => ({ path: '/api/v1/media/merge', json: { keep: fx.media.id, merge: [fx.twin.id] } })),
        verify: merged,
      },
    ],
  },
};
