import { creatorsFor, hasContentRight, mayReadMedia, type Outcome, type Target } from './matrix-actors';
import type { Case, Fixtures, LiveActor } from './matrix-case';
import { callAction, callRoute, type Answer, type HttpCall } from './matrix-client';
import { missingLike, prepareFixtures, type FixtureBase } from './matrix-fixtures';

/**
 * The targets one case is tried on for one actor: a member on media of each creator, an actor holding
 * content rights on their API and on another; one only where the actor is refused as logged out anyway.
 */
export function targetsOf(kase: Case, actor: LiveActor): Target[] {
  const one: Target = { creator: 'stranger', api: 'granted' };
  if (kase.expect(actor.spec, one) === 'unauth') return [one];
  if (kase.targets === 'media') return creatorsFor(actor.spec).map((creator) => ({ ...one, creator }));
  if (kase.targets === 'api' && (actor.spec.content.length > 0 || actor.spec.everywhere))
    return [one, { ...one, api: 'other' }];
  return [one];
}

const SESSION_ENDED = 'Your session has ended: log in again';

/** The generic reading of an answer: a route's status, or a server action's `ok` and error message. */
export function outcomeOf(answer: Answer, isAction: boolean): string {
  if (!isAction) {
    if (answer.status < 400) return 'allowed';
    return (
      ({ 401: 'unauth', 403: 'forbidden', 404: 'hidden' } as Record<number, Outcome>)[answer.status] ??
      `status ${answer.status}`
    );
  }
  const r = answer.result;
  if (!r) return `no action result (status ${answer.status})`;
  if (r.ok) return 'allowed';
  if (r.error === SESSION_ENDED) return 'unauth';
  if (/permission|Only an Administrator|needs the right/i.test(r.error ?? '')) return 'forbidden';
  if (/^(\w+: )?(No such|There is no)/i.test(r.error ?? '')) return 'hidden';
  return `error "${r.error}"`;
}

/**
 * Runs one cell: fresh fixtures, the call, and the assertions. Refused: the expected refusal, no
 * change to any table or stored file, nothing the actor may not read in the answer, and (out of
 * scope) the very answer nonexistent media gets. Allowed: the case's effect. Returns what went wrong.
 */
export async function runCell(
  base: FixtureBase,
  key: string,
  kase: Case,
  actor: LiveActor,
  target: Target,
  actionId?: string,
): Promise<string[]> {
  let t = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - t;
    t = now;
  };
  const fx = await prepareFixtures(base, actor, target, kase.needs ?? []);
  lap('fixtures');
  const expected = kase.expect(actor.spec, target);
  const send = (f: Fixtures): { request: string; answer: Promise<Answer> } => {
    const input = kase.call(f);
    if (actionId)
      return { request: JSON.stringify(input), answer: callAction(base.baseURL, actionId, input, actor.who) };
    const call = { ...(input as Omit<HttpCall, 'method'>), method: key.split(' ')[0] };
    return {
      request: `${call.path} ${JSON.stringify(call.json ?? '')} ${call.file?.name ?? ''}`,
      answer: callRoute(base.baseURL, call, actor.who),
    };
  };

  const refused = expected !== 'allowed';
  if (refused) {
    await base.watch.begin();
    lap('snapshots');
  }
  const problems: string[] = [];
  let sent: ReturnType<typeof send>;
  let answer: Answer;
  try {
    sent = send(fx);
    answer = await sent.answer;
    const observed = kase.observe?.(answer) ?? outcomeOf(answer, !!actionId);
    if (observed !== expected) problems.push(`expected ${expected}, got ${observed}: ${answer.text.slice(0, 300)}`);
    if (expected === 'hidden' && fx.media) {
      // Out of scope must be indistinguishable from nonexistent: the same answer, word for word.
      const missing = missingLike(fx.media, fx.serviceId, fx.baseURL);
      const other = await send({ ...fx, media: missing }).answer;
      const [a, b] = [normalise(answer, fx.media, !!actionId), normalise(other, missing, !!actionId)];
      if (a !== b) problems.push(`out-of-scope media answers differently from nonexistent media:\n  ${a}\n  ${b}`);
    }
    lap('calls');
  } finally {
    if (refused) {
      const changes = await base.watch.changes();
      if (changes.length) problems.push(`refused, yet changed: ${changes.join('; ')}`);
      lap('snapshots');
    }
  }
  if (!kase.public) {
    for (const secret of secretsOf(fx, actor, target)) {
      if (answer.text.includes(secret) && !sent.request.includes(secret)) problems.push(`leaks "${secret}"`);
    }
  }
  // Members' emails are for members: no answer to an API key carries one, whatever it may read.
  const email = actor.who.key && !actor.who.cookie ? MEMBER_EMAIL.exec(answer.text)?.[0] : undefined;
  if (email && !sent.request.includes(email)) problems.push(`an API-key answer carries the email "${email}"`);
  if (!problems.length && expected === 'allowed' && kase.verify) {
    try {
      await kase.verify(answer, fx, { db: base.db, baseURL: base.baseURL });
    } catch (err) {
      problems.push(`allowed, but the effect is wrong: ${oneLine((err as Error).message)}`);
    }
    lap('calls');
  }
  return problems;
}

/** Every member of the matrix's service has an address at one of these domains. */
const MEMBER_EMAIL = /[\w.+-]+@(?:matrix|kura)\.test/;

/** Where the matrix spends its time, in ms, for its report. */
export const timings = { fixtures: 0, snapshots: 0, calls: 0 };

const oneLine = (message: string) =>
  message
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/\s+/g, ' ')
    .slice(0, 600);

/** What of this cell's fixtures the actor may not read: no answer may contain it. */
function secretsOf(fx: Fixtures, actor: LiveActor, target: Target): string[] {
  const media = [fx.media, ...(fx.scopeSet ?? [])].filter((m) => m && !mayReadMedia(actor.spec, m.creator));
  const secrets = media.flatMap((m) => [m.id, m.fileName, m.alt]);
  if (fx.content && !hasContentRight(actor.spec, 'read', target.api)) secrets.push(fx.content.title);
  return secrets;
}

/** An answer with the media's id, name and URL replaced by placeholders, for comparing two answers. */
function normalise(answer: Answer, media: Fixtures['media'], isAction: boolean): string {
  const body = isAction ? JSON.stringify(answer.result) : answer.text;
  return `${answer.status} ${body}`
    .replaceAll(media.url, '<url>')
    .replaceAll(media.id, '<id>')
    .replaceAll(media.fileName, '<name>');
}
