// Many people acting on one complaint at the same moment, through the real API: of the
// actions naming the version everyone read, exactly one legal one wins and every other gets
// the answer the rules call for (409 in the error shape for the losers); the complaint stays in
// a legal state whose version counts the changes and whose event log tells the same story.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '../../worker/db/complaint-actions';
import type { ErrorBody } from '../../worker/domain/api';
import { type Actor, act, expectedStatus, publicActor, reporterActor, routes, type RouteName, staffActor } from './actors';
import { newCitizen } from './citizen';
import { complaintAt } from './complaint-states';
import { complaintIdOf, eventLog, expectRowMatchesLog, storedState } from './event-log';

let staff: Record<'mod1' | 'mod2' | 'admin' | 'pdam1' | 'pdam2' | 'pdam3' | 'pupr', Actor>;

beforeAll(async () => {
  const [mod1, mod2, admin, pdam1, pdam2, pdam3, pupr] = await Promise.all([
    staffActor('mod1', 'moderator'),
    staffActor('mod2', 'moderator'),
    staffActor('admin', 'admin'),
    staffActor('pdam1', 'agency', 'pdam-giri-menang'),
    staffActor('pdam2', 'agency', 'pdam-giri-menang'),
    staffActor('pdam3', 'agency', 'pdam-giri-menang'),
    staffActor('pupr', 'agency', 'dinas-pupr-ntb'),
  ]);
  staff = { mod1, mod2, admin, pdam1, pdam2, pdam3, pupr };
});

/**
 * Twenty people, each with what they mean to do. With `moving`, nobody rejects, marks a
 * duplicate, corrects or writes a note (which end the story or win by being quick), so that
 * the complaint travels through the agency's steps and back to the reporter.
 */
function crowd(reporter: Actor, moving: boolean): [Actor, RouteName, string?][] {
  const s = staff;
  return [
    [s.mod1, 'forward', 'pdam-giri-menang'],
    [s.mod2, 'forward', 'pdam-giri-menang'],
    [s.admin, 'forward', 'dinas-pupr-ntb'],
    moving ? [s.pdam3, 'acknowledge'] : [s.mod2, 'reject'],
    moving ? [s.pdam2, 'resolve'] : [s.mod1, 'duplicate'],
    moving ? [s.pdam1, 'respond'] : [s.admin, 'correct'],
    moving ? [s.pupr, 'respond'] : [s.mod1, 'note'],
    [s.pdam1, 'acknowledge'],
    [s.pdam2, 'acknowledge'],
    [s.pdam2, 'respond'],
    [s.pdam3, 'respond'],
    [s.pdam3, 'return'],
    [s.pdam1, 'resolve'],
    moving ? [s.pupr, 'return'] : [s.pdam2, 'note'],
    [s.pupr, 'acknowledge'],
    [s.pupr, 'resolve'],
    [reporter, 'reopen'],
    [reporter, 'confirm'],
    [reporter, 'comment'],
    [publicActor('passer-by'), 'confirm'],
  ];
}

async function fileComplaint() {
  const citizen = newCitizen();
  const { code, trackingToken } = await citizen.fileOk();
  return { code, id: await complaintIdOf(code), reporter: reporterActor('reporter', trackingToken) };
}

describe('twenty simultaneous actions on one complaint', () => {
  it('let exactly one legal change win each round, and the rest get the answer the rules call for', async () => {
    const other = (await fileComplaint()).code;
    for (let trial = 0; trial < 3; trial++) {
      const { code, id, reporter } = await fileComplaint();
      let changes = 0;
      for (let round = 0; round < 6; round++) {
        const before = await storedState(id);
        // A different order each round, so that a different person is first to reach D1.
        const everyone = crowd(reporter, trial > 0);
        const shift = (round * 7 + trial * 3) % everyone.length;
        const people = [...everyone.slice(shift), ...everyone.slice(0, shift)];
        // Everyone read the complaint at the same moment, and acts on the version they saw.
        const answers = await Promise.all(people.map(([actor, route, agency]) => act(actor, code, route, before.version, { other, agency })));
        const after = await expectRowMatchesLog(id);
        const won: string[] = [];
        for (const [i, res] of answers.entries()) {
          const [actor, route] = people[i]!;
          const who = `round ${round} (${before.status} v${before.version} → ${after.status} v${after.version}): ${actor.name} ${route}`;
          if (res.status < 300 && routes[route].versioned) won.push(`${actor.name} ${route}`);
          // Each request found the complaint as it was, or as the winner left it.
          const allowed = new Set([expectedStatus(actor, route, before, before.version), expectedStatus(actor, route, after, before.version)]);
          expect([...allowed], who).toContain(res.status);
          if (res.status >= 400) {
            const body = (await res.json()) as ErrorBody;
            expect(typeof body.error.message, who).toBe('string');
            if (res.status === 409) expect(body.error.code, who).toBe('conflict');
          } else {
            await res.arrayBuffer();
          }
        }
        const anyLegal = people.some(([actor, route]) => routes[route].versioned && expectedStatus(actor, route, before, before.version) === 200);
        expect(won, `round ${round} from ${before.status}`).toHaveLength(anyLegal ? 1 : 0);
        changes += won.length;
        expect(after.version).toBe(1 + changes);
        if (!anyLegal) break;
      }
      // Every round moved it on, or it reached a status where nobody here may act.
      expect(changes).toBeGreaterThan(0);
    }
  });

  it('acting each on the version they just read, several may win in turn; the version counts them all', async () => {
    const other = (await fileComplaint()).code;
    const { code, id, reporter } = await fileComplaint();
    let changes = 0;
    for (let round = 0; round < 2; round++) {
      const answers = await Promise.all(
        crowd(reporter, false).map(async ([actor, route, agency]) => {
          const seen = await storedState(id);
          const res = await act(actor, code, route, seen.version, { other, agency });
          await res.arrayBuffer();
          expect(res.status, `${actor.name} ${route}`).toBeLessThan(500);
          return res.status < 300 && routes[route].versioned;
        }),
      );
      changes += answers.filter(Boolean).length;
      expect((await expectRowMatchesLog(id)).version).toBe(1 + changes);
    }
  });

  it('a comment written after the complaint was closed under it is refused and leaves no event', async () => {
    // The route checked a resolved complaint; the reporter's confirmation landed first.
    const closed = await complaintAt('closed');
    expect(await addComment(env.DB, { complaintId: closed.id, body: 'Terima kasih', at: Date.now() })).toBeUndefined();
    expect((await eventLog(closed.id)).map((e) => e.type)).not.toContain('comment');
    const resolved = await complaintAt('resolved');
    expect(await addComment(env.DB, { complaintId: resolved.id, body: 'Terima kasih', at: Date.now() })).toBeTypeOf('number');
    await expectRowMatchesLog(resolved.id);
  });
});
