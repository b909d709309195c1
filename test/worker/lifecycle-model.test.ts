// Model-based test of the lifecycle (fast-check commands): random sequences of actions by random
// people (the reporter with the token, a passer-by, moderator, admin, staff of the complaint's
// agency and of another) through the real HTTP API. The model is the lifecycle table: after each
// command the complaint's status, agency and version are the model's, a refused action got the
// answer the rules call for and changed nothing, and the event log replays to the same state.
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../worker/domain/api';
import { transition } from '../../worker/domain/lifecycle';
import { type Actor, act, type ComplaintFacts, expectedStatus, publicActor, reporterActor, routes, type RouteName, staffActor } from './actors';
import { newCitizen } from './citizen';
import { complaintIdOf, expectRowMatchesLog, storedState } from './event-log';

type Model = ComplaintFacts;
interface Real {
  id: number;
  code: string;
  reporter: Actor;
}

/** Who acts: fixed people, or staff of the agency that holds the complaint (or of another). */
type Who = 'reporter' | 'passer-by' | 'moderator' | 'admin' | 'its agency' | 'another agency';
const agencies = ['pdam-giri-menang', 'dinas-pupr-ntb'] as const;
let people: { moderator: Actor; admin: Actor; staffOf: Record<number, Actor>; agencyIds: number[] };
let other: string;
/** Every status a command took a complaint to, to show the sequences go deep. */
const visited = new Set<string>();

beforeAll(async () => {
  const [moderator, admin, pdam, pupr] = await Promise.all([
    staffActor('moderator', 'moderator'),
    staffActor('admin', 'admin'),
    staffActor('pdam staff', 'agency', agencies[0]),
    staffActor('pupr staff', 'agency', agencies[1]),
  ]);
  const ids = [pdam, pupr].map((a) => (a.kind === 'staff' ? a.agencyId! : 0));
  people = { moderator, admin, staffOf: { [ids[0]!]: pdam, [ids[1]!]: pupr }, agencyIds: ids };
  other = (await newCitizen().fileOk()).code;
});

function resolve(who: Who, m: Model, r: Real): Actor {
  const [first, second] = people.agencyIds as [number, number];
  switch (who) {
    case 'reporter':
      return r.reporter;
    case 'passer-by':
      return publicActor('passer-by');
    case 'moderator':
      return people.moderator;
    case 'admin':
      return people.admin;
    case 'its agency':
      return people.staffOf[m.agencyId ?? first]!;
    case 'another agency':
      return people.staffOf[m.agencyId === first ? second : first]!;
  }
}

/** The complaint's row and events, to show that a refusal changed nothing. */
async function snapshot(id: number) {
  const row = await env.DB.prepare('SELECT status, agency_id, version, title, updated_at, priority, due_at FROM complaints WHERE id = ?').bind(id).first();
  const events = await env.DB.prepare('SELECT count(*) AS n, max(id) AS last FROM events WHERE complaint_id = ?').bind(id).first();
  return { row, events };
}

class ActCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: Who,
    readonly route: RouteName,
    /** Names an older version than the model holds (as if read before a change), or a newer one at version 1. */
    readonly stale: boolean,
    readonly forwardTo: (typeof agencies)[number],
  ) {}

  check = () => true;

  async run(m: Model, r: Real) {
    const actor = resolve(this.who, m, r);
    const seen = !this.stale ? m.version : m.version > 1 ? m.version - 1 : m.version + 1;
    const expected = expectedStatus(actor, this.route, m, seen);
    const before = await snapshot(r.id);
    const res = await act(actor, r.code, this.route, seen, { other, agency: this.forwardTo });
    const where = `${this} on ${m.status} v${m.version}`;
    expect(res.status, `${where}: ${await res.clone().text()}`).toBe(expected);
    if (res.status >= 400) {
      const body = (await res.json()) as ErrorBody;
      expect(body.error.message.length, where).toBeGreaterThan(0);
      expect(await snapshot(r.id), `${where} was refused, yet changed the complaint`).toEqual(before);
      return;
    }
    await res.arrayBuffer();
    const spec = routes[this.route];
    const role = actor.kind === 'staff' ? actor.role : 'citizen';
    m.status = transition(m.status, spec.lifecycle, role)!;
    if (spec.versioned) m.version++;
    if (this.route === 'forward') m.agencyId = people.agencyIds[agencies.indexOf(this.forwardTo)]!;
    if (this.route === 'return') m.agencyId = null;
    visited.add(m.status);
    expect(await storedState(r.id), where).toEqual(m);
    expect(await expectRowMatchesLog(r.id), where).toEqual(m);
  }

  toString() {
    return `${this.who} ${this.route}${this.route === 'forward' ? ` to ${this.forwardTo}` : ''}${this.stale ? ' (stale version)' : ''}`;
  }
}

