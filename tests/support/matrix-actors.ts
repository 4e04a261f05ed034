/**
 * The actors of the permission matrix (the columns): who asks, with which rights. Each is made for
 * real at the start (a role and a member who logs in, or an API key); the expectations below say what
 * SPEC §4 lets each of them do, independently of the code under test.
 */

/** Every actor member's password (tests/faults/permission-matrix.spec.ts logs them in with it). */
export const MATRIX_PASSWORD = 'matrix password 1';

export type ReadScope = 'all' | 'role' | 'own' | 'none';
export type ContentRight = 'read' | 'create' | 'update' | 'delete';

export type ActorSpec = {
  name: string;
  kind: 'anonymous' | 'member' | 'admin' | 'apiKey';
  /** Media read scope; an API key's "Get media" is `all`, its absence `none`. */
  read: ReadScope;
  upload: boolean;
  edit: boolean;
  delete: boolean;
  /** Content rights on the API named `granted` in the fixtures (none on `other`), unless `everywhere`. */
  content: ContentRight[];
  everywhere: boolean;
};

const base: Omit<ActorSpec, 'name' | 'kind'> = {
  read: 'none',
  upload: false,
  edit: false,
  delete: false,
  content: [],
  everywhere: false,
};
const member = (name: string, rights: Partial<ActorSpec> = {}): ActorSpec => ({
  ...base,
  name,
  kind: 'member',
  ...rights,
});
const key = (name: string, rights: Partial<ActorSpec> = {}): ActorSpec => ({
  ...base,
  name,
  kind: 'apiKey',
  ...rights,
});
const all = { read: 'all', upload: true, edit: true, delete: true, everywhere: true } as const;

export const ACTORS: ActorSpec[] = [
  { ...base, name: 'logged out', kind: 'anonymous' },
  member('member, no rights'),
  member('member, upload', { upload: true }),
  member('member, edit', { edit: true }),
  member('member, delete', { delete: true }),
  member('member, read all', { read: 'all' }),
  member('member, read role', { read: 'role' }),
  member('member, read own', { read: 'own' }),
  // A right meets a read scope: allowed inside it, 404 outside it.
  member('member, edit + read own', { edit: true, read: 'own' }),
  member('member, delete + read role', { delete: true, read: 'role' }),
  member('member, content read', { content: ['read'] }),
  member('member, content create', { content: ['create'] }),
  member('member, content update', { content: ['update'] }),
  member('member, content delete', { content: ['delete'] }),
  { ...base, ...all, name: 'Administrator', kind: 'admin' },
  key('API key, no permission'),
  key('API key, get media', { read: 'all' }),
  key('API key, upload media', { upload: true }),
  key('API key, edit media', { edit: true }),
  key('API key, delete media', { delete: true }),
  key('API key, content GET', { content: ['read'] }),
  key('API key, content POST', { content: ['create'] }),
  key('API key, content PATCH', { content: ['update'] }),
  key('API key, content DELETE', { content: ['delete'] }),
  key('API key, every permission', all),
];

/** Who created a media fixture, seen from the actor: itself, a member of its role, a member of another role. */
export type Creator = 'own' | 'peer' | 'stranger';
/** What one cell acts on: media of some creator and/or the API the actor holds rights on (or not). */
export type Target = { creator: Creator; api: 'granted' | 'other' };

/** Every creator a member is tried against; other actors have no "own" or "role", so only a stranger's. */
export const creatorsFor = (a: ActorSpec): Creator[] =>
  a.kind === 'member' ? ['own', 'peer', 'stranger'] : ['stranger'];

export const isMember = (a: ActorSpec) => a.kind === 'member' || a.kind === 'admin';

/** SPEC §4: read scope all / created by members of this role / uploaded by me / none. */
export function mayReadMedia(a: ActorSpec, creator: Creator): boolean {
  if (a.read === 'all') return true;
  if (a.kind !== 'member') return false;
  if (a.read === 'role') return creator === 'own' || creator === 'peer';
  return a.read === 'own' && creator === 'own';
}

export const hasContentRight = (a: ActorSpec, right: ContentRight, api: Target['api']) =>
  a.everywhere || (api === 'granted' && a.content.includes(right));

/**
 * What a cell must answer: allowed, or refused as 401 (no session / no key), 403 (no right) or 404
 * (out of the read scope: the same answer as media that does not exist).
 */
export type Outcome = 'allowed' | 'unauth' | 'forbidden' | 'hidden';
export type Expect = (a: ActorSpec, t: Target) => Outcome;

const gate =
  (who: (a: ActorSpec) => boolean, check: (a: ActorSpec, t: Target) => Outcome): Expect =>
  (a, t) =>
    who(a) ? check(a, t) : 'unauth';
const isKey = (a: ActorSpec) => a.kind === 'apiKey';

/** Anyone, logged in or not (public by design). */
export const publicRoute: Expect = () => 'allowed';

/** A logged-in member with this right (or none needed) on media within their read scope. */
export const memberOnMedia = (right?: 'upload' | 'edit' | 'delete', scoped = true): Expect =>
  gate(isMember, (a, t) =>
    right && !a[right] ? 'forbidden' : scoped && !mayReadMedia(a, t.creator) ? 'hidden' : 'allowed',
  );

/** A logged-in member passing `check`. */
export const memberWith = (check: (a: ActorSpec) => boolean): Expect =>
  gate(isMember, (a) => (check(a) ? 'allowed' : 'forbidden'));

/** A member holding this content right on the target API. */
export const memberOnContent = (right: ContentRight): Expect =>
  gate(isMember, (a, t) => (hasContentRight(a, right, t.api) ? 'allowed' : 'forbidden'));

/** An API key holding this content right on the target API. */
export const keyOnContent = (right: ContentRight): Expect =>
  gate(isKey, (a, t) => (hasContentRight(a, right, t.api) ? 'allowed' : 'forbidden'));

/**
 * An API key with this media permission. "Get media" is checked first for reads (403, as microCMS);
 * edits stay within what the key may get (404 outside); delete needs the delete right alone (as microCMS).
 */
export const keyOnMedia = (right: 'get' | 'upload' | 'edit' | 'delete', scoped = false): Expect =>
  gate(isKey, (a) => {
    const held = right === 'get' ? a.read === 'all' : a[right];
    if (!held) return 'forbidden';
    return scoped && a.read !== 'all' ? 'hidden' : 'allowed';
  });

export const isAdmin = (a: ActorSpec) => a.kind === 'admin';
