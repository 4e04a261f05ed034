import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { config } from '@/lib/config';
import { describeError } from '@/lib/errors';
import { isSessionActive } from '@/lib/sessions/active-session';
import { endSession } from '@/lib/sessions/end-session';
import { DAY_MS } from '@/lib/sessions/session-policy';
import { logIn } from './log-in';
import { authSecret } from './secret';

// The origin comes from the request's Host, so Kura works on any port or domain without NEXTAUTH_URL.
process.env.AUTH_TRUST_HOST ??= 'true';

type Token = { sub?: string; sid?: string };

/**
 * next-auth: email + password against members (lib/auth/log-in.ts), a JWT carrying the member id and
 * the id of a session row that every request checks, so a session can be ended. `client` is the
 * address of the request being handled (only the auth route logs in, so only it needs one).
 */
export function authOptions({ client = 'unknown' }: { client?: string } = {}): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: Math.ceil((config().KURA_SESSION_DAYS * DAY_MS) / 1000) },
    useSecureCookies: config().publicUrl.startsWith('https://'),
    pages: { signIn: '/login' },
    providers: [
      Credentials({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        // A thrown error's message reaches the login page (signIn's `error`): the throttling notice.
        async authorize(input) {
          try {
            return await logIn(input, client);
          } catch (err) {
            throw new Error(describeError(err).message); // never a stack or an internal detail
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) Object.assign(token, { sub: user.id, sid: (user as { sessionId?: string }).sessionId });
        return token;
      },
      async session({ session, token }) {
        const { sub, sid } = token as Token;
        // An ended or expired session reads as no session at all.
        if (!(await isSessionActive(sid, sub))) return { expires: session.expires };
        return { ...session, memberId: sub, sessionId: sid };
      },
    },
    events: {
      async signOut({ token }) {
        await endSession((token as Token | null)?.sid);
      },
    },
  };
}
