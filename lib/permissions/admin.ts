import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { forbidden } from '@/lib/errors';

export type MemberActor = Extract<Actor, { type: 'member' }>;

/** Whether the actor is a member holding the built-in Administrator role. */
export const isAdmin = (actor: Actor): actor is MemberActor => actor.type === 'member' && actor.isAdmin;

/**
 * Throws 403 unless the actor is an Administrator: members, roles and API keys are theirs alone.
 * @example assertAdmin(actor, 'manage members') // "Only an Administrator can manage members"
 */
export function assertAdmin(actor: Actor, what: string): asserts actor is MemberActor {
  if (!isAdmin(actor)) throw forbidden(`Only an Administrator can ${what}`);
}

/** Whether the actor is a member (an API key has no password or account of its own). */
export const isMember = (actor: Actor): actor is MemberActor => actor.type === 'member';

/** Throws 403 unless the actor is a member. */
export function assertMember(actor: Actor): asserts actor is MemberActor {
  if (!isMember(actor)) throw forbidden('Only a logged-in member can do this');
}
