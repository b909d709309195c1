// The queue consumer under faults: duplicate and shuffled deliveries, a poison message inside a
// batch, statements that fail half-way (D1 triggers, not mocks), batches handled side by side.
// Afterwards every complaint says what its event log says, and every event reached each of its
// live topics exactly once (observed on real LiveInbox sockets).
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../worker/index';
import type { LiveMessage, LiveTopic } from '../../worker/domain/live';
import { SUBSCRIBER_HEADER } from '../../worker/live/live-inbox';
import { liveInbox } from '../../worker/live/topics';
import { agencyIdOf, complaintThrough, type Step } from './complaint-states';
import { eventLog, expectRowMatchesLog } from './event-log';

const MAX_ATTEMPTS = 6; // wrangler.toml: max_retries = 5

// The consumer logs each failure it retries; here they are injected on purpose.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Histories a complaint may have had before any of its events reached the consumer. */
const histories: Record<string, { category: string; steps: Step[] }> = {
  // Only filed, in a category the rules forward at once.
  autoForward: { category: 'bencana', steps: [] },
  // Forwarded by hand and sent back before the consumer saw its submission: it must wait for a person.
  returnedBeforeRouting: {
    category: 'bencana',
    steps: [
      { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'bpbd-ntb' },
      { to: 'submitted', type: 'returned', actorRole: 'agency', agency: 'bpbd-ntb' },
    ],
  },
  answered: {
    category: 'air-bersih',
    steps: [
      { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'pdam-giri-menang', note: true },
      { to: 'in_progress', type: 'acknowledged', actorRole: 'agency', agency: 'pdam-giri-menang' },
      { to: 'in_progress', type: 'response', actorRole: 'agency', agency: 'pdam-giri-menang' },
      { to: 'resolved', type: 'resolved', actorRole: 'agency', agency: 'pdam-giri-menang' },
    ],
  },
  movedOn: {
    category: 'air-bersih',
    steps: [
      { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'pdam-giri-menang' },
      { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'dinas-pupr-ntb' },
      { to: 'in_progress', type: 'acknowledged', actorRole: 'agency', agency: 'dinas-pupr-ntb' },
    ],
  },
  returnedAndForwarded: {
    category: 'air-bersih',
    steps: [
      { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'pdam-giri-menang' },
      { to: 'submitted', type: 'returned', actorRole: 'agency', agency: 'pdam-giri-menang' },
      { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'dinas-pupr-ntb' },
    ],
  },
  rejected: { category: 'air-bersih', steps: [{ to: 'rejected', type: 'rejected', actorRole: 'moderator' }] },
};

const poison = fc.constantFrom<unknown>({ kind: 'nonsense' }, 'garbage', null, { kind: 'event', eventId: -1 }, { kind: 'event', eventId: 99_999_999 });

const scenario = fc.record({
  histories: fc.array(fc.constantFrom(...Object.keys(histories)), { minLength: 2, maxLength: 4 }),
  /** How many times each event is delivered (at least once: the queue's promise). */
  copies: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 40, maxLength: 40 }),
  /** Sort keys that shuffle the deliveries. */
  order: fc.array(fc.nat({ max: 999 }), { minLength: 200, maxLength: 200 }),
  poison: fc.array(poison, { maxLength: 2 }),
  batchSize: fc.integer({ min: 1, max: 20 }),
  /** Two batches handled side by side, as two consumer invocations would. */
  sideBySide: fc.boolean(),
  faults: fc.record({ confirm: fc.boolean(), routing: fc.boolean(), deadLetter: fc.boolean() }),
});

/** Every socket of the topics, recording what each topic was told. */
async function listen(topics: LiveTopic[]) {
  const heard: { topic: LiveTopic; eventId: number }[] = [];
  const sockets = await Promise.all(
    topics.map(async (topic) => {
      const res = await liveInbox(env, topic).fetch('https://live/socket', {
        headers: { Upgrade: 'websocket', [SUBSCRIBER_HEADER]: JSON.stringify({ topic, subscriber: 'staff:test' }) },
      });
      const socket = res.webSocket!;
      socket.addEventListener('message', (e) => {
        const m = JSON.parse(e.data as string) as LiveMessage;
        if (m.type === 'event') heard.push({ topic: m.topic, eventId: m.eventId });
      });
      socket.accept();
      return socket;
    }),
  );
  return { heard, close: () => sockets.forEach((s) => s.close()) };
}

