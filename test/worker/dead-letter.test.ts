// A poison message, end to end through the real queue: retried, then moved by the runtime
// to the dead-letter queue, whose consumer records it for an administrator.
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { insertComplaint } from './fixtures';

describe('a message that keeps failing', () => {
  it('lands in the dead-letter queue and is recorded, after max_retries', async () => {
    const { event } = await insertComplaint();
    // Every attempt to route this event fails while the rules table is missing.
    await env.DB.prepare('ALTER TABLE routing_rules RENAME TO routing_rules_away').run();
    try {
      await env.EVENTS.send({ kind: 'event', eventId: event.id });
      await vi.waitFor(
        async () => {
          const row = await env.DB.prepare("SELECT queue, body, attempts FROM dead_letters WHERE queue = 'complaint-events-dlq'").first();
          expect(row).toMatchObject({ body: JSON.stringify({ kind: 'event', eventId: event.id }) });
        },
        { timeout: 20_000, interval: 200 },
      );
      const delivered = await env.DB.prepare('SELECT delivered_at FROM events WHERE id = ?').bind(event.id).first<{ delivered_at: number | null }>();
      expect(delivered!.delivered_at).toBeNull();
    } finally {
      await env.DB.prepare('ALTER TABLE routing_rules_away RENAME TO routing_rules').run();
    }
  });
});
