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