/** Injected failures: D1 triggers that make one kind of statement fail while they exist. */
async function injectFaults(faults: { confirmOf?: number[]; routeOf?: number[]; deadLetter?: boolean }) {
  const statements: string[] = [];
  // Published, then the confirmation fails: the message comes again.
  if (faults.confirmOf?.length) statements.push(`CREATE TRIGGER fault_confirm BEFORE UPDATE OF delivered_at ON events WHEN NEW.id IN (${faults.confirmOf.join(',')}) BEGIN SELECT RAISE(ABORT, 'injected: confirm'); END`);
  // Routing fails before anything is published.
  if (faults.routeOf?.length) statements.push(`CREATE TRIGGER fault_routing BEFORE UPDATE OF suggested_agency_id ON complaints WHEN NEW.id IN (${faults.routeOf.join(',')}) BEGIN SELECT RAISE(ABORT, 'injected: routing'); END`);
  // Keeping a poison message fails, so the consumer throws half-way through its batch.
  if (faults.deadLetter) statements.push(`CREATE TRIGGER fault_dead_letter BEFORE INSERT ON dead_letters BEGIN SELECT RAISE(ABORT, 'injected: dead letter'); END`);
  for (const sql of statements) await env.DB.prepare(sql).run();
  return async () => {
    for (const name of ['fault_confirm', 'fault_routing', 'fault_dead_letter']) await env.DB.prepare(`DROP TRIGGER IF EXISTS ${name}`).run();
  };
}

interface Delivery {
  id: string;
  body: unknown;
  attempts: number;
}

/**
 * Hands the deliveries to the consumer in batches, as the Queues runtime does: a message the
 * consumer retried, or that was not acknowledged when the handler threw, comes again (with one
 * more attempt) until acknowledged or out of attempts (then to the dead-letter queue).
 * Returns what is still to come when `rounds` runs out.
 */
async function runQueue(deliveries: Delivery[], batchSize: number, sideBySide: boolean, rounds = Infinity): Promise<Delivery[]> {
  let pending = deliveries;
  for (let round = 0; pending.length && round < rounds; round++) {
    const batches: Delivery[][] = [];
    for (let i = 0; i < pending.length; i += batchSize) batches.push(pending.slice(i, i + batchSize));
    const again: Delivery[] = [];
    const handle = async (messages: Delivery[]) => {
      const batch = createMessageBatch(
        'complaint-events',
        messages.map((m) => ({ id: m.id, timestamp: new Date(), attempts: m.attempts, body: m.body })),
      );
      const ctx = createExecutionContext();
      let threw = false;
      try {
        await worker.queue(batch, env, ctx);
      } catch {
        threw = true;
      }
      const result = await getQueueResult(batch, ctx);
      const acked = new Set(result.explicitAcks);
      const retried = new Set(result.retryMessages.map((m) => m.msgId));
      for (const m of messages) {
        if (acked.has(m.id) || !(threw || retried.has(m.id))) continue;
        if (m.attempts < MAX_ATTEMPTS) again.push({ ...m, attempts: m.attempts + 1 });
        else await deadLetter(m);
      }
    };
    for (let i = 0; i < batches.length; i += sideBySide ? 2 : 1) {
      await Promise.all(batches.slice(i, i + (sideBySide ? 2 : 1)).map(handle));
    }
    pending = again;
  }
  return pending;
}

