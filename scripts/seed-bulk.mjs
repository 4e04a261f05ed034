// `npm run seed:bulk -- 100000 [--data-dir ./data]`: fills a data dir with N real media quickly, for
// trying and measuring the library at scale. Each media item gets its own small file on disk (a real
// PNG, JPEG, PDF, MP4 header or text), tags, alt text and creation times spread over a year, written
// straight into SQLite in large transactions. Run it against a stopped (or idle) server's data dir.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import sharp from 'sharp';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const dirFlag = args.indexOf('--data-dir');
const dataDir = path.resolve(dirFlag >= 0 ? args[dirFlag + 1] : (process.env.KURA_DATA_DIR ?? './data'));

const WORDS = [
  'sunset',
  'harbour',
  'office',
  'team',
  'product',
  'banner',
  'logo',
  'mountain',
  'city',
  'portrait',
  'coffee',
  'desk',
  'event',
  'launch',
  'river',
  'forest',
  'winter',
  'summer',
  'report',
  'invoice',
  'menu',
  'poster',
  'hero',
  'icon',
];
const TAGS = [
  'campaign',
  'blog',
  'product',
  'team',
  'press',
  'archive',
  'draft',
  'hero',
  'social',
  'print',
  'video',
  'legal',
  'brand',
  'event',
  'news',
  'spring',
  'summer',
  'autumn',
  'winter',
  'internal',
];
const pick = (list) => list[Math.floor(Math.random() * list.length)];

async function templates() {
  const image = async (w, h, color, format) => {
    const bytes = await sharp({ create: { width: w, height: h, channels: 3, background: color } })
      [format]()
      .toBuffer();
    return {
      kind: 'image',
      mimeType: format === 'png' ? 'image/png' : 'image/jpeg',
      extension: format === 'png' ? 'png' : 'jpg',
      bytes,
      width: w,
      height: h,
    };
  };
  const file = (mimeType, extension, text) => ({
    kind: 'file',
    mimeType,
    extension,
    bytes: Buffer.from(text),
    width: null,
    height: null,
  });
  const list = [
    await image(64, 48, '#e11d48', 'png'),
    await image(48, 64, '#2563eb', 'png'),
    await image(80, 45, '#16a34a', 'jpeg'),
    await image(32, 32, '#f59e0b', 'jpeg'),
    await image(120, 60, '#7c3aed', 'png'),
    file('application/pdf', 'pdf', '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    file('text/plain', 'txt', 'A plain text note.\n'),
    file(
      'video/mp4',
      'mp4',
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom\0\0\0\0isommp41')]).toString('latin1'),
    ),
  ];
  return list.map((t) => ({ ...t, sha256: createHash('sha256').update(t.bytes).digest('hex') }));
}

fs.mkdirSync(dataDir, { recursive: true });
const sqlite = new Database(path.join(dataDir, 'kura.db'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
migrate(drizzle(sqlite), { migrationsFolder: path.join(ROOT, 'db/migrations') });

const started = Date.now();
const kinds = await templates();
const creators = sqlite
  .prepare('select id from members')
  .all()
  .map((r) => r.id);
const insertTag = sqlite.prepare('insert into tags (id, name) values (?, ?) on conflict(name) do nothing');
for (const name of TAGS) insertTag.run(randomBytes(16).toString('hex'), name);
const tagIds = sqlite
  .prepare(`select id from tags where name in (${TAGS.map(() => '?').join(',')})`)
  .all(...TAGS)
  .map((r) => r.id);

const insertMedia = sqlite.prepare(
  `insert into media (id, file_name, kind, mime_type, extension, size, sha256, width, height, alt, storage, storage_key,
     creator_id, created_at, updated_at)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?, ?, ?)`,
);
const insertMediaTag = sqlite.prepare('insert into media_tags (media_id, tag_id) values (?, ?) on conflict do nothing');
const objects = path.join(dataDir, 'media', 'objects');
const yearAgo = Date.now() - 365 * 86_400_000;
const BATCH = 5_000;

for (let done = 0; done < count; done += BATCH) {
  const rows = [];
  for (let i = done; i < Math.min(count, done + BATCH); i++) {
    const t = kinds[i % kinds.length];
    const id = randomBytes(16).toString('hex');
    const key = `${id.slice(0, 2)}/${id}/${randomBytes(8).toString('hex')}`;
    const file = path.join(objects, key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, t.bytes);
    const createdAt = Math.floor(yearAgo + ((Date.now() - yearAgo) * i) / count);
    rows.push({
      id,
      key,
      t,
      createdAt,
      name: `${pick(WORDS)}-${pick(WORDS)}-${String(i).padStart(6, '0')}.${t.extension}`,
    });
  }
  sqlite.transaction(() => {
    for (const r of rows) {
      const alt = r.t.kind === 'image' && Math.random() < 0.4 ? `${pick(WORDS)} ${pick(WORDS)} photo` : '';
      insertMedia.run(
        r.id,
        r.name,
        r.t.kind,
        r.t.mimeType,
        r.t.extension,
        r.t.bytes.length,
        r.t.sha256,
        r.t.width,
        r.t.height,
        alt,
        r.key,
        creators.length ? pick(creators) : null,
        r.createdAt,
        r.createdAt,
      );
      for (let k = Math.floor(Math.random() * 4); k > 0; k--) insertMediaTag.run(r.id, pick(tagIds));
    }
  })();
  process.stdout.write(`\rseeded ${Math.min(count, done + BATCH)} of ${count}`);
}
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.close();
console.log(`\nseeded ${count} media into ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
