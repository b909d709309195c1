import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { call } from './helpers';
import { signIn } from './staff';
import worker from '../../worker/index';
import { findEvent } from '../../worker/db/outbox';
import { complaintThrough } from './complaint-states';
import { db, insertComplaint } from './fixtures';

async function deliver(queue: string, bodies: unknown[], attempts = 1) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

const deadLetters = () =>
  env.DB.prepare('SELECT queue, body, attempts FROM dead_letters ORDER BY id').all<{ queue: string; body: string; attempts: number }>();

describe('complaint-events consumer', () => {
  it('confirms an event once, and a second delivery changes nothing', async () => {
    const { event } = await insertComplaint();
    const first = await deliver('complaint-events', [{ kind: 'event', eventId: event.id }]);
    expect(first.explicitAcks).toEqual(['m0']);
    const delivered = (await findEvent(db(), event.id))!.deliveredAt;
    expect(delivered).toBeInstanceOf(Date);

    const second = await deliver('complaint-events', [{ kind: 'event', eventId: event.id }]);
    expect(second.explicitAcks).toEqual(['m0']);
    expect((await findEvent(db(), event.id))!.deliveredAt).toEqual(delivered);
  });

  it('keeps a malformed message for an admin instead of retrying it forever', async () => {
    const result = await deliver('complaint-events', [{ kind: 'nonsense' }]);
    expect(result.explicitAcks).toEqual(['m0']);
    const { results } = await deadLetters();
    expect(results.at(-1)).toEqual({ queue: 'complaint-events', body: '{"kind":"nonsense"}', attempts: 1 });
  });

  it('records what reaches the dead-letter queue', async () => {
    const result = await deliver('complaint-events-dlq', [{ kind: 'event', eventId: 424242 }], 6);
    expect(result.explicitAcks).toEqual(['m0']);
    const { results } = await deadLetters();
    expect(results.at(-1)).toEqual({ queue: 'complaint-events-dlq', body: '{"kind":"event","eventId":424242}', attempts: 6 });
  });
});

describe('complaint-events consumer: routing is idempotent', () => {
  it('forwards an auto-forward complaint once, even when the event comes again unconfirmed', async () => {
    const { complaint, event } = await insertComplaint({
      categoryId: (await env.DB.prepare("SELECT id FROM categories WHERE slug = 'bencana'").first<{ id: number }>())!.id,
    });
    await deliver('complaint-events', [{ kind: 'event', eventId: event.id }]);
    // As if the consumer died after forwarding but before confirming.
    await env.DB.prepare('UPDATE events SET delivered_at = NULL WHERE id = ?').bind(event.id).run();
    await deliver('complaint-events', [{ kind: 'event', eventId: event.id }]);
    const events = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE complaint_id = ? AND type = 'forwarded'").bind(complaint.id).first<{ n: number }>();
    expect(events!.n).toBe(1);
    const row = await env.DB.prepare('SELECT status, version FROM complaints WHERE id = ?').bind(complaint.id).first();
    expect(row).toEqual({ status: 'forwarded', version: 2 });
  });

  it('leaves a complaint forwarded by hand and sent back to a person, when its submission comes late', async () => {
    const c = await complaintThrough(
      [
        { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'bpbd-ntb' },
        { to: 'submitted', type: 'returned', actorRole: 'agency', agency: 'bpbd-ntb' },
      ],
      'bencana',
    );
    // The category's rule forwards new complaints at once; this one is not new any more.
    await deliver('complaint-events', [{ kind: 'event', eventId: c.eventIds[0] }]);
    const row = await env.DB.prepare('SELECT status, agency_id AS agencyId, version FROM complaints WHERE id = ?').bind(c.id).first();
    expect(row).toEqual({ status: 'submitted', agencyId: null, version: 3 });
  });

  it('queues a forward already made even when another one in the same batch fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = await complaintThrough([], 'bencana');
    const bad = await complaintThrough([], 'bencana');
    await env.DB.prepare(
      `CREATE TRIGGER test_forward_fails BEFORE UPDATE OF status ON complaints WHEN NEW.id = ${bad.id} AND NEW.status = 'forwarded' BEGIN SELECT RAISE(ABORT, 'injected'); END`,
    ).run();
    try {
      const result = await deliver('complaint-events', [good, bad].map((c) => ({ kind: 'event', eventId: c.eventIds[0] })));
      expect(result.retryMessages.map((m) => m.msgId)).toEqual(['m1']);
      // The good complaint's forward reached the queue and was handled: the agency heard of it at once.
      await vi.waitFor(
        async () => {
          const forwarded = await env.DB.prepare(`SELECT delivered_at FROM events WHERE complaint_id = ? AND type = 'forwarded'`).bind(good.id).first<{ delivered_at: number | null }>();
          expect(forwarded?.delivered_at).toBeTypeOf('number');
        },
        { timeout: 5_000, interval: 50 },
      );
    } finally {
      await env.DB.prepare('DROP TRIGGER test_forward_fails').run();
    }
  });

  it('retries a failing event instead of confirming it', async () => {
    const { event } = await insertComplaint();
    await env.DB.prepare('ALTER TABLE routing_rules RENAME TO routing_rules_away').run();
    try {
      const result = await deliver('complaint-events', [{ kind: 'event', eventId: event.id }], 3);
      expect(result.explicitAcks).toEqual([]);
      expect(result.retryMessages.map((m) => m.msgId)).toEqual(['m0']);
      expect((await findEvent(db(), event.id))!.deliveredAt).toBeNull();
    } finally {
      await env.DB.prepare('ALTER TABLE routing_rules_away RENAME TO routing_rules').run();
    }
  });
});

describe('dead letters, for an administrator', () => {
  it('lists what kept failing and replays it through the queue once', async () => {
    const { event } = await insertComplaint();
    await deliver('complaint-events-dlq', [{ kind: 'event', eventId: event.id }], 6);
    const { cookie } = await signIn('admin');
    const list = await call('/api/admin/dead-letters', { headers: { Cookie: cookie } });
    const { items } = await list.json<{ items: { id: number; body: unknown; replayedAt: string | null }[] }>();
    const letter = items.find((i) => JSON.stringify(i.body) === JSON.stringify({ kind: 'event', eventId: event.id }))!;
    expect(letter.replayedAt).toBeNull();

    const replay = () => call(`/api/admin/dead-letters/${letter.id}/replay`, { method: 'POST', headers: { Cookie: cookie } });
    expect((await replay()).status).toBe(200);
    // The real queue brings it to the consumer, which confirms the event.
    await vi.waitFor(async () => expect((await findEvent(db(), event.id))!.deliveredAt).toBeInstanceOf(Date), { timeout: 10_000, interval: 100 });
    expect((await replay()).status).toBe(409);
    const moderator = await signIn('moderator');
    expect((await call('/api/admin/dead-letters', { headers: { Cookie: moderator.cookie } })).status).toBe(403);
  });
});
