import 'server-only';
import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { unauthenticated } from '@/lib/errors';
import { loadMemberActor, type Actor } from './actor';
import { authOptions } from './options';

/** The logged-in member as an actor, or null. Reads the member fresh on every call. */
export async function currentMember(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions())) as { memberId?: string } | null;
  return session?.memberId ? loadMemberActor(session.memberId) : null;
}

/** For pages: the member, or a redirect to /login. */
export async function requireMemberPage(): Promise<Actor> {
  const actor = await currentMember();
  if (!actor) redirect('/login');
  return actor;
}

/** For server actions and routes: the member, or a 401 error. */
export async function requireMember(): Promise<Actor> {
  const actor = await currentMember();
  if (!actor) throw unauthenticated('Your session has ended: log in again');
  return actor;
}

/** For Pages API routes (raw Node request): the member, or a 401 error. */
export async function requireMemberForApi(req: NextApiRequest, res: NextApiResponse): Promise<Actor> {
  const session = (await getServerSession(req, res, authOptions())) as { memberId?: string } | null;
  const actor = session?.memberId ? loadMemberActor(session.memberId) : null;
  if (!actor) throw unauthenticated('Your session has ended: log in again');
  return actor;
}
