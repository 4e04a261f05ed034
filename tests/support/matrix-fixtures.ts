import { randomBytes } from 'node:crypto';
import { creatorsFor, type Creator, type Target } from './matrix-actors';
import type { Fixtures, LiveActor, MediaFx, Need } from './matrix-case';
import { png } from './media';
import type { MatrixDb } from './matrix-seed';
import type { StateWatch } from './matrix-state';
import { createApi } from './seed';

/** What every cell's fixtures are made from: the server, its all-powerful key, the standing members and APIs. */
export type FixtureBase = {
  baseURL: string;
  serviceId: string;
  adminKey: string;
  authSecret: string;
  db: MatrixDb;
  watch: StateWatch;
  strangerId: string;
  apis: Record<Target['api'], { id: string; endpoint: string }>;
  /** Object APIs beside them, with the same rights. */
  objectApis: Record<Target['api'], { id: string; endpoint: string }>;
};

export const API_FIELDS = [
  { id: 'title', name: 'Title', kind: 'text' },
  { id: 'eyecatch', name: 'Eyecatch', kind: 'image' },
];

let cells = 0;

/** A fixture member never logs in: no password matches this. */
const UNUSABLE_HASH = 'not-an-argon2-hash';

/** Fresh fixtures for one cell: only what its case needs, uploaded or written as the cell's target says. */
export async function prepareFixtures(
  base: FixtureBase,
  actor: LiveActor,
  target: Target,
  needs: Need[],
): Promise<Fixtures> {
  const marker = `mx${(cells++).toString(36)}${randomBytes(3).toString('hex')}`;
  const fx = {
    baseURL: base.baseURL,
    serviceId: base.serviceId,
    marker,
    actor,
    target,
    api: base.apis[target.api],
    objectApi: base.objectApis[target.api],
    png: await png(8, 8),
  } as Fixtures;
  const creatorId = (c: Creator) =>
    (c === 'own' ? actor.memberId : c === 'peer' ? actor.peerId : base.strangerId) ?? null;
  const upload = (creator: Creator, label: string) =>
    uploadFixture(base, `${marker}-${label}.png`, creatorId(creator), creator, `alt ${marker} ${label}`);
  if (needs.includes('media')) {
    [fx.media] = (
      await untouchedOrNew(base, `${actor.spec.name}|${target.creator}`, marker, async () => [
        await upload(target.creator, 'target'),
      ])
    ).media;
  }
  if (needs.includes('twin')) {
    const { creator, bytes } = fx.media;
    fx.twin = await uploadFixture(base, `${marker}-twin.png`, creatorId(creator), creator, `alt ${marker} twin`, bytes);
  }
  if (needs.includes('version')) {
    const admin = { 'X-MICROCMS-API-KEY': base.adminKey };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await png(8, 8))], { type: 'image/png' }), 'replacement.png');
    const put = await fetch(`${base.baseURL}/api/v1/media/${fx.media.id}/file`, {
      method: 'PUT',
      headers: admin,
      body: form,
    });
    if (put.status !== 200) throw new Error(`fixture re-upload failed: ${put.status} ${await put.text()}`);
    const listed = await fetch(`${base.baseURL}/api/v1/media/${fx.media.id}/versions`, { headers: admin });
    fx.version = { id: ((await listed.json()) as { versions: { id: string }[] }).versions[0].id };
  }
  if (needs.includes('trashed')) {
    const res = await fetch(`${base.baseURL}/api/v1/media/${fx.media.id}`, {
      method: 'DELETE',
      headers: { 'X-MICROCMS-API-KEY': base.adminKey },
    });
    if (res.status !== 200) throw new Error(`fixture trash failed: ${res.status} ${await res.text()}`);
  }
  if (needs.includes('scopeSet')) {
    const set = await untouchedOrNew(base, `${actor.spec.name}|set`, marker, async () => {
      const made: MediaFx[] = [];
      for (const c of creatorsFor(actor.spec)) made.push(await upload(c, c));
      return made;
    });
    fx.scopeSet = set.media;
    fx.scopeSearch = set.marker;
  }
  if (needs.includes('content')) {
    const title = `title ${marker}`;
    fx.content = { id: base.db.insertContent(fx.api.id, { title }), title };
  }
  if (needs.includes('tag')) {
    const name = `tag-${marker}`;
    fx.tag = {
      id: base.db.insertTag(
        name,
        [fx.media, ...(fx.scopeSet ?? [])].filter(Boolean).map((m) => m.id),
      ),
      name,
    };
  }
  if (needs.includes('unusedTag')) {
    const name = `unused-${marker}`;
    fx.unusedTag = { id: base.db.insertTag(name), name };
  }
  if (needs.includes('freshApi'))
    fx.freshApi = { id: createApi(base.db.dataDir, marker, API_FIELDS), endpoint: marker };
  // Nothing listens on port 2 (fetch refuses port 9 itself as a "bad port"): a test send is refused at once.
  if (needs.includes('webhook')) fx.webhook = base.db.insertWebhook(base.authSecret, 'http://127.0.0.1:2/matrix-hook');
  if (needs.includes('role')) {
    const name = `role ${marker}`;
    fx.role = { id: base.db.createRole({ mediaRead: 'none', name }), name };
  }
  if (needs.includes('member')) {
    const roleId = base.db.createRole({ mediaRead: 'none', name: `member role ${marker}` });
    const email = `${marker}@matrix.test`;
    fx.member = { id: base.db.createMember({ email, passwordHash: UNUSABLE_HASH, roleIds: [roleId] }), email, roleId };
  }
  if (needs.includes('invite')) {
    const email = `invited-${marker}@matrix.test`;
    const roleId = base.db.createRole({ mediaRead: 'none', name: `invite role ${marker}` });
    fx.invite = { ...base.db.insertInvite(email, roleId), email };
  }
  if (needs.includes('apiKey')) fx.apiKey = { id: base.db.insertApiKey(`key ${marker}`) };
  if (needs.includes('defaultStorage')) base.db.forgetUploadTarget();
  return fx;
}

