// `npm run seed:bulk -- 100000 [--data-dir ./data]`: fills a data dir with N real media quickly, for
// trying and measuring the library at scale. Each media item gets its own small file on disk (a real
// PNG, JPEG, PDF, MP4 header or text), tags, alt text and creation times spread over a year, written
// straight into the database in large transactions. Run it against a stopped (or idle) server's data dir.
//
//   --database-url postgres://…  the rows go into that PostgreSQL database (migrated first) instead of
//                                the data dir's SQLite file: multi-row INSERTs, 20,000 media per transaction,
//                                then VACUUM ANALYZE (what autovacuum would reach after a while)
//   --shared-files               one file per template (and 60,000 media) instead of one per media: each media's
//                                key is a hard link to its template's file, in one folder per template, so
//                                1,000,000 media cost no disk and no folder each (a listing reads no file;
//                                delivery and delete still work, a delete removes only its link)
//   --seed N                     the same media every time (ids, names, tags, alt texts, creation times over
//                                the year before 1 Dec 2026): seed both databases alike
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dataDir = path.resolve(option('--data-dir') ?? process.env.KURA_DATA_DIR ?? './data');
const databaseUrl = option('--database-url');
const sharedFiles = args.includes('--shared-files');
const seed = option('--seed');

/** Math.random, or with --seed a seeded generator (mulberry32) so two runs make the same media. */
const random = (() => {
  if (seed === undefined) return Math.random;
  let a = Number(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
/** `bytes` random bytes as hex, from `random` when seeded. */
const randomHex = (bytes) =>
  seed === undefined
    ? randomBytes(bytes).toString('hex')
    : Array.from({ length: bytes }, () =>
        Math.floor(random() * 256)
          .toString(16)
          .padStart(2, '0'),
      ).join('');

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
const pick = (list) => list[Math.floor(random() * list.length)];

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

/** Where the rows go: the data dir's SQLite file, or a PostgreSQL database. */
async function openSqlite() {
  const { default: Database } = await import('better-sqlite3');
  const { drizzle } = await import('drizzle-orm/better-sqlite3');
  const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
  const sqlite = new Database(path.join(dataDir, 'kura.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrate(drizzle(sqlite), { migrationsFolder: path.join(ROOT, 'db/migrations') });
  const insertMedia = sqlite.prepare(
    `insert into media (id, file_name, kind, mime_type, extension, size, sha256, width, height, alt, storage,
       storage_key, creator_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?, ?, ?, ?)`,
  );
  const insertMediaTag = sqlite.prepare(
    'insert into media_tags (media_id, tag_id) values (?, ?) on conflict do nothing',
  );
  const insertTag = sqlite.prepare('insert into tags (id, name) values (?, ?) on conflict(name) do nothing');
  return {
    batch: 5_000,
    creators: async () =>
      sqlite
        .prepare('select id from members')
        .all()
        .map((r) => r.id),
    tags: async (names) => {
      for (const name of names) insertTag.run(randomHex(16), name);
      return sqlite
        .prepare(`select id from tags where name in (${names.map(() => '?').join(',')})`)
        .all(...names)
        .map((r) => r.id);
    },
    insert: async (rows) =>
      sqlite.transaction(() => {
        for (const r of rows) {
          insertMedia.run(...r.values, r.createdAt, r.createdAt);
          for (const tagId of r.tagIds) insertMediaTag.run(r.id, tagId);
        }
      })(),
    close: async () => {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

async function openPostgres(url) {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await migrate(drizzle(client), { migrationsFolder: path.join(ROOT, 'db/migrations-pg') });
  const MEDIA_TYPES = ['text', 'text', 'text', 'text', 'text', 'int8', 'text', 'int4', 'int4', 'text', 'text', 'text'];
  return {
    batch: 20_000,
    creators: async () => (await client.query('select id from members')).rows.map((r) => r.id),
    tags: async (names) => {
      await client.query(
        'insert into tags (id, name) select * from unnest($1::text[], $2::text[]) on conflict (name) do nothing',
        [names.map(() => randomHex(16)), names],
      );
      return (await client.query('select id from tags where name = any($1::text[])', [names])).rows.map((r) => r.id);
    },
    // One multi-row INSERT per table and batch: the columns as arrays, unnest()ed into rows.
    insert: async (rows) => {
      const columns = MEDIA_TYPES.map((_, c) => rows.map((r) => r.values[c]));
      const times = rows.map((r) => new Date(r.createdAt).toISOString());
      const links = rows.flatMap((r) => r.tagIds.map((tagId) => [r.id, tagId]));
      await client.query('begin');
      await client.query(
        `insert into media (id, file_name, kind, mime_type, extension, size, sha256, width, height, alt, storage_key,
           creator_id, created_at, updated_at, storage)
         select *, 'local' from unnest(${MEDIA_TYPES.map((t, c) => `$${c + 1}::${t}[]`).join(', ')},
           $13::timestamptz[], $13::timestamptz[])`,
        [...columns, times],
      );
      await client.query(
        'insert into media_tags (media_id, tag_id) select * from unnest($1::text[], $2::text[]) on conflict do nothing',
        [links.map((l) => l[0]), links.map((l) => l[1])],
      );
      await client.query('commit');
    },
    close: async () => {
      for (const table of ['media', 'media_tags', 'tags']) await client.query(`vacuum analyze ${table}`);
      await client.end();
    },
  };
}

fs.mkdirSync(dataDir, { recursive: true });
const target = databaseUrl ? await openPostgres(databaseUrl) : await openSqlite();

const started = Date.now();
const kinds = await templates();
const creators = await target.creators();
const tagIds = await target.tags(TAGS);

const objects = path.join(dataDir, 'media', 'objects');
// The year the creation times spread over: before now, or before a fixed day when seeded.
const until = seed === undefined ? Date.now() : Date.UTC(2026, 11, 1);
const yearAgo = until - 365 * 86_400_000;

/**
 * With --shared-files: the file media `i` links to, one per template and per LINKS_PER_FILE media of it (a file
 * holds at most 65,000 links on ext4), written on first use.
 */
const LINKS_PER_FILE = 60_000;
function sharedFile(i) {
  const n = i % kinds.length;
  const file = path.join(objects, 'bulk', 'source', `t${n}-${Math.floor(i / kinds.length / LINKS_PER_FILE)}`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.mkdirSync(path.join(objects, 'bulk', `t${n}`), { recursive: true });
    fs.writeFileSync(file, kinds[n].bytes);
  }
  return file;
}

for (let done = 0; done < count; done += target.batch) {
  const rows = [];
  for (let i = done; i < Math.min(count, done + target.batch); i++) {
    const n = i % kinds.length;
    const t = kinds[n];
    const id = randomHex(16);
    const key = sharedFiles ? `bulk/t${n}/${id}` : `${id.slice(0, 2)}/${id}/${randomHex(8)}`;
    const file = path.join(objects, key);
    if (sharedFiles) fs.linkSync(sharedFile(i), file);
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, t.bytes);
    }
    const createdAt = Math.floor(yearAgo + ((until - yearAgo) * i) / count);
    const name = `${pick(WORDS)}-${pick(WORDS)}-${String(i).padStart(6, '0')}.${t.extension}`;
    const alt = t.kind === 'image' && random() < 0.4 ? `${pick(WORDS)} ${pick(WORDS)} photo` : '';
    const creator = creators.length ? pick(creators) : null;
    const tagged = new Set();
    for (let k = Math.floor(random() * 4); k > 0; k--) tagged.add(pick(tagIds));
    rows.push({
      id,
      createdAt,
      tagIds: [...tagged],
      values: [
        id,
        name,
        t.kind,
        t.mimeType,
        t.extension,
        t.bytes.length,
        t.sha256,
        t.width,
        t.height,
        alt,
        key,
        creator,
      ],
    });
  }
  await target.insert(rows);
  process.stdout.write(`\rseeded ${Math.min(count, done + target.batch)} of ${count}`);
}
await target.close();
console.log(
  `\nseeded ${count} media into ${databaseUrl ? new URL(databaseUrl).pathname.slice(1) + ' and ' : ''}${dataDir} ` +
    `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
