// `npm test`: lint and format check, then every test — unit (vitest), then HTTP API and browser end-to-end
// (Playwright against `next start`), then the HTTP API and fault suites again on PostgreSQL
// (scripts/test-postgres.mjs). Installs Debian chromium, the Japanese fonts (fonts-noto-cjk, for the Image API's
// text overlays), ffmpeg and poppler-utils (video, audio and PDF previews) when missing and running as root.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfStale } from './build-state.mjs';
import { dropLeftovers, findPostgres } from './test-postgres.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
/** A file of Debian's fonts-noto-cjk: Japanese, Chinese and Korean glyphs for `txt` overlays. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** Debian's ffmpeg (ffprobe included) and poppler-utils (pdfinfo, pdftoppm): durations, poster frames, PDF pages. */
const FFMPEG = '/usr/bin/ffprobe';
const POPPLER = '/usr/bin/pdftoppm';

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  return result.status ?? 1;
}

/** The Debian packages the tests need that are missing: [path that shows it is there, package]. */
const missing = [
  [CHROMIUM, 'chromium'],
  [CJK_FONT, 'fonts-noto-cjk'],
  [FFMPEG, 'ffmpeg'],
  [POPPLER, 'poppler-utils'],
].filter(([file]) => !fs.existsSync(file));
if (missing.length > 0) {
  const packages = missing.map(([, name]) => name);
  if (process.getuid?.() === 0) {
    console.log(`[kura] installing ${packages.join(', ')} for the tests…`);
    if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', ...packages]) !== 0)
      process.exit(1);
  } else {
    console.error(
      `[kura] the tests need ${packages.join(', ')}. Install with:\n  sudo apt-get install -y ${packages.join(' ')}`,
    );
    process.exit(1);
  }
}

const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);
// Lint and format first: a warning fails the run before anything is built.
if (run(bin('eslint'), ['.', '--max-warnings=0']) !== 0) {
  console.error('[kura] lint failed: see above (npm run lint)');
  process.exit(1);
}
if (run(bin('prettier'), ['--check', '--log-level=warn', '.']) !== 0) {
  console.error('[kura] files not formatted: run `npm run format`');
  process.exit(1);
}

buildIfStale();
// The build type-checks the app; the tests are type-checked here.
if (run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.tests.json']) !== 0) {
  console.error('[kura] type errors: see above');
  process.exit(1);
}

const reports = path.join(ROOT, 'tests/.tmp');
fs.rmSync(path.join(reports, 'vitest.json'), { force: true });
fs.rmSync(path.join(reports, 'playwright.json'), { force: true });
fs.rmSync(path.join(reports, 'playwright-postgres.json'), { force: true });
const unit = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${path.join(reports, 'vitest.json')}`,
]);
const e2e = run(bin('playwright'), ['test', ...process.argv.slice(2)]);

// The same HTTP API and fault suites on PostgreSQL (the browser suite on SQLite is enough). Only for a
// whole run: arguments (a file, a project) mean someone is looking at one thing.
let onPostgres = 0;
if (process.argv.length <= 2) {
  const pg = findPostgres();
  if (pg.url) {
    dropLeftovers(pg.url);
    console.log('\n[kura] the HTTP API and fault suites on PostgreSQL…');
    onPostgres = run(bin('playwright'), ['test', '--project=api', '--project=faults'], {
      KURA_TEST_POSTGRES_URL: pg.url,
      KURA_PLAYWRIGHT_REPORT: 'tests/.tmp/playwright-postgres.json',
    });
  } else if (process.env.CI) {
    console.error(`[kura] CI needs the PostgreSQL suites, but: ${pg.skip}`);
    onPostgres = 1;
  } else console.log(`\n[kura] PostgreSQL suites skipped: ${pg.skip}. Set KURA_TEST_POSTGRES_URL to run them.`);
}

// One closing line for both runners.
const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(reports, file), 'utf8'));
  } catch {
    return null;
  }
};
const v = read('vitest.json');
const p = read('playwright.json')?.stats;
const q = read('playwright-postgres.json')?.stats;
const passed = (v?.numPassedTests ?? 0) + [p, q].reduce((n, s) => n + (s ? s.expected + s.flaky : 0), 0);
const failed = (v?.numFailedTests ?? 0) + (p?.unexpected ?? 0) + (q?.unexpected ?? 0);
const skipped = (p?.skipped ?? 0) + (q?.skipped ?? 0);
const where = q ? ` (${q.expected + q.flaky} of them on PostgreSQL)` : '';
console.log(`\n${passed} passed${where}, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(unit || e2e || onPostgres || (v && p ? 0 : 1));
