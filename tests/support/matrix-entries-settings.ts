import { expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { isAdmin, MATRIX_PASSWORD, memberWith, publicRoute } from './matrix-actors';
import type { Answer } from './matrix-client';
import { actionKey } from './matrix-discover';
import { route, type Fixtures, type MatrixContext, type Table } from './matrix-case';
import { E2E } from './env';
import type { Param } from './sql';

/**
 * Rows of the matrix about Kura's settings: members, roles, API keys (lib/permissions/admin.ts),
 * storage (lib/permissions/settings.ts), and the benchmark's route. Destructive cells act on fixtures
 * of their own (a member, a role, a key): never on the matrix's actors or the Administrator.
 */

const SETTINGS = 'app/(admin)/settings/actions.ts';
const settings = (name: string) => actionKey(SETTINGS, name);
const STORAGE = 'app/(admin)/media/settings/storage/actions.ts';
const INVITE = 'app/(auth)/invite/[token]/actions.ts';
const adminOnly = memberWith(isAdmin);
const anyMember = memberWith(() => true);

const row = (ctx: MatrixContext, sql: string, ...args: Param[]) =>
  ctx.db.row(sql, ...args) as Record<string, unknown> | undefined;
const rolesOf = (ctx: MatrixContext, memberId: string) =>
  ctx.db.values('select role_id from member_roles where member_id = ?', memberId);

/** What the connection test answers for a bucket behind a closed port: the write fails, first of its steps. */
const UNREACHABLE_BUCKET = {
  bucket: 'matrix-bucket',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  forcePathStyle: true,
  credentials: 'keys',
  accessKeyId: 'matrix-key-id',
  secretAccessKey: 'matrix-secret-access-key',
  prefix: '',
  publicUrl: '',
  fixFileNames: false,
};
const WRITE_FAILED = /^Writing the probe object failed: the endpoint http:\/\/127\.0\.0\.1:9 could not be reached/;

/** The actor's own password, as the matrix made it (changePassword needs the current one). */
const passwordOf = (fx: Fixtures) => (fx.actor.spec.kind === 'admin' ? E2E.adminPassword : MATRIX_PASSWORD);

export const SETTINGS_ENTRIES: Table = {
  [settings('addMemberAction')]: {
    cases: [
      {
        needs: ['role'],
        expect: adminOnly,
        call: (fx) => ({
          email: `new-${fx.marker}@matrix.test`,
          name: `new ${fx.marker}`,
          password: 'a new member password',
          roleIds: [fx.role.id],
        }),
        verify: (a, fx, ctx) => {
          const added = row(ctx, 'select id, name from members where email = ?', `new-${fx.marker}@matrix.test`);
          expect(added).toEqual({ id: (a.result?.data as { id: string }).id, name: `new ${fx.marker}` });
          expect(rolesOf(ctx, added!.id as string)).toEqual([fx.role.id]);
        },
      },
    ],
  },
  [settings('createInviteAction')]: {
    cases: [
      {
        needs: ['role'],
        expect: adminOnly,
        call: (fx) => ({ email: `invite-${fx.marker}@matrix.test`, roleIds: [fx.role.id] }),
        verify: (a, fx, ctx) => {
          const { link } = a.result?.data as { link: string };
          const token = link.slice(link.lastIndexOf('/') + 1);
          expect(row(ctx, 'select token_hash from invites where email = ?', `invite-${fx.marker}@matrix.test`)).toEqual(
            {
              token_hash: createHash('sha256').update(token).digest('hex'),
            },
          );
        },
      },
    ],
  },
  [settings('revokeInviteAction')]: {
    cases: [
      {
        needs: ['invite'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.invite.id }),
        verify: (_a, fx, ctx) => expect(row(ctx, 'select id from invites where id = ?', fx.invite.id)).toBeUndefined(),
      },
    ],
  },
  // The link is the permission: anyone holding it, logged in or not, becomes the member it names (once).
  [actionKey(INVITE, 'acceptInviteAction')]: {
    cases: [
      {
        needs: ['invite'],
        public: true,
        expect: publicRoute,
        call: (fx) => ({ token: fx.invite.token, name: `invited ${fx.marker}`, password: 'an invited password' }),
        verify: (_a, fx, ctx) => {
          expect(row(ctx, 'select name from members where email = ?', fx.invite.email)).toEqual({
            name: `invited ${fx.marker}`,
          });
          expect(row(ctx, 'select used_at from invites where id = ?', fx.invite.id)?.used_at).not.toBeNull();
        },
      },
    ],
  },
  [settings('updateMemberAction')]: {
    cases: [
      {
        needs: ['member', 'role'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.member.id, name: `renamed ${fx.marker}`, roleIds: [fx.role.id] }),
        verify: (_a, fx, ctx) => {
          expect(row(ctx, 'select name from members where id = ?', fx.member.id)?.name).toBe(`renamed ${fx.marker}`);
          expect(rolesOf(ctx, fx.member.id)).toEqual([fx.role.id]);
        },
      },
    ],
  },
  [settings('removeMemberAction')]: {
    cases: [
      {
        needs: ['member'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.member.id }),
        verify: (_a, fx, ctx) => expect(row(ctx, 'select id from members where id = ?', fx.member.id)).toBeUndefined(),
      },
    ],
  },
  // A fixture member of its own: their sessions (none, or some) end; the count is what the answer says.
  [settings('endMemberSessionsAction')]: {
    cases: [
      {
        needs: ['member'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.member.id }),
        verify: (a, fx, ctx) => {
          expect(a.result?.data).toMatchObject({ id: fx.member.id });
          expect(ctx.db.value('select count(*) from sessions where member_id = ?', fx.member.id)).toBe(0);
        },
      },
    ],
  },
  // Any member, their own other sessions: the one the matrix calls with stays, so later cells still work.
  [settings('endOtherSessionsAction')]: {
    cases: [
      {
        expect: anyMember,
        call: () => ({}),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.value('select count(*) from sessions where member_id = ?', fx.actor.memberId ?? null)).toBe(1),
      },
    ],
  },
  // Any member, their own password. The allowed cell changes it and then puts the old one back (a fresh
  // hash of it), so that the actor's later cells (and a rerun of the login) still work.
  [settings('changePasswordAction')]: {
    cases: [
      {
        expect: anyMember,
        call: (fx) => ({ currentPassword: passwordOf(fx), newPassword: `new password ${fx.marker}` }),
        verify: async (_a, fx, ctx) => {
          const { hash, verify } = await import('@node-rs/argon2');
          const stored = row(ctx, 'select password_hash from members where id = ?', fx.actor.memberId ?? null)
            ?.password_hash as string;
          const changed = await verify(stored, `new password ${fx.marker}`);
          ctx.db.db.run(
            'update members set password_hash = ? where id = ?',
            await hash(passwordOf(fx)),
            fx.actor.memberId ?? null,
          );
          expect(changed).toBe(true);
        },
      },
    ],
  },
  [settings('createRoleAction')]: {
    cases: [
      {
        expect: adminOnly,
        call: (fx) => ({ name: `role ${fx.marker}`, mediaRead: 'none' }),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.value('select count(*) from roles where name = ?', `role ${fx.marker}`)).toBe(1),
      },
    ],
  },
  [settings('updateRoleAction')]: {
    cases: [
      {
        needs: ['role'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.role.id, name: `renamed ${fx.marker}`, mediaRead: 'all', mediaUpload: true }),
        verify: (_a, fx, ctx) =>
          expect(row(ctx, 'select name, media_read, media_upload from roles where id = ?', fx.role.id)).toEqual({
            name: `renamed ${fx.marker}`,
            media_read: 'all',
            media_upload: 1,
          }),
      },
    ],
  },
  [settings('deleteRoleAction')]: {
    cases: [
      {
        needs: ['role'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.role.id }),
        verify: (_a, fx, ctx) => expect(row(ctx, 'select id from roles where id = ?', fx.role.id)).toBeUndefined(),
      },
    ],
  },
  [settings('createApiKeyAction')]: {
    cases: [
      {
        expect: adminOnly,
        call: (fx) => ({ name: `key ${fx.marker}`, mediaGet: true }),
        verify: (a, fx, ctx) => {
          const { id, key } = a.result?.data as { id: string; key: string };
          expect(row(ctx, 'select name, media_get, key_preview from api_keys where id = ?', id)).toEqual({
            name: `key ${fx.marker}`,
            media_get: 1,
            key_preview: key.slice(0, 4),
          });
        },
      },
    ],
  },
  [settings('updateApiKeyAction')]: {
    cases: [
      {
        needs: ['apiKey'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.apiKey.id, name: `renamed ${fx.marker}`, mediaUpload: true }),
        verify: (_a, fx, ctx) =>
          expect(row(ctx, 'select name, media_get, media_upload from api_keys where id = ?', fx.apiKey.id)).toEqual({
            name: `renamed ${fx.marker}`,
            media_get: 0,
            media_upload: 1,
          }),
      },
    ],
  },
  [settings('revokeApiKeyAction')]: {
    cases: [
      {
        needs: ['apiKey'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.apiKey.id }),
        verify: (_a, fx, ctx) =>
          expect(row(ctx, 'select revoked_at from api_keys where id = ?', fx.apiKey.id)?.revoked_at).not.toBeNull(),
      },
    ],
  },

  // There is no S3 server here: the allowed cell's bucket is behind a closed port, so the answer is a
  // connection-test result naming the step that failed (not a refusal of the Administrator).
  [actionKey(STORAGE, 'testStorageAction')]: {
    cases: [
      {
        expect: adminOnly,
        call: () => UNREACHABLE_BUCKET,
        verify: (a) => {
          expect(a.result?.data).toMatchObject({ ok: false, step: 'write', reason: 'unreachable' });
          expect((a.result?.data as { message: string }).message).toMatch(WRITE_FAILED);
        },
      },
    ],
  },
  [actionKey(STORAGE, 'saveStorageAction')]: {
    cases: [
      {
        name: 'local disk',
        needs: ['defaultStorage'],
        expect: adminOnly,
        call: () => ({ target: 'local' }),
        verify: (_a, _fx, ctx) => expect(ctx.db.uploadTarget()).toBe('local'),
      },
      {
        // The Administrator passes the permission check and is refused by the connection test; nothing is saved.
        name: 'a bucket that fails its connection test',
        needs: ['defaultStorage'],
        expect: adminOnly,
        call: () => ({ target: 's3', ...UNREACHABLE_BUCKET }),
        observe: (a: Answer) =>
          a.result?.ok === false && /^Not switched on: /.test(a.result.error ?? '') ? 'allowed' : undefined,
        verify: (a, _fx, ctx) => {
          expect(a.result?.error?.replace(/^Not switched on: /, '')).toMatch(WRITE_FAILED);
          expect(ctx.db.uploadTarget()).toBeUndefined();
          expect(ctx.db.value("select count(*) from settings where key like 'storage.s3:%'")).toBe(0);
        },
      },
    ],
  },

  // The benchmark's floor: public by design, and without KURA_BENCH=1 (as here) 404 for everyone, like
  // any unknown path.
  'GET /api/bench/hello': {
    cases: [{ public: true, expect: () => 'hidden', call: route(() => ({ path: '/api/bench/hello' })) }],
  },
};
