import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Adds an API key with the given rights straight into a server's database: the way to get a key
 * that is *not* all-powerful until the API-key screen exists. Returns the secret.
 */
export function createApiKey(
  dataDir: string,
  rights: Partial<Record<'media_get' | 'media_upload' | 'media_edit' | 'media_delete', boolean>>,
  content: Record<string, ContentRight> = {},
): string {
  const secret = randomBytes(24).toString('base64url');
  const keyId = randomBytes(16).toString('hex');
  const db = new Database(path.join(dataDir, 'kura.db'));
  try {
    db.prepare(
      `insert into api_keys (id, name, key_hash, key_preview, media_get, media_upload, media_edit, media_delete)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      keyId,
      'test key',
      createHash('sha256').update(secret).digest('hex'),
      secret.slice(0, 4),
      Number(!!rights.media_get),
      Number(!!rights.media_upload),
      Number(!!rights.media_edit),
      Number(!!rights.media_delete),
    );
    for (const [apiId, r] of Object.entries(content)) {
      db.prepare(
        'insert into api_key_content_rights (api_key_id, api_id, read, ' +
          '"create", "update", "delete") values (?, ?, ?, ?, ?, ?)',
      ).run(keyId, apiId, Number(!!r.read), Number(!!r.create), Number(!!r.update), Number(!!r.delete));
    }
  } finally {
    db.close();
  }
  return secret;
}

type SeedField = {
  id: string;
  name: string;
  kind: string;
  required?: boolean;
  imageSize?: { width: number; height: number };
};

/** Adds an API (content endpoint) straight into a server's database, as the API screen would. Returns its id. */
export function createApi(dataDir: string, endpoint: string, fields: SeedField[], name = endpoint): string {
  const id = randomBytes(16).toString('hex');
  withDb(dataDir, (db) =>
    db
      .prepare('insert into apis (id, endpoint, name, fields, updated_at) values (?, ?, ?, ?, ?)')
      .run(id, endpoint, name, JSON.stringify(fields.map((f) => ({ required: false, ...f }))), Date.now()),
  );
  return id;
}

type ContentRight = Partial<Record<'read' | 'create' | 'update' | 'delete', boolean>>;

/**
 * Adds a member holding one new role with these rights, straight into the database (what the
 * members and roles screens will do). Returns the member's id.
 */
export async function createMemberWithRole(
  dataDir: string,
  member: { email: string; password: string; name?: string },
  role: { mediaRead: 'all' | 'role' | 'own' | 'none'; mediaDelete?: boolean; content: Record<string, ContentRight> },
): Promise<string> {
  const { hash } = await import('@node-rs/argon2');
  const passwordHash = await hash(member.password);
  const memberId = randomBytes(16).toString('hex');
  const roleId = randomBytes(16).toString('hex');
  withDb(dataDir, (db) =>
    db.transaction(() => {
      db.prepare('insert into members (id, email, name, password_hash) values (?, ?, ?, ?)').run(
        memberId,
        member.email,
        member.name ?? member.email,
        passwordHash,
      );
      db.prepare('insert into roles (id, name, media_read, media_delete) values (?, ?, ?, ?)').run(
        roleId,
        `role ${roleId.slice(0, 8)}`,
        role.mediaRead,
        Number(!!role.mediaDelete),
      );
      db.prepare('insert into member_roles (member_id, role_id) values (?, ?)').run(memberId, roleId);
      for (const [apiId, r] of Object.entries(role.content)) {
        db.prepare(
          'insert into role_content_rights (role_id, api_id, read, ' +
            '"create", "update", "delete") values (?, ?, ?, ?, ?, ?)',
        ).run(roleId, apiId, Number(!!r.read), Number(!!r.create), Number(!!r.update), Number(!!r.delete));
      }
    })(),
  );
  return memberId;
}

function withDb<T>(dataDir: string, run: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'kura.db'));
  db.pragma('busy_timeout = 5000');
  try {
    return run(db);
  } finally {
    db.close();
  }
}

/** Adds a role straight into the database (as the roles screen would). Returns its id. */
export function createRole(
  dataDir: string,
  role: {
    name: string;
    mediaRead: 'all' | 'role' | 'own' | 'none';
    mediaUpload?: boolean;
    mediaEdit?: boolean;
    mediaDelete?: boolean;
  },
  content: Record<string, ContentRight> = {},
): string {
  const id = randomBytes(16).toString('hex');
  withDb(dataDir, (db) =>
    db.transaction(() => {
      db.prepare(
        'insert into roles (id, name, media_read, media_upload, media_edit, media_delete) values (?, ?, ?, ?, ?, ?)',
      ).run(
        id,
        role.name,
        role.mediaRead,
        Number(!!role.mediaUpload),
        Number(!!role.mediaEdit),
        Number(!!role.mediaDelete),
      );
      for (const [apiId, r] of Object.entries(content)) {
        db.prepare(
          'insert into role_content_rights (role_id, api_id, read, ' +
            '"create", "update", "delete") values (?, ?, ?, ?, ?, ?)',
        ).run(id, apiId, Number(!!r.read), Number(!!r.create), Number(!!r.update), Number(!!r.delete));
      }
    })(),
  );
  return id;
}

/** Adds a member holding these existing roles straight into the database. Returns the member's id. */
export async function createMember(
  dataDir: string,
  member: { email: string; password: string; name?: string },
  roleIds: string[],
): Promise<string> {
  const { hash } = await import('@node-rs/argon2');
  const passwordHash = await hash(member.password);
  const id = randomBytes(16).toString('hex');
  withDb(dataDir, (db) =>
    db.transaction(() => {
      db.prepare('insert into members (id, email, name, password_hash) values (?, ?, ?, ?)').run(
        id,
        member.email,
        member.name ?? member.email,
        passwordHash,
      );
      for (const roleId of roleIds)
        db.prepare('insert into member_roles (member_id, role_id) values (?, ?)').run(id, roleId);
    })(),
  );
  return id;
}
