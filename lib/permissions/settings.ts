import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { forbidden } from '@/lib/errors';

/** Webhooks (media and per API) are service settings: Administrators only. */
export function assertCanManageWebhooks(actor: Actor): void {
  if (!(actor.type === 'member' && actor.isAdmin)) throw forbidden('Only an Administrator can manage webhooks');
}

/** The activity log shows everyone's work on all media: Administrators only. */
export function assertCanReadActivity(actor: Actor): void {
  if (!(actor.type === 'member' && actor.isAdmin)) throw forbidden('Only an Administrator can see the activity log');
}

/** Where media bytes are stored (and the credentials for it) is a service setting: Administrators only. */
export function assertCanManageStorage(actor: Actor): void {
  if (!(actor.type === 'member' && actor.isAdmin)) throw forbidden('Only an Administrator can change where media is stored');
}
