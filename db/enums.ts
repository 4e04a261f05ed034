// The value lists the tables are typed with. The UI takes them from lib/ (lib/activity/operations.ts,
// lib/permissions/read-scopes.ts, lib/webhooks/event-types.ts), which re-export them: db/ imports nothing from lib/.

/** What the activity log records (the audit_log table's `operation` and `actor_type`). */
export const MEDIA_OPERATIONS = [
  'upload',
  'rename',
  'reupload',
  'alt',
  'tags',
  'creator',
  'delete',
  'delete_all',
  'restore',
  'purge',
  'version_delete',
  'image_edit',
] as const;
/** Logins, sessions and changes to who may do what (members, roles, API keys, webhooks, storage). */
export const SECURITY_OPERATIONS = [
  'login',
  'login_failed',
  'login_throttled',
  'logout',
  'sessions_ended',
  'other_sessions_ended',
  'password_changed',
  'member_added',
  'member_updated',
  'member_removed',
  'invite_created',
  'invite_revoked',
  'role_created',
  'role_updated',
  'role_deleted',
  'api_key_created',
  'api_key_updated',
  'api_key_revoked',
  'webhook_created',
  'webhook_updated',
  'webhook_deleted',
  'storage_changed',
] as const;
export const AUDIT_OPERATIONS = [...MEDIA_OPERATIONS, ...SECURITY_OPERATIONS] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];
/** Who an entry is about: a member, an API key, or someone not logged in (a login attempt, by the email typed). */
export const AUDIT_ACTOR_TYPES = ['member', 'apiKey', 'visitor'] as const;

/** Which media a role may read (the roles table's `media_read`): all, by members of this role, own, none. */
export const MEDIA_READ_SCOPES = ['all', 'role', 'own', 'none'] as const;
export type MediaReadScope = (typeof MEDIA_READ_SCOPES)[number];

/** The changes a webhook can be sent for (the webhooks table's `events`). */
export const WEBHOOK_EVENT_TYPES = ['new', 'edit', 'delete'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const MEDIA_KINDS = ['image', 'file'] as const;

/** A stored flip of an image (lib/media/image-edit.ts): none, horizontal, vertical or both, as imgix's `flip`. */
export const IMAGE_FLIPS = ['none', 'h', 'v', 'hv'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

/** What an API holds (the apis table's `kind`): many content items, or one (microCMS's list and object APIs). */
export const API_KINDS = ['list', 'object'] as const;
export type ApiKind = (typeof API_KINDS)[number];
