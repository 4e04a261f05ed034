// Loads one of Kura's own TypeScript modules (and the local modules it imports) into a bench, so the
// bench runs the very code the server runs instead of a copy. Each file is transpiled with the
// project's TypeScript (types dropped, nothing checked) into bench/.tmp/kura-modules-<pid>/, keeping
// the tree's layout so `@/…` and `./…` imports resolve, and bare imports (sharp, zod) resolve to the
// project's node_modules. Refuses `server-only` modules: those need the server's environment.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { ROOT, TMP, trackDir } from './processes.mjs';

const OUT = trackDir(path.join(TMP, `kura-modules-${process.pid}`));
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\2/g;

function sourceOf(specifier, importer) {
  const base = specifier.startsWith('@/')
    ? path.join(ROOT, specifier.slice(2))
    : path.resolve(path.dirname(importer), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate)) return candidate;
  throw new Error(`Cannot find ${specifier} imported by ${path.relative(ROOT, importer)}`);
}

const outOf = (source) => path.join(OUT, path.relative(ROOT, source)).replace(/\.tsx?$/, '.mjs');

function transpile(source, done) {
  if (done.has(source)) return;
  done.add(source);
  const text = fs.readFileSync(source, 'utf8');
  if (/^\s*import\s+['"]server-only['"]/m.test(text))
    throw new Error(`${path.relative(ROOT, source)} is server-only: it cannot run in a bench`);
  const { outputText } = ts.transpileModule(text, {
    fileName: source,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, isolatedModules: true },
  });
  const target = outOf(source);
  const code = outputText.replace(SPECIFIER, (whole, lead, quote, specifier) => {
    if (!specifier.startsWith('.') && !specifier.startsWith('@/')) return whole; // a package
    const dependency = sourceOf(specifier, source);
    transpile(dependency, done);
    let relative = path.relative(path.dirname(target), outOf(dependency));
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return `${lead}${quote}${relative}${quote}`;
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, code);
}

/**
 * Imports Kura's module at `relativePath` (e.g. 'lib/image-api/render.ts') as the server runs it.
 * @example const { renderImage } = await loadKuraModule('lib/image-api/render.ts');
 */
export async function loadKuraModule(relativePath) {
  const source = path.join(ROOT, relativePath);
  transpile(source, new Set());
  return import(pathToFileURL(outOf(source)).href);
}
