import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md, as eslint.config.mjs enforces them: each forbidden import below is
// linted as if it sat in the named file, and must be rejected by `import/no-restricted-paths`.
const ROOT = path.resolve(__dirname, '../..');
// The fixtures are not files of the project, so the type-aware rules (which need them to be) are left out.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

// An import the resolver cannot find is never reported, so every module named here must exist.
function assertResolves(code: string) {
  for (const [, spec] of code.matchAll(/from '@\/([^']+)'/g)) {
    const base = path.join(ROOT, spec);
    const found = ['.ts', '.tsx', '/index.ts'].some((ext) => fs.existsSync(base + ext));
    if (!found) throw new Error(`fixture imports a module that does not exist: @/${spec}`);
  }
}

async function boundaryErrors(file: string, code: string) {
  assertResolves(code);
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
}

const forbidden: Array<[string, string, string, RegExp]> = [
  [
    'a component imports db/',
    'components/media/example.tsx',
    "import { media } from '@/db/schema';",
    /through a domain/,
  ],
  ['a page imports db/', 'app/(admin)/media/example/page.tsx', "import { db } from '@/db';", /through a domain/],
  [
    'a route handler imports db/',
    'app/api/v1/example/route.ts',
    "import { media } from '@/db/schema';",
    /through a domain/,
  ],
  ['a Pages route imports db/', 'pages/api/example.ts', "import { db } from '@/db';", /through a domain/],
  ['storage imports db/', 'lib/storage/example.ts', "import { db } from '@/db';", /bytes only/],
  [
    'storage imports the domain',
    'lib/storage/example.ts',
    "import { uploadMedia } from '@/lib/media/upload-media';",
    /bytes only/,
  ],
  [
    'storage imports permissions',
    'lib/storage/example.ts',
    "import { assertCan } from '@/lib/permissions/media';",
    /bytes only/,
  ],
  ['db/ imports lib/', 'db/example.ts', "import { config } from '@/lib/config';", /lowest layer/],
  [
    'lib/http imports media',
    'lib/http/example.ts',
    "import { uploadMedia } from '@/lib/media/upload-media';",
    /adapts/,
  ],
  ['lib/http imports content', 'lib/http/example.ts', "import { getApi } from '@/lib/content/get-api';", /adapts/],
  [
    'the domain imports a component',
    'lib/media/example.ts',
    "import { X } from '@/components/media/media-grid';",
    /adapters/,
  ],
];

describe('lint: import boundaries', () => {
  it.each(forbidden)('rejects: %s', async (_name, file, code, why) => {
    const errors = await boundaryErrors(file, `${code}\nexport const used = [typeof ${importedName(code)}];\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(why);
  });

  it('allows the domain to use db/ and storage, and routes to use the domain', async () => {
    const domain = "import { db } from '@/db';\nimport { LocalStorage } from '@/lib/storage/local';\n";
    expect(await boundaryErrors('lib/media/example.ts', `${domain}export const used = [db, LocalStorage];\n`)).toEqual(
      [],
    );
    const route = "import { uploadMedia } from '@/lib/media/upload-media';\nexport const used = [uploadMedia];\n";
    expect(await boundaryErrors('app/api/v1/example/route.ts', route)).toEqual([]);
  });
}, 60_000);

function importedName(code: string): string {
  return /\{ (\w+) \}/.exec(code)![1];
}
