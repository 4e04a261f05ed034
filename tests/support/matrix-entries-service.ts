import { expect } from '@playwright/test';
import { isAdmin, memberWith, publicRoute } from './matrix-actors';
import { SESSION_COOKIE, cookiesOf, type Answer } from './matrix-client';
import { actionKey } from './matrix-discover';
import { route, type MatrixContext, type Table } from './matrix-case';

/** Rows of the matrix about the service: webhook settings, sign-in, health. */

const WEBHOOKS = 'app/(admin)/webhooks/actions.ts';
const webhook = (name: string) => actionKey(WEBHOOKS, name);
const adminOnly = memberWith(isAdmin);
const hookRow = (ctx: MatrixContext, id: string) =>
  ctx.db.row('select name, enabled from webhooks where id = ?', id) as { name: string; enabled: number } | undefined;

export const SERVICE_ENTRIES: Table = {
  [webhook('createWebhookAction')]: {
    cases: [
      {
        expect: adminOnly,
        call: (fx) => ({
          name: `hook ${fx.marker}`,
          url: `${fx.baseURL}/api/health`,
          secret: 'matrix-secret-0123456789',
          events: ['new'],
          enabled: false,
        }),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.value('select count(*) from webhooks where name = ?', `hook ${fx.marker}`)).toBe(1),
      },
    ],
  },
  [webhook('updateWebhookAction')]: {
    cases: [
      {
        needs: ['webhook'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.webhook.id, changes: { name: `renamed ${fx.marker}` } }),
        verify: (_a, fx, ctx) => expect(hookRow(ctx, fx.webhook.id)?.name).toBe(`renamed ${fx.marker}`),
      },
    ],
  },
  [webhook('deleteWebhookAction')]: {
    cases: [
      {
        needs: ['webhook'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.webhook.id }),
        verify: (_a, fx, ctx) => expect(hookRow(ctx, fx.webhook.id)).toBeUndefined(),
      },
    ],
  },
  [webhook('sendTestWebhookAction')]: {
    // Nothing listens where the fixture webhook points: the send fails, and that is the result shown.
    cases: [
      {
        needs: ['webhook'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.webhook.id }),
        verify: (a) =>
          expect(a.result?.data).toMatchObject({
            ok: false,
            status: null,
            error: expect.stringMatching(/^ECONNREFUSED/),
          }),
      },
    ],
  },
  [webhook('listDeliveriesAction')]: {
    cases: [
      {
        needs: ['webhook'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.webhook.id }),
        verify: (a, fx) =>
          expect((a.result?.data as { deliveries: { id: number }[] }).deliveries.map((d) => d.id)).toEqual([
            fx.webhook.deliveryId,
          ]),
      },
    ],
  },
  [webhook('redeliverAction')]: {
    cases: [
      {
        needs: ['webhook'],
        expect: adminOnly,
        call: (fx) => ({ id: fx.webhook.id, delivery: fx.webhook.deliveryId }),
        verify: (_a, fx, ctx) =>
          expect(ctx.db.value('select count(*) from deliveries where webhook_id = ?', fx.webhook.id)).toBe(2),
      },
    ],
  },

  'GET /api/health': {
    cases: [
      {
        public: true,
        expect: publicRoute,
        call: route(() => ({ path: '/api/health' })),
        verify: (a) =>
          expect(JSON.parse(a.text)).toMatchObject({
            ok: true,
            database: expect.any(String),
            storage: 'local',
            freeBytes: expect.any(Number),
          }),
      },
    ],
  },
  // next-auth: public by design. The session shows only the caller's own member; an API key is no session.
  'GET /api/auth/[...nextauth]': {
    cases: [
      {
        public: true,
        expect: publicRoute,
        call: route(() => ({ path: '/api/auth/session' })),
        verify: (a, fx) => {
          const session = JSON.parse(a.text) as { memberId?: string } | null;
          expect(session?.memberId ?? null).toBe(fx.actor.who.cookie ? fx.actor.memberId : null);
        },
      },
    ],
  },
  // A sign-in without the CSRF token logs nobody in, whoever asks.
  'POST /api/auth/[...nextauth]': {
    cases: [
      {
        public: true,
        expect: publicRoute,
        call: route(() => ({
          path: '/api/auth/callback/credentials',
          form: { email: 'admin@kura.test', password: 'correct horse battery' },
        })),
        verify: (a: Answer) =>
          expect(
            cookiesOf(new Response(null, { headers: a.headers })).filter((c) => c.startsWith(`${SESSION_COOKIE}=`)),
          ).toEqual([]),
      },
    ],
  },
};
