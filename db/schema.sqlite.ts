// The SQLite tables (the embedded default). db/schema.pg.ts mirrors them for PostgreSQL: change both together.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/** One row per service-wide setting (service id, storage choice, ...). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const members = sqliteTable('members', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

export const roles = sqliteTable('roles', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** 'administrator' for the built-in role that can do everything; null for roles made by people. */
  builtin: text('builtin', { enum: ['administrator'] }).unique(),
  mediaRead: text('media_read', { enum: MEDIA_READ_SCOPES }).notNull().default('none'),
  mediaUpload: integer('media_upload', { mode: 'boolean' }).notNull().default(false),
  mediaEdit: integer('media_edit', { mode: 'boolean' }).notNull().default(false),
  mediaDelete: integer('media_delete', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const memberRoles = sqliteTable(
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

export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** SHA-256 of the key: keys are 256-bit random, so a fast hash is enough and lookups stay indexed. */
  keyHash: text('key_hash').notNull().unique(),
  /** First characters of the key, to tell keys apart in the UI. */
  keyPreview: text('key_preview').notNull(),
  mediaGet: integer('media_get', { mode: 'boolean' }).notNull().default(false),
  mediaUpload: integer('media_upload', { mode: 'boolean' }).notNull().default(false),
  mediaEdit: integer('media_edit', { mode: 'boolean' }).notNull().default(false),
  mediaDelete: integer('media_delete', { mode: 'boolean' }).notNull().default(false),
  /** Every content right on every API, present and future (the key from `KURA_API_KEY`). */
  contentAll: integer('content_all', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
});

export const media = sqliteTable(
  'media',
  {
    /** 32 lowercase hex characters of randomness, new for every upload. */
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull(),
    mimeType: text('mime_type').notNull(),
    /** Lowercase extension without the dot, from the sniffed type when known. */
    extension: text('extension').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** Seconds of a video or audio file, read at upload by ffprobe; null when unknown. */
    duration: real('duration'),
    /** Pages of a PDF, read at upload by poppler's pdfinfo; null when unknown. */
    pageCount: integer('page_count'),
    /** A poster frame (video) or first page (PDF) could be made at upload: the thumbnail route serves it. */
    hasPreview: integer('has_preview', { mode: 'boolean' }).notNull().default(false),
    alt: text('alt').notNull().default(''),
    /** Which storage holds the bytes ('local' or 's3'); media keeps the storage it was uploaded to. */
    storage: text('storage').notNull(),
    storageKey: text('storage_key').notNull(),
    creatorId: text('creator_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    /** Placeholders of an image (lib/media/image-facts.ts), null until computed: blurhash, `#rrggbb`, alpha. */
    blurhash: text('blurhash'),
    dominantColor: text('dominant_color'),
    hasAlpha: integer('has_alpha', { mode: 'boolean' }),
    /**
     * A stored, non-destructive edit of an image (lib/media/image-edit.ts; docs/image-api.md, "Stored edits"): the
     * focal point as fractions of the original, the crop in pixels of the original (EXIF orientation applied, before
     * the stored rotation), then a quarter turn clockwise and a flip. The original's bytes never change.
     */
    focalX: real('focal_x'),
    focalY: real('focal_y'),
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
    // Covers "this id, of this kind" lookups, so counting a tag filter never reads whole rows.
    index('media_id_kind').on(t.id, t.kind, t.mimeType),
    index('media_creator').on(t.creatorId),
    // Exact duplicates: the library's Duplicates filter groups by it, an upload looks its hash up.
    index('media_sha256').on(t.sha256),
    uniqueIndex('media_storage_key').on(t.storage, t.storageKey),
  ],
);

export const tags = sqliteTable('tags', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const mediaTags = sqliteTable(
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

/**
 * The distinct Image API variants asked of one media version (KURA_MAX_VARIANTS_PER_MEDIA): a row is
 * reserved before a new variant renders, so the bound holds even while its files are evicted.
 */
export const imageVariants = sqliteTable(
  'image_variants',
  {
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    /** The content hash: a re-upload starts a new count. */
    sha256: text('sha256').notNull(),
    /** SHA-256 of the plan's cacheKey (the variant file's name). */
    planHash: text('plan_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.sha256, t.planHash] })],
);

/**
 * Storage objects that may exist without a media row: uploads in flight (a crash leaves them behind)
 * and old bytes to remove after a commit. Written before the object and cleared in the same
 * transaction that makes it live, so the sweeper can always finish what a crash interrupted.
 */
export const storageJournal = sqliteTable(
  'storage_journal',
  {
    storage: text('storage').notNull(),
    key: text('key').notNull(),
    reason: text('reason', { enum: ['upload', 'garbage'] }).notNull(),
    createdAt: createdAt(),
    /** The instance whose upload this is: its entries are left alone while it lives (docs/scale-out.md). */
    instanceId: text('instance_id'),
  },
  (t) => [primaryKey({ columns: [t.storage, t.key] })],
);

/**
 * Media in Trash (lib/trash/): the row left `media` (so nothing serves, lists or references it) and waits here,
 * whole, with its tags, until restored or deleted for good. Its bytes stay where they were.
 */
export const mediaTrash = sqliteTable(
  'media_trash',
  {
    mediaId: text('media_id').primaryKey(),
    fileName: text('file_name').notNull(),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull(),
    size: integer('size').notNull(),
    storage: text('storage').notNull(),
    /** The media row as it was (JSON of `Media`, dates as ms) and its tag names. */
    row: text('row', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    tags: text('tags', { mode: 'json' }).notNull().$type<string[]>(),
    trashedAt: integer('trashed_at', { mode: 'timestamp_ms' }).notNull(),
    /** Who moved it there: a member's or an API key's name, and the member's id. */
    trashedBy: text('trashed_by').notNull(),
    trashedById: text('trashed_by_id'),
    /** The media's creator, so the read scope applies in Trash as in the library. */
    creatorId: text('creator_id'),
  },
  (t) => [index('media_trash_at').on(t.trashedAt)],
);

/** Earlier bytes of a media item, kept by a re-upload (lib/versions/); newest first by `keptAt`. */
export const mediaVersions = sqliteTable(
  'media_versions',
  {
    id: text('id').primaryKey(),
    mediaId: text('media_id').notNull(),
    mimeType: text('mime_type').notNull(),
    extension: text('extension').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    alt: text('alt').notNull().default(''),
    storage: text('storage').notNull(),
    storageKey: text('storage_key').notNull(),
    /** When these bytes were put up, and when and by whom they were replaced. */
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
    keptAt: integer('kept_at', { mode: 'timestamp_ms' }).notNull(),
    keptBy: text('kept_by').notNull(),
  },
  (t) => [
    index('media_versions_media').on(t.mediaId, t.keptAt),
    uniqueIndex('media_versions_storage_key').on(t.storage, t.storageKey),
  ],
);

/** A content endpoint (microCMS's "API"): its id is the path segment, its fields a JSON schema. */
export const apis = sqliteTable('apis', {
  id: text('id').primaryKey(),
  /** The endpoint in `/api/v1/{endpoint}` and `/apis/{endpoint}`; lowercase, unique, never `media`. */
  endpoint: text('endpoint').notNull().unique(),
  name: text('name').notNull(),
  /** `list`: many content items (`GET /api/v1/{endpoint}` pages them); `object`: one, read and written there. */
  kind: text('kind', { enum: API_KINDS }).notNull().default('list'),
  /** `ApiField[]` (lib/content/schemas.ts), in display order. */
  fields: text('fields', { mode: 'json' }).notNull().$type<unknown[]>(),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const contents = sqliteTable(
  'contents',
  {
    id: text('id').primaryKey(),
    apiId: text('api_id')
      .notNull()
      .references(() => apis.id, { onDelete: 'cascade' }),
    /** Field values by field id, stored form: media fields hold media ids, rich editor holds sanitized HTML. */
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('contents_api_created').on(t.apiId, t.createdAt, t.id)],
);

/**
 * The searchable text of a content item (its text, text-area and rich-editor fields, markup removed, NFKC and lower
 * case), written in the transaction of every content write. `seq` is an INTEGER PRIMARY KEY, so the FTS5 trigram
 * index `content_search_fts` (hand-written in the migration, kept by triggers) keys rows that VACUUM never renumbers.
 */
export const contentSearch = sqliteTable('content_search', {
  seq: integer('seq').primaryKey(),
  contentId: text('content_id')
    .notNull()
    .unique()
    .references(() => contents.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
});

/**
 * Which content uses which media, through which field. Rewritten in the transaction of every content
 * write. `restrict` makes SQLite itself refuse to delete referenced media, whatever the code path.
 */
export const contentMedia = sqliteTable(
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

/** The four content rights a role or an API key holds on one API (microCMS's GET, POST, PATCH, DELETE). */
const contentRights = () => ({
  read: integer('read', { mode: 'boolean' }).notNull().default(false),
  create: integer('create', { mode: 'boolean' }).notNull().default(false),
  update: integer('update', { mode: 'boolean' }).notNull().default(false),
  delete: integer('delete', { mode: 'boolean' }).notNull().default(false),
});

/** A role's rights on one API's content (the built-in Administrator has all of them everywhere). */
export const roleContentRights = sqliteTable(
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

/** An API key's rights on one API's content (microCMS: GET, POST, PATCH, DELETE per endpoint). */
export const apiKeyContentRights = sqliteTable(
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

/** Where a site wants to hear about changes: media changes (api null) or one API's content. */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    /** null: media webhook (Media settings); else the API whose content it reports. */
    apiId: text('api_id').references(() => apis.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** The signing secret, sealed with a key derived from AUTH_SECRET (lib/crypto/sealed.ts). */
    secretSealed: text('secret_sealed').notNull(),
    /** `WebhookEventType[]` this webhook is sent. */
    events: text('events', { mode: 'json' }).notNull().$type<WebhookEventType[]>(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** 'env' for the one provisioned from KURA_MEDIA_WEBHOOK_URL (kept in step with the environment). */
    source: text('source', { enum: ['settings', 'env'] })
      .notNull()
      .default('settings'),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_api').on(t.apiId)],
);

/**
 * The outbox: one row per change reported, written in the transaction of the change itself, holding
 * the exact body that is sent (so every retry sends the same bytes and the same signature).
 */
export const events = sqliteTable('events', {
  id: text('id').primaryKey(),
  /** e.g. `media.new`, `content.edit` (the X-Kura-Event-Type header). */
  type: text('type').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
});

/** One event to one webhook. Sent in id order per webhook; retried with backoff until delivered or given up. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    state: text('state', { enum: DELIVERY_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('deliveries_webhook_state').on(t.webhookId, t.state, t.id)],
);

/** Every attempt of a delivery: when, the HTTP status (null when none came) and what went wrong. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    status: integer('status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('delivery_attempts_delivery').on(t.deliveryId)],
);

/** The activity of the media library: who did what to which media, with the values before and after. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorType: text('actor_type', { enum: AUDIT_ACTOR_TYPES }).notNull(),
    /** Not a foreign key: the log outlives removed members and revoked keys. */
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    operation: text('operation', { enum: AUDIT_OPERATIONS }).notNull(),
    mediaId: text('media_id'),
    /** What the entry is about, as people read it (the file name; for "delete all", a count). */
    target: text('target').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_actor').on(t.actorId, t.at),
    index('audit_log_operation').on(t.operation, t.at),
  ],
);

/**
 * One login: its id is in the session cookie (JWT) and every request checks it here, so logout, a
 * password change, an Administrator or the member's removal (cascade) can end it.
 */
/** A link an Administrator made for a new member to set their own password: single use, expiring. */
export const invites = sqliteTable(
  'invites',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the link's token; the token itself is shown once, to the Administrator who made the link. */
    tokenHash: text('token_hash').notNull().unique(),
    /** Lowercased; the member logs in with it. */
    email: text('email').notNull(),
    /** The roles the member gets; a role deleted since is left out when the link is used. */
    roleIds: text('role_ids', { mode: 'json' }).notNull().$type<string[]>(),
    createdBy: text('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set, in the transaction that adds the member, when the link is used: it works once. */
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('invites_email').on(t.email)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Updated at most every few minutes, for the idle limit. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Where the login came from, for the member's own list. */
    client: text('client').notNull(),
  },
  (t) => [index('sessions_member').on(t.memberId), index('sessions_expires').on(t.expiresAt)],
);

/**
 * Failed-login counters, one per key (`pair:<email> <client>`, `email:<email>`, `client:<client>`),
 * kept in the database so a restart does not reset them (lib/auth/throttle-store.ts).
 */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
  /** How many blocks this key has had lately: each one lasts twice as long as the one before. */
  blocks: integer('blocks').notNull().default(0),
});

/** Every Kura process on this database: its id (kept in its data dir), and when it last said it was alive. */
export const instances = sqliteTable('instances', {
  id: text('id').primaryKey(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  heartbeatAt: integer('heartbeat_at', { mode: 'timestamp_ms' }).notNull(),
  /** Host name and port, for an operator reading the table. */
  address: text('address').notNull(),
});

/** Which instance sends a webhook's deliveries, until when (renewed while it lives; taken over after). */
export const webhookLeases = sqliteTable('webhook_leases', {
  webhookId: text('webhook_id')
    .primaryKey()
    .references(() => webhooks.id, { onDelete: 'cascade' }),
  instanceId: text('instance_id').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Usage per day (docs/usage.md), one row per UTC day and figure: counters (`original.bytes`, `variant.requests`, …)
 * are added to by each flush, stored figures (`stored.originals`, `media.image`, …) are set to the day's last value.
 */
export const usageDaily = sqliteTable(
  'usage_daily',
  {
    day: text('day').notNull(),
    metric: text('metric').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.metric] })],
);

/** Bytes and requests delivered per media and UTC month (`YYYY-MM`): the month's top media come from here. */
export const usageMediaMonthly = sqliteTable(
  'usage_media_monthly',
  {
    month: text('month').notNull(),
    mediaId: text('media_id').notNull(),
    bytes: integer('bytes').notNull().default(0),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.mediaId] }), index('usage_media_monthly_bytes').on(t.month, t.bytes)],
);
