import 'server-only';
import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { unauthenticated } from '@/lib/errors';
import { loadMemberActor, type Actor } from './actor';
import { authOptions } from './options';

type Session = { memberId?: string; sessionId?: string } | null;

/** The member of a checked session (lib/auth/options.ts: ended sessions have no memberId), read fresh. */
async function memberOf(session: Session): Promise<Actor | null> {
  if (!session?.memberId || !session.sessionId) return null;
  const actor = await loadMemberActor(session.memberId);
  return actor?.type === 'member' ? { ...actor, sessionId: session.sessionId } : null;
}

/** The logged-in member as an actor, or null. Reads the member and the session fresh on every call. */
export async function currentMember(): Promise<Actor | null> {
  return await memberOf((await getServerSession(authOptions())) as Session);
}

/** For pages: the member, or a redirect to /login. */
export async function requireMemberPage(): Promise<Actor> {
  const actor = await currentMember();
  if (!actor) redirect('/login');
  return actor;
}

/**
 * For the Administrators' pages: the member when `can` allows them the page, else null; each page then
 * shows its refusal or `notFound()`, as it always has.
 * @example const actor = (await requireAdminPage(canManageStorage)) ?? notFound();
 */
export async function requireAdminPage(can: (actor: Actor) => boolean): Promise<Actor | null> {
  const actor = await requireMemberPage();
  return can(actor) ? actor : null;
}

/** For server actions and routes: the member, or a 401 error. */
export async function requireMember(): Promise<Actor> {
  const actor = await currentMember();
  if (!actor) throw unauthenticated('Your session has ended: log in again');
  return actor;
}

/** For Pages API routes (raw Node request): the member, or a 401 error. */
export async function requireMemberForApi(req: NextApiRequest, res: NextApiResponse): Promise<Actor> {
  const actor = await memberOf((await getServerSession(req, res, authOptions())) as Session);
  if (!actor) throw unauthenticated('Your session has ended: log in again');
  return actor;
}