async function deadLetter(m: Delivery) {
  const batch = createMessageBatch('complaint-events-dlq', [{ id: m.id, timestamp: new Date(), attempts: m.attempts, body: m.body }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  await getQueueResult(batch, ctx);
}

const undelivered = async (complaintIds: number[]) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM events WHERE delivered_at IS NULL AND complaint_id IN (${complaintIds.join(',')})`).first<{ n: number }>())!.n;

describe('the queue consumer under faults', () => {
  it('ends with every complaint as its event log says, and every event told once to each of its topics', async () => {
    const agencies = await Promise.all(['bpbd-ntb', 'pdam-giri-menang', 'dinas-pupr-ntb'].map(agencyIdOf));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run++;
        const complaints: (Awaited<ReturnType<typeof complaintThrough>> & { name: string })[] = [];
        for (const name of s.histories) complaints.push({ name, ...(await complaintThrough(histories[name]!.steps, histories[name]!.category)) });
        const topics: LiveTopic[] = ['moderation', ...agencies.map((id) => `agency:${id}` as const), ...complaints.map((c) => `complaint:${c.code}` as const)];
        const live = await listen(topics);
        try {
          const eventIds = complaints.flatMap((c) => c.eventIds);
          const bodies: unknown[] = [
            ...eventIds.flatMap((eventId, i) => Array.from({ length: s.copies[i % s.copies.length]! }, () => ({ kind: 'event', eventId }))),
            ...s.poison,
          ];
          const deliveries = bodies
            .map((body, i) => ({ id: `r${run}m${i}`, body, attempts: 1, key: s.order[i % s.order.length]! + i / 1000 }))
            .sort((a, b) => a.key - b.key)
            .map(({ key: _key, ...d }) => d);

          const clearFaults = await injectFaults({
            confirmOf: s.faults.confirm ? eventIds.filter((id) => id % 3 === 0) : [],
            routeOf: s.faults.routing ? complaints.map((c) => c.id) : [],
            deadLetter: s.faults.deadLetter,
          });
          let rest: Delivery[];
          try {
            rest = await runQueue(deliveries, s.batchSize, s.sideBySide, 1);
          } finally {
            await clearFaults();
          }
          // The fault has passed; what came back is handled until nothing is left.
          await runQueue(rest, s.batchSize, s.sideBySide);
          // Events the consumer wrote itself (automatic forwards) travel through the real queue.
          await vi.waitFor(async () => expect(await undelivered(complaints.map((c) => c.id))).toBe(0), { timeout: 10_000, interval: 50 });
          await new Promise((r) => setTimeout(r, 100));

          for (const c of complaints) {
            const state = await expectRowMatchesLog(c.id);
            const log = await eventLog(c.id);
            // Only a complaint nobody has touched since it was filed is forwarded automatically.
            for (const e of log) if (e.type === 'forwarded' && e.actorRole === 'system') expect(log.indexOf(e), `${c.name}: ${log.map((x) => x.type)}`).toBe(1);
            if (c.name === 'autoForward') expect(state).toMatchObject({ status: 'forwarded', agencyId: agencies[0] });
            if (c.name === 'returnedBeforeRouting') expect(state).toMatchObject({ status: 'submitted', agencyId: null });

            const visibility = await env.DB.prepare(`SELECT id, visibility FROM events WHERE complaint_id = ?`).bind(c.id).all<{ id: number; visibility: string }>();
            for (const e of log) {
              const told = (topic: LiveTopic) => live.heard.filter((h) => h.eventId === e.id && h.topic === topic).length;
              const where = `${c.name} event ${e.id} ${e.type}`;
              expect(told('moderation'), where).toBe(1);
              const isPublic = visibility.results.find((v) => v.id === e.id)!.visibility === 'public';
              // Filing is on the page before anyone knows the code: only what follows is told there.
              expect(told(`complaint:${c.code}`), where).toBe(isPublic && e.type !== 'submitted' ? 1 : 0);
              if (e.agencyId !== null) expect(told(`agency:${e.agencyId}`), where).toBe(1);
              for (const id of agencies) expect(told(`agency:${id}`), where).toBeLessThanOrEqual(1);
            }
          }
        } finally {
          live.close();
        }
      }),
      // A run takes about a second: report the first failure as found rather than shrink it for minutes.
      { numRuns: 6, endOnFailure: true },
    );
  });
});

describe('one fault at a time', () => {
  it('an event published before its confirmation failed is not told again when it comes back', async () => {
    const c = await complaintThrough([{ to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'pdam-giri-menang' }]);
    const forwarded = c.eventIds[1]!;
    const topics: LiveTopic[] = ['moderation', `agency:${c.agencyId!}`, `complaint:${c.code}`];
    const live = await listen(topics);
    try {
      const clearFaults = await injectFaults({ confirmOf: [forwarded] });
      let rest: Delivery[];
      try {
        rest = await runQueue([{ id: 'once', body: { kind: 'event', eventId: forwarded }, attempts: 1 }], 1, false, 1);
      } finally {
        await clearFaults();
      }
      expect(rest).toHaveLength(1); // retried: the runtime brings it again
      await runQueue(rest, 1, false);
      expect(await undelivered([c.id])).toBe(1); // only the submission, never sent
      await new Promise((r) => setTimeout(r, 100));
      expect(topics.map((topic) => live.heard.filter((h) => h.topic === topic && h.eventId === forwarded).length)).toEqual([1, 1, 1]);
    } finally {
      live.close();
    }
  });
});

describe('faults through the real queue', () => {
  it('a poison message and duplicates sent through the queue binding still leave each event told once', async () => {
    const bpbd = await agencyIdOf('bpbd-ntb');
    const c = await complaintThrough(histories.answered!.steps, histories.answered!.category);
    const filed = await complaintThrough([], 'bencana');
    const live = await listen(['moderation', `complaint:${c.code}`, `agency:${bpbd}`]);
    try {
      const ids = [...c.eventIds, filed.eventIds[0]!];
      await env.EVENTS.sendBatch([...ids, ...ids.slice().reverse()].map((eventId) => ({ body: { kind: 'event', eventId } })));
      await env.EVENTS.send({ kind: 'poison' });
      await env.EVENTS.sendBatch(ids.map((eventId) => ({ body: { kind: 'event', eventId } })));
      await vi.waitFor(
        async () => {
          expect(await undelivered([c.id, filed.id])).toBe(0);
          const letters = await env.DB.prepare(`SELECT count(*) AS n FROM dead_letters WHERE body = '{"kind":"poison"}'`).first<{ n: number }>();
          expect(letters!.n).toBe(1);
        },
        { timeout: 10_000, interval: 50 },
      );
      await new Promise((r) => setTimeout(r, 200));
      const all = [...(await eventLog(c.id)), ...(await eventLog(filed.id))];
      expect(all.map((e) => live.heard.filter((h) => h.eventId === e.id && h.topic === 'moderation').length)).toEqual(all.map(() => 1));
      expect(await expectRowMatchesLog(filed.id)).toMatchObject({ status: 'forwarded', agencyId: bpbd });
      await expectRowMatchesLog(c.id);
    } finally {
      live.close();
    }
  });
});
