// Lint: Next's rules (React, hooks, a11y, core web vitals), typescript-eslint, and the layers of the house
// (docs/architecture.md) as import boundaries. `npm run lint` fails on any warning (--max-warnings=0).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

/** Who may not import whom: each zone names the importer (`target`), the imported (`from`) and why. */
const layers = [
  {
    target: ['./app', './components', './pages'],
    from: './db',
    message: 'Routes and UI reach the data through a domain function in lib/, never through db/.',
  },
  {
    target: './db',
    from: './lib',
    message: 'db/ is the lowest layer (tables, connection, migrations): it imports nothing from lib/.',
  },
  {
    target: './lib/storage',
    from: ['./db', './lib/media', './lib/content', './lib/permissions', './lib/activity', './lib/events'],
    message: 'lib/storage/ moves bytes only: no rows, no domain.',
  },
  {
    target: './lib/http',
    from: ['./db', './lib/media', './lib/content'],
    message: 'lib/http/ adapts requests and responses; domain calls belong to the route that uses it.',
  },
  {
    target: './lib',
    from: ['./app', './components', './pages'],
    message: 'The domain does not depend on its adapters.',
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      'import/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier breaks code at 120; strings, comments and class lists it cannot break are split by hand.
      'max-len': ['error', { code: 120, tabWidth: 2 }],
    },
  },
  {
    // The domain is asynchronous (docs/scale-out.md): a promise nobody awaits is a write that may not have happened.
    files: ['lib/**/*.ts', 'db/**/*.ts', 'app/**/*.{ts,tsx}', 'pages/**/*.ts', 'instrumentation.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[arguments.length=0][callee.property.name=/^(all|get|run)$/]',
          message: 'Await the query itself (`await db().select()…`): .all()/.get()/.run() exist on SQLite only.',
        },
        {
          selector: "CallExpression[callee.property.name='transaction'][callee.object.callee.name='db']",
          message: "Use `transaction()` from '@/db': it keeps one writer on SQLite and retries on PostgreSQL.",
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'tests/.tmp/**',
    'bench/.tmp/**',
    '.tmp/**',
    'data/**',
    'next-env.d.ts',
  ]),
]);
