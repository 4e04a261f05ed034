import type { NextApiRequest, NextApiResponse } from 'next';
import NextAuth from 'next-auth';
import { clientAddress } from '@/lib/auth/client-address';
import { authOptions } from '@/lib/auth/options';
import { pagesRoute } from '@/lib/http/pages-route';

// A Pages API route rather than an App Router one: only here does the handler see the socket, and so
// the client address that login throttling counts by (lib/auth/client-address.ts).
const handler = (req: NextApiRequest, res: NextApiResponse) =>
  NextAuth(req, res, authOptions({ client: clientAddress(req) }));

// GET/POST /api/auth/* — next-auth: sign-in, sign-out, session, CSRF.
export default pagesRoute({ GET: handler, POST: handler });
