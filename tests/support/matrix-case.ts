import type { ActorSpec, Creator, Expect, Outcome, Target } from './matrix-actors';
import type { Answer, Credentials, HttpCall } from './matrix-client';
import type { MatrixDb } from './matrix-seed';

/**
 * The shape of the matrix table: one entry per server action and per route method (the rows), each
 * with one or more cases; every case runs once per actor (the columns) and target.
 */

/** An actor as it exists on the server under test. */
export type LiveActor = { spec: ActorSpec; who: Credentials; memberId?: string; peerId?: string };

export type MediaFx = { id: string; url: string; fileName: string; alt: string; creator: Creator; bytes: Buffer };

/** Fresh fixtures of one cell, made before it runs (only those its case `needs`). */
export type Fixtures = {
  baseURL: string;
  serviceId: string;
  /** Unique to the cell: in every fixture's name, so listings can be narrowed to this cell's. */
  marker: string;
  actor: LiveActor;
  target: Target;
  /** The target API (`granted`: the actor's content rights apply; `other`: none do). */
  api: { id: string; endpoint: string };
  /** The target API's object twin: an object API the actor holds the same rights on (`granted`) or none (`other`). */
  objectApi: { id: string; endpoint: string };
  /** A media item uploaded by the target creator (needs `media`; with `trashed` too, it waits in Trash). */
  media: MediaFx;
  /** A second upload of `media`'s bytes by the same creator: an exact duplicate (needs `media` and `twin`). */
  twin: MediaFx;
  /** An earlier version of `media`, kept by a re-upload (needs `media` and `version`). */
  version: { id: string };
  /** One media item per creator the actor is tried against (needs `scopeSet`). */
  scopeSet: MediaFx[];
  /** In the name of every item of `scopeSet` and of no other media. */
  scopeSearch: string;
  /** A content item of the target API (needs `content`). */
  content: { id: string; title: string };
  /** A tag on `media` and every item of `scopeSet` (needs `tag`). */
  tag: { id: string; name: string };
  /** A tag no media uses (needs `unusedTag`). */
  unusedTag: { id: string; name: string };
  /** An API of its own, to change (needs `freshApi`). */
  freshApi: { id: string; endpoint: string };
  /** A disabled webhook, aimed at a closed port, with one delivered event (needs `webhook`). */
  webhook: { id: string; deliveryId: number };
  /** A role no one holds, with no rights (needs `role`). */
  role: { id: string; name: string };
  /** A member who is none of the actors, in a role of their own (needs `member`). */
  member: { id: string; email: string; roleId: string };
  /** An unused invite link for a new email, granting a role of its own (needs `invite`). */
  invite: { id: string; token: string; email: string };
  /** An API key no actor uses, with no permission (needs `apiKey`). */
  apiKey: { id: string };
  /** A new PNG, to upload or re-upload. */
  png: Buffer;
};

/** `defaultStorage`: no storage chosen in the settings table (new uploads go to local disk, the default). */
export type Need =
  | 'media'
  | 'trashed'
  | 'version'
  | 'twin'
  | 'scopeSet'
  | 'content'
  | 'tag'
  | 'unusedTag'
  | 'freshApi'
  | 'webhook'
  | 'role'
  | 'member'
  | 'apiKey'
  | 'invite'
  | 'defaultStorage';

/** What verify functions may read: the server's database and address. */
export type MatrixContext = { db: MatrixDb; baseURL: string };

export type Case = {
  /** Told apart from the entry's other cases in failure reports. */
  name?: string;
  /** `media`: run once per creator the actor is tried against; `api`: once on the granted and once on another API. */
  targets?: 'media' | 'api';
  needs?: Need[];
  /** Public by design (delivery, login, health): nothing in the answer is a leak. */
  public?: boolean;
  expect: Expect;
  /** A server action's input, or a route's request (its method comes from the entry key). */
  call: (fx: Fixtures) => unknown;
  /** Reads the outcome where the generic reading (status, or `ok` and the error) does not fit. */
  observe?: (answer: Answer) => Outcome | undefined;
  /** On an allowed cell: the effect happened. Throws (e.g. a failed `expect`) when it did not. */
  verify?: (answer: Answer, fx: Fixtures, ctx: MatrixContext) => void | Promise<void>;
};

export type Entry = {
  cases: Case[];
  /**
   * A server action no page uses yet, so the build gives it no id and it cannot be called. Its cases
   * are written but cannot run; the matrix fails once a page uses it, so that they do.
   */
  notOnAPage?: string;
};

/** The matrix table: key (`action <file>#<export>` or `<METHOD> <path>`) → entry. */
export type Table = Record<string, Entry>;

/** A route case's request. */
export const route = (call: (fx: Fixtures) => Omit<HttpCall, 'method'>) => call;

/** The ids of a listing's items, sorted. */
export const idsOf = (items: { id: string }[]) => items.map((m) => m.id).sort();
