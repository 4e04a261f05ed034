import 'server-only';
import { eq } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '@/db';
import { members } from '@/db/schema';
import { emailAddress } from './email';
import { verifyPassword } from './password';
import { authSecret } from './secret';

// The origin comes from the request's Host, so Kura works on any port or domain without NEXTAUTH_URL.
process.env.AUTH_TRUST_HOST ??= 'true';

const credentials = z.object({ email: emailAddress, password: z.string().min(1) });

/** next-auth: email + password against members, JWT sessions carrying only the member id. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      Credentials({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(input) {
          const parsed = credentials.safeParse(input);
          if (!parsed.success) return null;
          const member = db().select().from(members).where(eq(members.email, parsed.data.email)).get();
          if (!member || !(await verifyPassword(member.passwordHash, parsed.data.password))) return null;
          return { id: member.id, email: member.email, name: member.name };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, memberId: token.sub };
      },
    },
  };
}
