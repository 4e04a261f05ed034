import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { forbidden } from '@/lib/errors';
import { isAdmin } from './admin';

/** Webhooks (media and per API) are service settings: Administrators only. */
export const canManageWebhooks = (actor: Actor): boolean => isAdmin(actor);

/** The activity log shows everyone's work on all media: Administrators only. */
export const canReadActivity = (actor: Actor): boolean => isAdmin(actor);

/** Where media bytes are stored (and the credentials for it) is a service setting: Administrators only. */
export const canManageStorage = (actor: Actor): boolean => isAdmin(actor);

/** Usage figures (bytes stored and delivered, the disk's free space) are about the whole service: Administrators. */
export const canReadUsage = (actor: Actor): boolean => isAdmin(actor);

/** Throws 403 unless the actor may see usage figures. */
export function assertCanReadUsage(actor: Actor): void {
  if (!canReadUsage(actor)) throw forbidden('Only an Administrator can see usage figures');
}

/** Throws 403 unless the actor may manage webhooks. */
export function assertCanManageWebhooks(actor: Actor): void {
  if (!canManageWebhooks(actor)) throw forbidden('Only an Administrator can manage webhooks');
}

/** Throws 403 unless the actor may see the activity log. */
export function assertCanReadActivity(actor: Actor): void {
  if (!canReadActivity(actor)) throw forbidden('Only an Administrator can see the activity log');
}

/** Throws 403 unless the actor may change where media is stored. */
export function assertCanManageStorage(actor: Actor): void {
  if (!canManageStorage(actor)) throw forbidden('Only an Administrator can change where media is stored');
}