const made = new Map<string, { marker: string; media: MediaFx[]; states: string[] }>();

/**
 * Media made for an earlier cell of the same actor and creators, when nothing has touched them since
 * (same row, no tags, no references); else new ones. A cell always starts from untouched media, and
 * the many refused cells do not each upload their own.
 */
async function untouchedOrNew(base: FixtureBase, key: string, marker: string, make: () => Promise<MediaFx[]>) {
  const prior = made.get(key);
  if (prior && prior.media.every((m, i) => base.db.mediaState(m.id) === prior.states[i])) return prior;
  const media = await make();
  const fresh = { marker, media, states: media.map((m) => base.db.mediaState(m.id)) };
  made.set(key, fresh);
  return fresh;
}

/** Uploads a new PNG (or these bytes) through the HTTP API, then gives it its creator and alt text. */
async function uploadFixture(
  base: FixtureBase,
  name: string,
  creatorId: string | null,
  creator: Creator,
  alt: string,
  given?: Buffer,
): Promise<MediaFx> {
  const bytes = given ?? (await png(8, 8));
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  const res = await fetch(`${base.baseURL}/api/v1/media`, {
    method: 'POST',
    headers: { 'X-MICROCMS-API-KEY': base.adminKey },
    body: form,
  });
  if (res.status !== 201) throw new Error(`fixture upload failed: ${res.status} ${await res.text()}`);
  const { id, url, fileName } = (await res.json()) as { id: string; url: string; fileName: string };
  base.db.setCreatorAndAlt(id, creatorId, alt);
  return { id, url, fileName, alt, creator, bytes };
}

/** Media that does not exist, shaped like `real`: what an out-of-scope item must be indistinguishable from. */
export function missingLike(real: MediaFx, serviceId: string, baseURL: string): MediaFx {
  const id = randomBytes(16).toString('hex');
  const fileName = `missing-${randomBytes(4).toString('hex')}.png`;
  return { ...real, id, fileName, alt: '', url: `${baseURL}/assets/${serviceId}/${id}/${fileName}` };
}
