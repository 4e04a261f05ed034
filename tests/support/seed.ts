import { createHash, randomBytes } from 'node:crypto';
import { withTestDb, type Param } from './sql';

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
  withTestDb(dataDir, (db) =>
    db.batch([
      [
        `insert into api_keys (id, name, key_hash, key_preview, media_get, media_upload, media_edit, media_delete)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        keyId,
        'test key',
        createHash('sha256').update(secret).digest('hex'),
        secret.slice(0, 4),
        !!rights.media_get,
        !!rights.media_upload,
        !!rights.media_edit,
        !!rights.media_delete,
      ],
      ...contentRights('api_key_content_rights', 'api_key_id', keyId, content),
    ]),
  );
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
export function createApi(
  dataDir: string,
  endpoint: string,
  fields: SeedField[],
  name = endpoint,
  kind: 'list' | 'object' = 'list',
): string {
  const id = randomBytes(16).toString('hex');
  withTestDb(dataDir, (db) =>
    db.run(
      'insert into apis (id, endpoint, name, kind, fields, updated_at) values (?, ?, ?, ?, ?, ?)',
      id,
      endpoint,
      name,
      kind,
      JSON.stringify(fields.map((f) => ({ required: false, ...f }))),
      new Date(),
    ),
  );
  return id;
}

type ContentRight = Partial<Record<'read' | 'create' | 'update' | 'delete', boolean>>;

/** The rows of one holder's per-API content rights (a role's or an API key's). */
function contentRights(
  table: 'role_content_rights' | 'api_key_content_rights',
  holderColumn: 'role_id' | 'api_key_id',
  holderId: string,
  content: Record<string, ContentRight>,
): [string, ...Param[]][] {
  return Object.entries(content).map(([apiId, r]) => [
    `insert into ${table} (${holderColumn}, api_id, read, "create", "update", "delete") values (?, ?, ?, ?, ?, ?)`,
    holderId,
    apiId,
    !!r.read,
    !!r.create,
    !!r.update,
    !!r.delete,
  ]);
}

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
  withTestDb(dataDir, (db) =>
    db.batch([
      [
        'insert into members (id, email, name, password_hash) values (?, ?, ?, ?)',
        memberId,
        member.email,
        member.name ?? member.email,
        passwordHash,
      ],
      [
        'insert into roles (id, name, media_read, media_delete) values (?, ?, ?, ?)',
        roleId,
        `role ${roleId.slice(0, 8)}`,
        role.mediaRead,
        !!role.mediaDelete,
      ],
      ['insert into member_roles (member_id, role_id) values (?, ?)', memberId, roleId],
      ...contentRights('role_content_rights', 'role_id', roleId, role.content),
    ]),
  );
  return memberId;
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
  withTestDb(dataDir, (db) =>
    db.batch([
      [
        'insert into roles (id, name, media_read, media_upload, media_edit, media_delete) values (?, ?, ?, ?, ?, ?)',
        id,
        role.name,
        role.mediaRead,
        !!role.mediaUpload,
        !!role.mediaEdit,
        !!role.mediaDelete,
      ],
      ...contentRights('role_content_rights', 'role_id', id, content),
    ]),
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
  withTestDb(dataDir, (db) =>
    db.batch([
      [
        'insert into members (id, email, name, password_hash) values (?, ?, ?, ?)',
        id,
        member.email,
        member.name ?? member.email,
        passwordHash,
      ],
      ...roleIds.map((roleId): [string, ...Param[]] => [
        'insert into member_roles (member_id, role_id) values (?, ?)',
        id,
        roleId,
      ]),
    ]),
  );
  return id;
}
