// Migrations for both databases: `npm run db:generate` writes db/migrations (SQLite) and db/migrations-pg
// (PostgreSQL) from their schema files; tests/unit/migrations-match.test.ts checks both are up to date.
import { defineConfig } from 'drizzle-kit';

const postgres = process.env.KURA_SCHEMA_DIALECT === 'postgresql';

export default postgres
  ? defineConfig({ dialect: 'postgresql', schema: './db/schema.pg.ts', out: './db/migrations-pg' })
  : defineConfig({ dialect: 'sqlite', schema: './db/schema.sqlite.ts', out: './db/migrations' });
