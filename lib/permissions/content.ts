import 'server-only';
import type { Actor, ContentAction } from '@/lib/auth/actor';
import { forbidden } from '@/lib/errors';
import { isAdmin } from './admin';

const REFUSALS: Record<ContentAction, string> = {
  read: 'You do not have permission to read content of this API',
  create: 'You do not have permission to create content in this API',
  update: 'You do not have permission to update content of this API',
  delete: 'You do not have permission to delete content of this API',
};

/** Whether the actor holds this right on the API with this id. */
export function hasContentRight(actor: Actor, apiId: string, action: ContentAction): boolean {
  return actor.content.everywhere || actor.content.byApi[apiId]?.[action] === true;
}

/** Throws 403 unless the actor holds this right on the API. */
export function assertContentRight(actor: Actor, apiId: string, action: ContentAction): void {
  if (!hasContentRight(actor, apiId, action)) throw forbidden(REFUSALS[action]);
}

/** Only Administrators change the schema of APIs. */
export const canManageApis = (actor: Actor): boolean => isAdmin(actor);

/** Throws 403 unless the actor may create or change APIs. */
export function assertCanManageApis(actor: Actor): void {
  if (!canManageApis(actor)) throw forbidden('Only an Administrator can create or change APIs');
}
