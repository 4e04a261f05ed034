import { createCipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { openTestDb, type Param, type TestDb } from './sql';
import type { ContentRight, ReadScope } from './matrix-actors';

/** lib/storage-settings/upload-target.ts: the settings row naming where new uploads go. */
export const UPLOAD_TARGET = 'storage.upload';

/**
 * Rows the permission matrix needs and no screen makes yet (roles with any rights, members, webhooks),
 * written straight into a running server's database (tests/support/sql.ts), as the settings screens will.
 */
export class MatrixDb {
  readonly db: TestDb;

  constructor(readonly dataDir: string) {
    this.db = openTestDb(dataDir);
  }

  close() {
    this.db.close();
  }

  /** The first row a query answers (undefined: none). */
  row<T = Record<string, unknown>>(sql: string, ...params: Param[]): T | undefined {
    return this.db.all<T>(sql, ...params)[0];
  }

  /** The first column of the first row (undefined: no row). */
  value(sql: string, ...params: Param[]): unknown {
    const row = this.row(sql, ...params);
    return row && Object.values(row)[0];
  }

  /** The first column of every row. */
  values(sql: string, ...params: Param[]): unknown[] {
    return this.db.all(sql, ...params).map((row) => Object.values(row)[0]);
  }

  createRole(role: {
    mediaRead: ReadScope;
    name?: string;
    upload?: boolean;
    edit?: boolean;
    delete?: boolean;
    content?: Record<string, ContentRight[]>;
  }): string {
    const id = randomBytes(16).toString('hex');
    this.db.batch([
      [
        'insert into roles (id, name, media_read, media_upload, media_edit, media_delete) values (?, ?, ?, ?, ?, ?)',
        id,
        role.name ?? `matrix role ${id.slice(0, 8)}`,
        role.mediaRead,
        !!role.upload,
        !!role.edit,
        !!role.delete,
      ],
      ...Object.entries(role.content ?? {}).map(([apiId, rights]): [string, ...Param[]] => [
        'insert into role_content_rights (role_id, api_id, read, "create", "update", "delete") ' +
          'values (?, ?, ?, ?, ?, ?)',
        id,
        apiId,
        ...(['read', 'create', 'update', 'delete'] as const).map((r) => rights.includes(r)),
      ]),
    ]);
    return id;
  }

  createMember(member: { email: string; passwordHash: string; roleIds: string[] }): string {
    const id = randomBytes(16).toString('hex');
    this.db.batch([
      [
        'insert into members (id, email, name, password_hash) values (?, ?, ?, ?)',
        id,
        member.email,
        member.email.split('@')[0],
        member.passwordHash,
      ],
      ...member.roleIds.map((roleId): [string, ...Param[]] => [
        'insert into member_roles (member_id, role_id) values (?, ?)',
        id,
        roleId,
      ]),
    ]);
    return id;
  }

  /** An API key with no permission, its secret thrown away (nobody calls with it). */
  /** An invite link for `email` granting `roleId`, a week from expiring; answers its id and its token. */
  insertInvite(email: string, roleId: string): { id: string; token: string } {
    const id = randomBytes(16).toString('hex');
    const token = randomBytes(32).toString('base64url');
    this.db.run(
      `insert into invites (id, token_hash, email, role_ids, expires_at) values (?, ?, ?, '["${roleId}"]', ?)`,
      id,
      createHash('sha256').update(token).digest('hex'),
      email,
      new Date(Date.now() + 7 * 86_400_000),
    );
    return { id, token };
  }

  insertApiKey(name: string): string {
    const id = randomBytes(16).toString('hex');
    const hash = randomBytes(32).toString('hex');
    this.db.run(
      'insert into api_keys (id, name, key_hash, key_preview) values (?, ?, ?, ?)',
      id,
      name,
      hash,
      hash.slice(0, 6),
    );
    return id;
  }

  /** No storage chosen in Media settings: new uploads go to local disk, as on a new server. */
  forgetUploadTarget() {
    this.db.run('delete from settings where key = ?', UPLOAD_TARGET);
  }

  /** The storage chosen in Media settings (undefined: none, so local disk). */
  uploadTarget(): string | undefined {
    return this.db.all<{ value: string }>('select value from settings where key = ?', UPLOAD_TARGET)[0]?.value;
  }

  memberId(email: string): string {
    return this.db.all<{ id: string }>('select id from members where email = ?', email)[0].id;
  }

  serviceId(): string {
    return this.db.all<{ value: string }>("select value from settings where key = 'service_id'")[0].value;
  }

  /** Makes an uploaded media item look uploaded by this member, with this alt text. */
  setCreatorAndAlt(mediaId: string, creatorId: string | null, alt: string) {
    this.db.run('update media set creator_id = ?, alt = ? where id = ?', creatorId, alt, mediaId);
  }

  /** A media row with how many tags and references it has: equal strings, untouched media. */
  mediaState(mediaId: string): string {
    const [row] = this.db.all(
      `select m.*, (select count(*) from media_tags where media_id = m.id) as tag_count,
              (select count(*) from content_media where media_id = m.id) as reference_count
       from media m where m.id = ?`,
      mediaId,
    );
    return JSON.stringify(row ?? null);
  }

  insertContent(apiId: string, data: Record<string, unknown>): string {
    const id = randomBytes(9).toString('hex');
    this.db.run(
      'insert into contents (id, api_id, data, updated_at) values (?, ?, ?, ?)',
      id,
      apiId,
      JSON.stringify(data),
      new Date(),
    );
    return id;
  }

  /** A tag on these media (none: an unused tag). */
  insertTag(name: string, mediaIds: string[] = []): string {
    const id = randomBytes(16).toString('hex');
    this.db.batch([
      ['insert into tags (id, name) values (?, ?)', id, name],
      ...mediaIds.map((mediaId): [string, ...Param[]] => [
        'insert into media_tags (media_id, tag_id) values (?, ?)',
        mediaId,
        id,
      ]),
    ]);
    return id;
  }

  /**
   * A disabled media webhook (so no delivery runs behind the matrix's back) with one delivered event,
   * its secret sealed as lib/crypto/sealed.ts does, under the server's AUTH_SECRET.
   */
  insertWebhook(authSecret: string, url: string): { id: string; deliveryId: number } {
    const id = randomBytes(16).toString('hex');
    const eventId = randomBytes(16).toString('hex');
    const key = Buffer.from(hkdfSync('sha256', authSecret, 'kura', 'kura sealed secret: webhook', 32));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update('matrix-secret-0123456789', 'utf8'), cipher.final()]);
    const sealed = ['v1', ...[iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url'))].join('.');
    this.db.batch([
      [
        'insert into webhooks (id, api_id, name, url, secret_sealed, events, enabled) ' +
          'values (?, null, ?, ?, ?, \'["new"]\', ?)',
        id,
        `matrix hook ${id.slice(0, 6)}`,
        url,
        sealed,
        false,
      ],
      ["insert into events (id, type, body) values (?, 'media.new', '{}')", eventId],
      [
        'insert into deliveries (event_id, webhook_id, state, attempts, next_attempt_at) ' +
          "values (?, ?, 'delivered', 1, ?)",
        eventId,
        id,
        new Date(),
      ],
    ]);
    const [{ id: deliveryId }] = this.db.all<{ id: number }>('select id from deliveries where event_id = ?', eventId);
    return { id, deliveryId };
  }
}
