// PostgreSQL mirror of db/schema.sqlite.ts: the same tables, columns and row types (tests/unit/schemas-agree.test.ts
// compares them). Timestamps are `timestamptz(3)` read as Date, booleans `boolean`, JSON `jsonb`, byte sizes
// `bigint` read as number. Change both files together and generate both migration folders.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  API_KINDS,
  AUDIT_ACTOR_TYPES,
  AUDIT_OPERATIONS,
  DELIVERY_STATES,
  IMAGE_FLIPS,
  MEDIA_KINDS,
  MEDIA_READ_SCOPES,
  type WebhookEventType,
} from './enums';

const at = (name: string) => timestamp(name, { mode: 'date', withTimezone: true, precision: 3 });
const createdAt = () => at('created_at').notNull().defaultNow();
const flag = (name: string) => boolean(name).notNull().default(false);
const serialId = (name = 'id') => integer(name).primaryKey().generatedByDefaultAsIdentity();

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// Emails and role names are unique whatever their case: the index decides between two concurrent adds.
export const members = pgTable(
  'members',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('members_email_lower').on(sql`lower(${t.email})`)],
);

export const roles = pgTable(
  'roles',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().unique(),
    builtin: text('builtin', { enum: ['administrator'] }).unique(),
    mediaRead: text('media_read', { enum: MEDIA_READ_SCOPES }).notNull().default('none'),
    mediaUpload: flag('media_upload'),
    mediaEdit: flag('media_edit'),
    mediaDelete: flag('media_delete'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('roles_name_lower').on(sql`lower(${t.name})`)],
);

export const memberRoles = pgTable(
  'member_roles',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    roleId: text('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.roleId] }), index('member_roles_role').on(t.roleId)],
);

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  keyPreview: text('key_preview').notNull(),
  mediaGet: flag('media_get'),
  mediaUpload: flag('media_upload'),
  mediaEdit: flag('media_edit'),
  mediaDelete: flag('media_delete'),
  contentAll: flag('content_all'),
  createdAt: createdAt(),
  revokedAt: at('revoked_at'),
});

export const media = pgTable(
  'media',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull(),
    mimeType: text('mime_type').notNull(),
    extension: text('extension').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    duration: doublePrecision('duration'),
    pageCount: integer('page_count'),
    hasPreview: flag('has_preview'),
    alt: text('alt').notNull().default(''),
    storage: text('storage').notNull(),
    storageKey: text('storage_key').notNull(),
    creatorId: text('creator_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull(),
    blurhash: text('blurhash'),
    dominantColor: text('dominant_color'),
    hasAlpha: boolean('has_alpha'),
    focalX: doublePrecision('focal_x'),
    focalY: doublePrecision('focal_y'),
    cropX: integer('crop_x'),
    cropY: integer('crop_y'),
    cropW: integer('crop_w'),
    cropH: integer('crop_h'),
    rotate: integer('rotate').notNull().default(0),
    flip: text('flip', { enum: IMAGE_FLIPS }).notNull().default('none'),
    /** Images: a 64-bit difference hash (16 hex) for near-duplicates (docs/duplicates.md); '' when undecodable. */
    dhash: text('dhash'),
  },
  (t) => [
    index('media_created').on(t.createdAt, t.id),
    index('media_size').on(t.size, t.id),
    index('media_name').on(t.fileName, t.id),
    index('media_id_kind').on(t.id, t.kind, t.mimeType),
    index('media_creator').on(t.creatorId),
    // Exact duplicates: the library's Duplicates filter groups by it, an upload looks its hash up.
    index('media_sha256').on(t.sha256),
    uniqueIndex('media_storage_key').on(t.storage, t.storageKey),
    // Substring search (ILIKE '%…%') on names and alt texts: trigram indexes (SQLite: the media_search FTS5 table).
    index('media_name_trgm').using('gin', sql`${t.fileName} gin_trgm_ops`),
    index('media_alt_trgm').using('gin', sql`${t.alt} gin_trgm_ops`),
  ],
);

// Tag names are case-sensitive, as on SQLite ("Cat" and "cat" are two tags).
export const tags = pgTable('tags', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const mediaTags = pgTable(
  'media_tags',
  {
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.mediaId, t.tagId] }),
    // A tag's media ids from the index alone: a tag filter counts and pages without reading media_tags rows.
    index('media_tags_tag').on(t.tagId, t.mediaId),
  ],
);

