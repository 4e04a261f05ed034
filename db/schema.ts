// The tables domain code uses: SQLite's (db/schema.sqlite.ts) or, with KURA_DATABASE_URL, PostgreSQL's
// (db/schema.pg.ts), chosen once per process. Both describe the same rows (tests/unit/schemas-agree.test.ts);
// the domain is typed against the SQLite builders, whose methods both engines share (docs/scale-out.md).
import { databaseKind } from './kind';
import * as pg from './schema.pg';
import * as sqlite from './schema.sqlite';

const tables = (databaseKind() === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;

export const {
  settings,
  members,
  roles,
  memberRoles,
  apiKeys,
  media,
  mediaTrash,
  mediaVersions,
  tags,
  mediaTags,
  imageVariants,
  storageJournal,
  instances,
  webhookLeases,
  apis,
  contents,
  contentSearch,
  contentMedia,
  roleContentRights,
  apiKeyContentRights,
  webhooks,
  events,
  deliveries,
  deliveryAttempts,
  auditLog,
  sessions,
  invites,
  loginThrottle,
  usageDaily,
  usageMediaMonthly,
} = tables;

export { API_KINDS, type ApiKind } from './enums';
export { DELIVERY_STATES, MEDIA_KINDS, type MediaKind } from './enums';

export type Member = typeof members.$inferSelect;
export type Role = typeof roles.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Media = typeof media.$inferSelect;
export type NewMedia = typeof media.$inferInsert;
export type TrashedMedia = typeof mediaTrash.$inferSelect;
export type MediaVersion = typeof mediaVersions.$inferSelect;
export type Api = typeof apis.$inferSelect;
export type Content = typeof contents.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
