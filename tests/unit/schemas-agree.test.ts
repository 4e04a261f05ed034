import { getTableConfig as pgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from '@/db/schema.pg';
import * as sqlite from '@/db/schema.sqlite';

// db/schema.ts hands domain code PostgreSQL's tables typed as SQLite's: that holds only while both files
// describe the same rows. The type checks fail `npm test` at its type-check step; the rest at run time.
describe('the SQLite and PostgreSQL schemas', () => {
  it('give the same row types, read and written', () => {
    expectTypeOf<typeof pg.settings.$inferSelect>().toEqualTypeOf<typeof sqlite.settings.$inferSelect>();
    expectTypeOf<typeof pg.settings.$inferInsert>().toEqualTypeOf<typeof sqlite.settings.$inferInsert>();
    expectTypeOf<typeof pg.members.$inferSelect>().toEqualTypeOf<typeof sqlite.members.$inferSelect>();
    expectTypeOf<typeof pg.members.$inferInsert>().toEqualTypeOf<typeof sqlite.members.$inferInsert>();
    expectTypeOf<typeof pg.roles.$inferSelect>().toEqualTypeOf<typeof sqlite.roles.$inferSelect>();
    expectTypeOf<typeof pg.roles.$inferInsert>().toEqualTypeOf<typeof sqlite.roles.$inferInsert>();
    expectTypeOf<typeof pg.memberRoles.$inferSelect>().toEqualTypeOf<typeof sqlite.memberRoles.$inferSelect>();
    expectTypeOf<typeof pg.memberRoles.$inferInsert>().toEqualTypeOf<typeof sqlite.memberRoles.$inferInsert>();
    expectTypeOf<typeof pg.apiKeys.$inferSelect>().toEqualTypeOf<typeof sqlite.apiKeys.$inferSelect>();
    expectTypeOf<typeof pg.apiKeys.$inferInsert>().toEqualTypeOf<typeof sqlite.apiKeys.$inferInsert>();
    expectTypeOf<typeof pg.invites.$inferSelect>().toEqualTypeOf<typeof sqlite.invites.$inferSelect>();
    expectTypeOf<typeof pg.invites.$inferInsert>().toEqualTypeOf<typeof sqlite.invites.$inferInsert>();
    expectTypeOf<typeof pg.media.$inferSelect>().toEqualTypeOf<typeof sqlite.media.$inferSelect>();
    expectTypeOf<typeof pg.media.$inferInsert>().toEqualTypeOf<typeof sqlite.media.$inferInsert>();
    expectTypeOf<typeof pg.mediaTrash.$inferSelect>().toEqualTypeOf<typeof sqlite.mediaTrash.$inferSelect>();
    expectTypeOf<typeof pg.mediaTrash.$inferInsert>().toEqualTypeOf<typeof sqlite.mediaTrash.$inferInsert>();
    expectTypeOf<typeof pg.mediaVersions.$inferSelect>().toEqualTypeOf<typeof sqlite.mediaVersions.$inferSelect>();
    expectTypeOf<typeof pg.mediaVersions.$inferInsert>().toEqualTypeOf<typeof sqlite.mediaVersions.$inferInsert>();
    expectTypeOf<typeof pg.tags.$inferSelect>().toEqualTypeOf<typeof sqlite.tags.$inferSelect>();
    expectTypeOf<typeof pg.tags.$inferInsert>().toEqualTypeOf<typeof sqlite.tags.$inferInsert>();
    expectTypeOf<typeof pg.mediaTags.$inferSelect>().toEqualTypeOf<typeof sqlite.mediaTags.$inferSelect>();
    expectTypeOf<typeof pg.mediaTags.$inferInsert>().toEqualTypeOf<typeof sqlite.mediaTags.$inferInsert>();
    expectTypeOf<typeof pg.imageVariants.$inferSelect>().toEqualTypeOf<typeof sqlite.imageVariants.$inferSelect>();
    expectTypeOf<typeof pg.imageVariants.$inferInsert>().toEqualTypeOf<typeof sqlite.imageVariants.$inferInsert>();
    expectTypeOf<typeof pg.storageJournal.$inferSelect>().toEqualTypeOf<typeof sqlite.storageJournal.$inferSelect>();
    expectTypeOf<typeof pg.storageJournal.$inferInsert>().toEqualTypeOf<typeof sqlite.storageJournal.$inferInsert>();
    expectTypeOf<typeof pg.apis.$inferSelect>().toEqualTypeOf<typeof sqlite.apis.$inferSelect>();
    expectTypeOf<typeof pg.apis.$inferInsert>().toEqualTypeOf<typeof sqlite.apis.$inferInsert>();
    expectTypeOf<typeof pg.contents.$inferSelect>().toEqualTypeOf<typeof sqlite.contents.$inferSelect>();
    expectTypeOf<typeof pg.contents.$inferInsert>().toEqualTypeOf<typeof sqlite.contents.$inferInsert>();
    expectTypeOf<typeof pg.contentMedia.$inferSelect>().toEqualTypeOf<typeof sqlite.contentMedia.$inferSelect>();
    expectTypeOf<typeof pg.contentMedia.$inferInsert>().toEqualTypeOf<typeof sqlite.contentMedia.$inferInsert>();
    expectTypeOf<typeof pg.contentSearch.$inferSelect>().toEqualTypeOf<typeof sqlite.contentSearch.$inferSelect>();
    expectTypeOf<typeof pg.contentSearch.$inferInsert>().toEqualTypeOf<typeof sqlite.contentSearch.$inferInsert>();
    expectTypeOf<typeof pg.roleContentRights.$inferSelect>().toEqualTypeOf<
      typeof sqlite.roleContentRights.$inferSelect
    >();
    expectTypeOf<typeof pg.roleContentRights.$inferInsert>().toEqualTypeOf<
      typeof sqlite.roleContentRights.$inferInsert
    >();
    expectTypeOf<typeof pg.apiKeyContentRights.$inferSelect>().toEqualTypeOf<
      typeof sqlite.apiKeyContentRights.$inferSelect
    >();
    expectTypeOf<typeof pg.apiKeyContentRights.$inferInsert>().toEqualTypeOf<
      typeof sqlite.apiKeyContentRights.$inferInsert
    >();
    expectTypeOf<typeof pg.webhooks.$inferSelect>().toEqualTypeOf<typeof sqlite.webhooks.$inferSelect>();
    expectTypeOf<typeof pg.webhooks.$inferInsert>().toEqualTypeOf<typeof sqlite.webhooks.$inferInsert>();
    expectTypeOf<typeof pg.events.$inferSelect>().toEqualTypeOf<typeof sqlite.events.$inferSelect>();
    expectTypeOf<typeof pg.events.$inferInsert>().toEqualTypeOf<typeof sqlite.events.$inferInsert>();
    expectTypeOf<typeof pg.deliveries.$inferSelect>().toEqualTypeOf<typeof sqlite.deliveries.$inferSelect>();
    expectTypeOf<typeof pg.deliveries.$inferInsert>().toEqualTypeOf<typeof sqlite.deliveries.$inferInsert>();
    expectTypeOf<typeof pg.deliveryAttempts.$inferSelect>().toEqualTypeOf<
      typeof sqlite.deliveryAttempts.$inferSelect
    >();
    expectTypeOf<typeof pg.deliveryAttempts.$inferInsert>().toEqualTypeOf<
      typeof sqlite.deliveryAttempts.$inferInsert
    >();
    expectTypeOf<typeof pg.auditLog.$inferSelect>().toEqualTypeOf<typeof sqlite.auditLog.$inferSelect>();
    expectTypeOf<typeof pg.auditLog.$inferInsert>().toEqualTypeOf<typeof sqlite.auditLog.$inferInsert>();
    expectTypeOf<typeof pg.sessions.$inferSelect>().toEqualTypeOf<typeof sqlite.sessions.$inferSelect>();
    expectTypeOf<typeof pg.sessions.$inferInsert>().toEqualTypeOf<typeof sqlite.sessions.$inferInsert>();
    expectTypeOf<typeof pg.loginThrottle.$inferSelect>().toEqualTypeOf<typeof sqlite.loginThrottle.$inferSelect>();
    expectTypeOf<typeof pg.loginThrottle.$inferInsert>().toEqualTypeOf<typeof sqlite.loginThrottle.$inferInsert>();
    expectTypeOf<typeof pg.instances.$inferSelect>().toEqualTypeOf<typeof sqlite.instances.$inferSelect>();
    expectTypeOf<typeof pg.instances.$inferInsert>().toEqualTypeOf<typeof sqlite.instances.$inferInsert>();
    expectTypeOf<typeof pg.webhookLeases.$inferSelect>().toEqualTypeOf<typeof sqlite.webhookLeases.$inferSelect>();
    expectTypeOf<typeof pg.webhookLeases.$inferInsert>().toEqualTypeOf<typeof sqlite.webhookLeases.$inferInsert>();
    expectTypeOf<typeof pg.usageDaily.$inferSelect>().toEqualTypeOf<typeof sqlite.usageDaily.$inferSelect>();
    expectTypeOf<typeof pg.usageDaily.$inferInsert>().toEqualTypeOf<typeof sqlite.usageDaily.$inferInsert>();
    expectTypeOf<typeof pg.usageMediaMonthly.$inferSelect>().toEqualTypeOf<
      typeof sqlite.usageMediaMonthly.$inferSelect
    >();
    expectTypeOf<typeof pg.usageMediaMonthly.$inferInsert>().toEqualTypeOf<
      typeof sqlite.usageMediaMonthly.$inferInsert
    >();
  });

  const names = [
    'settings',
    'members',
    'roles',
    'memberRoles',
    'apiKeys',
    'media',
    'mediaTrash',
    'mediaVersions',
    'tags',
    'mediaTags',
    'imageVariants',
    'storageJournal',
    'apis',
    'contents',
    'contentMedia',
    'contentSearch',
    'roleContentRights',
    'apiKeyContentRights',
    'webhooks',
    'events',
    'deliveries',
    'deliveryAttempts',
    'auditLog',
    'sessions',
    'invites',
    'loginThrottle',
    'instances',
    'webhookLeases',
    'usageDaily',
    'usageMediaMonthly',
  ];
  it.each(names)('%s: same table name, columns, nullability and primary key', (name) => {
    const a = sqliteTable((sqlite as unknown as Record<string, Parameters<typeof sqliteTable>[0]>)[name]);
    const b = pgTable((pg as unknown as Record<string, Parameters<typeof pgTable>[0]>)[name]);
    expect(b.name).toBe(a.name);
    const shape = (cols: { name: string; notNull: boolean; primary: boolean }[]) =>
      cols.map((c) => [c.name, c.notNull, c.primary]).sort();
    expect(shape(b.columns)).toEqual(shape(a.columns));
    const keys = (pks: { columns: { name: string }[] }[]) => pks.map((k) => k.columns.map((c) => c.name));
    expect(keys(b.primaryKeys)).toEqual(keys(a.primaryKeys));
    expect(b.foreignKeys.length).toBe(a.foreignKeys.length);
  });

  it('every table is in both', () => {
    const tablesOf = (m: object) =>
      Object.entries(m)
        .filter(([, v]) => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v)
        .map(([k]) => k)
        .sort();
    expect(tablesOf(pg)).toEqual([...names].sort());
    expect(tablesOf(sqlite)).toEqual([...names].sort());
  });
});