export const imageVariants = pgTable(
  'image_variants',
  {
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    planHash: text('plan_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.sha256, t.planHash] })],
);

export const storageJournal = pgTable(
  'storage_journal',
  {
    storage: text('storage').notNull(),
    key: text('key').notNull(),
    reason: text('reason', { enum: ['upload', 'garbage'] }).notNull(),
    createdAt: createdAt(),
    instanceId: text('instance_id'),
  },
  (t) => [primaryKey({ columns: [t.storage, t.key] })],
);

export const mediaTrash = pgTable(
  'media_trash',
  {
    mediaId: text('media_id').primaryKey(),
    fileName: text('file_name').notNull(),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storage: text('storage').notNull(),
    row: jsonb('row').notNull().$type<Record<string, unknown>>(),
    tags: jsonb('tags').notNull().$type<string[]>(),
    trashedAt: at('trashed_at').notNull(),
    trashedBy: text('trashed_by').notNull(),
    trashedById: text('trashed_by_id'),
    creatorId: text('creator_id'),
  },
  (t) => [index('media_trash_at').on(t.trashedAt)],
);

export const mediaVersions = pgTable(
  'media_versions',
  {
    id: text('id').primaryKey(),
    mediaId: text('media_id').notNull(),
    mimeType: text('mime_type').notNull(),
    extension: text('extension').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    alt: text('alt').notNull().default(''),
    storage: text('storage').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
    keptAt: at('kept_at').notNull(),
    keptBy: text('kept_by').notNull(),
  },
  (t) => [
    index('media_versions_media').on(t.mediaId, t.keptAt),
    uniqueIndex('media_versions_storage_key').on(t.storage, t.storageKey),
  ],
);

export const apis = pgTable('apis', {
  id: text('id').primaryKey(),
  endpoint: text('endpoint').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: API_KINDS }).notNull().default('list'),
  fields: jsonb('fields').notNull().$type<unknown[]>(),
  createdAt: createdAt(),
  updatedAt: at('updated_at').notNull(),
});

export const contents = pgTable(
  'contents',
  {
    id: text('id').primaryKey(),
    apiId: text('api_id')
      .notNull()
      .references(() => apis.id, { onDelete: 'cascade' }),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('contents_api_created').on(t.apiId, t.createdAt, t.id)],
);

// Searched with LIKE through pg_trgm (the text is stored in lower case, so the index needs no expression).
export const contentSearch = pgTable(
  'content_search',
  {
    seq: serialId('seq'),
    contentId: text('content_id')
      .notNull()
      .unique()
      .references(() => contents.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
  },
  (t) => [index('content_search_trgm').using('gin', sql`${t.text} gin_trgm_ops`)],
);

export const contentMedia = pgTable(
  'content_media',
  {
    contentId: text('content_id')
      .notNull()
      .references(() => contents.id, { onDelete: 'cascade' }),
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'restrict' }),
    field: text('field').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.mediaId, t.field] }), index('content_media_media').on(t.mediaId)],
);

/** The four content rights a role or an API key holds on one API (as db/schema.sqlite.ts). */
const contentRights = () => ({
  read: flag('read'),
  create: flag('create'),
  update: flag('update'),
  delete: flag('delete'),
});

export const roleContentRights = pgTable(
  'role_content_rights',
  {
    roleId: text('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    apiId: text('api_id')
      .notNull()
      .references(() => apis.id, { onDelete: 'cascade' }),
    ...contentRights(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.apiId] })],
);

export const apiKeyContentRights = pgTable(
  'api_key_content_rights',
  {
    apiKeyId: text('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    apiId: text('api_id')
      .notNull()
      .references(() => apis.id, { onDelete: 'cascade' }),
    ...contentRights(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.apiId] })],
);

export const webhooks = pgTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    apiId: text('api_id').references(() => apis.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    secretSealed: text('secret_sealed').notNull(),
    events: jsonb('events').notNull().$type<WebhookEventType[]>(),
    enabled: boolean('enabled').notNull().default(true),
    source: text('source', { enum: ['settings', 'env'] })
      .notNull()
      .default('settings'),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_api').on(t.apiId)],
);

export const events = pgTable('events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
});

export const deliveries = pgTable(
  'deliveries',
  {
    id: serialId(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    state: text('state', { enum: DELIVERY_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('deliveries_webhook_state').on(t.webhookId, t.state, t.id)],
);

export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: serialId(),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    at: at('at').notNull(),
    status: integer('status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('delivery_attempts_delivery').on(t.deliveryId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: serialId(),
    at: at('at').notNull(),
    actorType: text('actor_type', { enum: AUDIT_ACTOR_TYPES }).notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    operation: text('operation', { enum: AUDIT_OPERATIONS }).notNull(),
    mediaId: text('media_id'),
    target: text('target').notNull(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_actor').on(t.actorId, t.at),
    index('audit_log_operation').on(t.operation, t.at),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    roleIds: jsonb('role_ids').notNull().$type<string[]>(),
    createdBy: text('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [index('invites_email').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    client: text('client').notNull(),
  },
  (t) => [index('sessions_member').on(t.memberId), index('sessions_expires').on(t.expiresAt)],
);

export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: at('window_start').notNull(),
  blockedUntil: at('blocked_until'),
  blocks: integer('blocks').notNull().default(0),
});

export const instances = pgTable('instances', {
  id: text('id').primaryKey(),
  startedAt: at('started_at').notNull(),
  heartbeatAt: at('heartbeat_at').notNull(),
  address: text('address').notNull(),
});

export const webhookLeases = pgTable('webhook_leases', {
  webhookId: text('webhook_id')
    .primaryKey()
    .references(() => webhooks.id, { onDelete: 'cascade' }),
  instanceId: text('instance_id').notNull(),
  expiresAt: at('expires_at').notNull(),
});

export const usageDaily = pgTable(
  'usage_daily',
  {
    day: text('day').notNull(),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.metric] })],
);

export const usageMediaMonthly = pgTable(
  'usage_media_monthly',
  {
    month: text('month').notNull(),
    mediaId: text('media_id').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    requests: bigint('requests', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.mediaId] }), index('usage_media_monthly_bytes').on(t.month, t.bytes)],
);