/** Each route with the people who would sensibly try it; anyone else is a quarter of the commands. */
const sensible: [RouteName, Who[], number][] = [
  ['forward', ['moderator', 'admin'], 3],
  ['reject', ['moderator', 'admin'], 1],
  ['duplicate', ['moderator'], 1],
  ['correct', ['moderator', 'admin'], 1],
  ['acknowledge', ['its agency'], 3],
  ['respond', ['its agency'], 2],
  ['return', ['its agency'], 1],
  ['resolve', ['its agency'], 3],
  ['note', ['its agency', 'moderator'], 1],
  ['reopen', ['reporter'], 2],
  ['confirm', ['reporter'], 1],
  ['comment', ['reporter'], 1],
];
const everyone: Who[] = ['reporter', 'passer-by', 'moderator', 'admin', 'its agency', 'another agency'];
const stale = fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const forwardTo = fc.constantFrom(...agencies);
const command = fc.oneof(
  ...sensible.map(([route, whos, weight]) => ({
    weight: weight * 3,
    arbitrary: fc.tuple(fc.constantFrom(...whos), stale, forwardTo).map(([who, old, to]) => new ActCommand(who, route, old, to)),
  })),
  { weight: 20, arbitrary: fc.tuple(fc.constantFrom(...everyone), fc.constantFrom(...(Object.keys(routes) as RouteName[])), stale, forwardTo).map(([who, route, old, to]) => new ActCommand(who, route, old, to)) },
);

describe('the lifecycle, model-based', () => {
  it('random actions by random people never take a complaint where the lifecycle table does not lead', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands([command], { maxCommands: 20 }), async (commands) => {
        const citizen = newCitizen();
        const { code, trackingToken } = await citizen.fileOk();
        const real: Real = { id: await complaintIdOf(code), code, reporter: reporterActor('reporter', trackingToken) };
        const model: Model = { status: 'submitted', agencyId: null, version: 1 };
        await fc.asyncModelRun(() => ({ model, real }), commands);
      }),
      {
        numRuns: 15,
        // One story told whole every time, besides the random ones.
        examples: [
          [
            [
              new ActCommand('moderator', 'forward', false, 'pdam-giri-menang'),
              new ActCommand('another agency', 'acknowledge', false, 'pdam-giri-menang'),
              new ActCommand('its agency', 'acknowledge', false, 'pdam-giri-menang'),
              new ActCommand('its agency', 'resolve', true, 'pdam-giri-menang'),
              new ActCommand('its agency', 'resolve', false, 'pdam-giri-menang'),
              new ActCommand('reporter', 'reopen', false, 'pdam-giri-menang'),
              new ActCommand('its agency', 'return', false, 'pdam-giri-menang'),
              new ActCommand('admin', 'forward', false, 'dinas-pupr-ntb'),
              new ActCommand('its agency', 'resolve', false, 'dinas-pupr-ntb'),
              new ActCommand('passer-by', 'confirm', false, 'pdam-giri-menang'),
              new ActCommand('reporter', 'confirm', false, 'pdam-giri-menang'),
              new ActCommand('reporter', 'comment', false, 'pdam-giri-menang'),
            ],
          ],
        ],
      },
    );
    // The sequences went beyond the first step, into the agency's work and the reporter's answer.
    expect([...visited]).toEqual(expect.arrayContaining(['forwarded', 'in_progress', 'resolved', 'submitted', 'closed']));
  });
});
