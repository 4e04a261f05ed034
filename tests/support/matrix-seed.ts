import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ContentRight, ReadScope } from './matrix-actors';

/** lib/storage-settings/upload-target.ts: the settings row naming where new uploads go. */
export const UPLOAD_TARGET = 'storage.upload';

/**
 * Rows the permission matrix needs and no screen makes yet (roles with any rights, members, webhooks),
 * written straight into a running server's SQLite file, as the settings screens will.
 */
export class MatrixDb {
  readonly db: Database.Database;

  constructor(readonly dataDir: string) {
    this.db = new Database(path.join(dataDir, 'kura.db'));
    this.db.pragma('busy_timeout = 5000');
  }

  close() {
    this.db.close();
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
    this.db.transaction(() => {
      this.db
        .prepare(
          'insert into roles (id, name, media_read, media_upload, media_edit, media_delete) values (?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          role.name ?? `matrix role ${id.slice(0, 8)}`,
          role.mediaRead,
          Number(!!role.upload),
          Number(!!role.edit),
          Number(!!role.delete),
        );
      for (const [apiId, rights] of Object.entries(role.content ?? {})) {
        this.db
          .prepare(
            'insert into role_content_rights (role_id, api_id, read, ' +
              '"create", "update", "delete") values (?, ?, ?, ?, ?, ?)',
          )
          .run(id, apiId, ...(['read', 'create', 'update', 'delete'] as const).map((r) => Number(rights.includes(r))));
      }
    })();
    return id;
  }

  createMember(member: { email: string; passwordHash: string; roleIds: string[] }): string {
    const id = randomBytes(16).toString('hex');
    this.db.transaction(() => {
      this.db
        .prepare('insert into members (id, email, name, password_hash) values (?, ?, ?, ?)')
        .run(id, member.email, member.email.split('@')[0], member.passwordHash);
      for (const roleId of member.roleIds)
        this.db.prepare('insert into member_roles (member_id, role_id) values (?, ?)').run(id, roleId);
    })();
    return id;
  }

  /** An API key with no permission, its secret thrown away (nobody calls with it). */
  insertApiKey(name: string): string {
    const id = randomBytes(16).toString('hex');
    const hash = randomBytes(32).toString('hex');
    this.db
      .prepare('insert into api_keys (id, name, key_hash, key_preview) values (?, ?, ?, ?)')
      .run(id, name, hash, hash.slice(0, 6));
    return id;
  }

  /** No storage chosen in Media settings: new uploads go to local disk, as on a new server. */
  forgetUploadTarget() {
    this.db.prepare('delete from settings where key = ?').run(UPLOAD_TARGET);
  }

  /** The storage chosen in Media settings (undefined: none, so local disk). */
  uploadTarget(): string | undefined {
    return this.db.prepare('select value from settings where key = ?').pluck().get(UPLOAD_TARGET) as string | undefined;
  }

  memberId(email: string): string {
    return (this.db.prepare('select id from members where email = ?').get(email) as { id: string }).id;
  }

  serviceId(): string {
    return (this.db.prepare("select value from settings where key = 'service_id'").get() as { value: string }).value;
  }

  /** Makes an uploaded media item look uploaded by this member, with this alt text. */
  setCreatorAndAlt(mediaId: string, creatorId: string | null, alt: string) {
    this.db.prepare('update media set creator_id = ?, alt = ? where id = ?').run(creatorId, alt, mediaId);
  }

  /** A media row with how many tags and references it has: equal strings, untouched media. */
  mediaState(mediaId: string): string {
    const row = this.db
      .prepare(
        `select m.*, (select count(*) from media_tags where media_id = m.id) as tag_count,
                (select count(*) from content_media where media_id = m.id) as reference_count
         from media m where m.id = ?`,
      )
      .get(mediaId);
    return JSON.stringify(row ?? null);
  }

  insertContent(apiId: string, data: Record<string, unknown>): string {
    const id = randomBytes(9).toString('hex');
    this.db
      .prepare('insert into contents (id, api_id, data, updated_at) values (?, ?, ?, ?)')
      .run(id, apiId, JSON.stringify(data), Date.now());
    return id;
  }

  /** A tag on these media (none: an unused tag). */
  insertTag(name: string, mediaIds: string[] = []): string {
    const id = randomBytes(16).toString('hex');
    this.db.transaction(() => {
      this.db.prepare('insert into tags (id, name) values (?, ?)').run(id, name);
      for (const mediaId of mediaIds)
        this.db.prepare('insert into media_tags (media_id, tag_id) values (?, ?)').run(mediaId, id);
    })();
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
    let deliveryId = 0;
    this.db.transaction(() => {
      this.db
        .prepare(
          'insert into webhooks (id, api_id, name, url, secret_sealed, ' +
            'events, enabled) values (?, null, ?, ?, ?, \'["new"]\', 0)',
        )
        .run(id, `matrix hook ${id.slice(0, 6)}`, url, sealed);
      this.db.prepare("insert into events (id, type, body) values (?, 'media.new', '{}')").run(eventId);
      deliveryId = Number(
        this.db
          .prepare(
            'insert into deliveries (event_id, webhook_id, state, ' +
              "attempts, next_attempt_at) values (?, ?, 'delivered', 1, ?)",
          )
          .run(eventId, id, Date.now()).lastInsertRowid,
      );
    })();
    return { id, deliveryId };
  }
}
