import fs from 'node:fs';
import path from 'node:path';

/**
 * What the permission matrix must cover, read from the code itself so that a new server action or
 * route cannot be forgotten: every export of every `'use server'` file, every method of every route.
 */

export const ROOT = path.resolve(__dirname, '../..');

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;

function walk(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** `action <file>#<export>`: the key of a server action in the matrix table. */
export const actionKey = (file: string, name: string) => `action ${file}#${name}`;

/** Whether the file's first statement is the `'use server'` directive (comments may come first). */
const isServerFile = (text: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/.test(text);

/** The names a module exports at run time (types are erased, so they are not actions). */
export function exportedNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/gm))
    names.add(m[1]);
  if (/^export\s+default\b/m.test(text)) names.add('default');
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      names.add(
        spec
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
    }
  }
  return [...names];
}

/** Every server action in the code: each export of each `'use server'` file under app/, components/ and lib/. */
export function discoverActions(): { key: string; file: string; name: string }[] {
  return ['app', 'components', 'lib'].flatMap(walk).flatMap((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    if (!isServerFile(text)) return [];
    return exportedNames(text).map((name) => ({ key: actionKey(file, name), file, name }));
  });
}

/**
 * Every HTTP route and method: `app/**\/route.ts` (its exported method handlers) and `pages/api/**`
 * (the handler keys of its `pagesRoute({...})`). A Pages API file that does not use `pagesRoute` has
 * no readable method list: it is listed as `* <path>` and needs an entry that covers every method.
 */
export function discoverRoutes(): { key: string; file: string; method: string; path: string }[] {
  const appRoutes = walk('app')
    .filter((f) => /\/route\.(ts|tsx|js)$/.test(f))
    .flatMap((file) => {
      const urlPath = routePath(file.replace(/^app/, '').replace(/\/route\.\w+$/, ''));
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const exported = exportedNames(text);
      const refusals = refusingExports(text);
      return HTTP_METHODS.filter((m) => exported.includes(m) && !refusals.has(m)).map((method) => ({
        key: `${method} ${urlPath}`,
        file,
        method,
        path: urlPath,
      }));
    });
  const pagesRoutes = walk('pages/api').flatMap((file) => {
    const urlPath = routePath(file.replace(/^pages/, '').replace(/(\/index)?\.\w+$/, ''));
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const call = text.indexOf('pagesRoute({');
    const methods =
      call < 0
        ? ['*']
        : [
            ...new Set(
              [...text.slice(call).matchAll(/^\s*(?:async\s+)?([A-Z]+)\s*[:(]|[{,]\s*([A-Z]+)\s*:/gm)].map(
                (m) => m[1] ?? m[2],
              ),
            ),
          ];
    return methods
      .filter((m) => m === '*' || (HTTP_METHODS as readonly string[]).includes(m))
      .map((method) => ({ key: `${method} ${urlPath}`, file, method, path: urlPath }));
  });
  return [...appRoutes, ...pagesRoutes];
}

/**
 * Method exports that only refuse, guarding nothing (no entry needed): the JSON 405 of `notAllowed(…)` (bound to a
 * name first, `const other = notAllowed('GET')`, then `export const POST = other;`) and the JSON 404 `noSuchRoute`.
 */
function refusingExports(text: string): Set<string> {
  const answers = new Set([
    'noSuchRoute',
    ...[...text.matchAll(/^const\s+(\w+)\s*=\s*notAllowed\(/gm)].map((m) => m[1]),
  ]);
  const bound = [...text.matchAll(/^export\s+const\s+([A-Z]+)\s*=\s*(\w+)\s*;/gm)];
  return new Set(bound.filter((m) => answers.has(m[2])).map((m) => m[1]));
}

/** A URL path from a folder path: route groups `(x)` vanish, dynamic segments stay as `[id]`. */
const routePath = (dir: string) =>
  dir
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .reduce((p, s) => `${p}/${s}`, '') || '/';

export type ManifestAction = { id: string; file: string; name: string; key: string };

/**
 * The server actions the build made callable (those a page or client component uses), with the
 * ids a browser sends in `Next-Action`. Needs `npx next build`.
 */
export function readActionManifest(): ManifestAction[] {
  const file = path.join(ROOT, '.next/server/server-reference-manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npx next build\` first`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({
    id,
    file: a.filename,
    name: a.exportedName,
    key: actionKey(a.filename, a.exportedName),
  }));
}
