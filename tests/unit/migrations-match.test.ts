import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Each migration folder must say exactly what its schema file says: drizzle-kit, run on a copy of the
// folder, finds nothing new to write. A schema change without `npm run db:generate` fails here.
const ROOT = path.resolve(__dirname, '../..');

const folders = [
  { dialect: 'sqlite', schema: 'db/schema.sqlite.ts', out: 'db/migrations' },
  { dialect: 'postgresql', schema: 'db/schema.pg.ts', out: 'db/migrations-pg' },
];

describe('migrations', () => {
  it.each(folders)(
    '$out is up to date with $schema',
    ({ dialect, schema, out }) => {
      // Inside the repository: drizzle-kit takes `--out` relative to the working directory.
      fs.mkdirSync(path.join(ROOT, 'tests/.tmp'), { recursive: true });
      const copy = fs.mkdtempSync(path.join(ROOT, 'tests/.tmp/migrations-'));
      fs.cpSync(path.join(ROOT, out), copy, { recursive: true });
      const before = fs.readdirSync(copy).sort();
      try {
        const output = execFileSync(
          path.join(ROOT, 'node_modules/.bin/drizzle-kit'),
          ['generate', `--dialect=${dialect}`, `--schema=${schema}`, `--out=${path.relative(ROOT, copy)}`],
          { cwd: ROOT, encoding: 'utf8' },
        );
        expect(output).toContain('No schema changes');
        expect(fs.readdirSync(copy).sort()).toEqual(before);
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
