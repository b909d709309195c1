import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { findEvent } from '../../worker/db/outbox';
import { events } from '../../worker/db/schema';
import worker from '../../worker/index';
import { uploads } from '../../worker/db/schema';
import { db, insertComplaint } from './fixtures';
import { createStaff } from './staff';
import { DEVICE_KEPT_MS } from '../../worker/auth/devices';

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function quarantine(id: string, createdAt: Date) {
  const key = `quarantine/${id}`;
  await env.PHOTOS.put(key, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), { httpMetadata: { contentType: 'image/jpeg' } });
  await db().insert(uploads).values({
    id,
    r2Key: key,
    contentType: 'image/jpeg',
    size: 4,
    width: 1,
    height: 1,
    ownerHash: 'owner',
    createdAt,
  });
  return key;
}

describe('cron: quarantine clean-up', () => {
  it('deletes uploads unclaimed after 24 hours, from R2 and D1, and keeps newer ones', async () => {
    const now = Date.now();
    const oldKey = await quarantine('old-upload', new Date(now - 25 * 3600_000));
    const newKey = await quarantine('new-upload', new Date(now - 3600_000));

    await runCron(now);

    expect(await env.PHOTOS.head(oldKey)).toBeNull();
    expect(await db().select().from(uploads).where(eq(uploads.id, 'old-upload'))).toEqual([]);
    expect(await env.PHOTOS.head(newKey)).not.toBeNull();
    expect(await db().select().from(uploads).where(eq(uploads.id, 'new-upload'))).toHaveLength(1);
  });
});

describe('cron: outbox sweep', () => {
  it('re-sends an event the queue never confirmed, and the consumer confirms it', async () => {
    const { event } = await insertComplaint();
    await db().update(events).set({ createdAt: new Date(Date.now() - 5 * 60_000) }).where(eq(events.id, event.id));
    expect((await findEvent(db(), event.id))!.deliveredAt).toBeNull();

    await runCron(Date.now());

    // Through the real queue binding to the Worker's own consumer.
    await vi.waitFor(async () => expect((await findEvent(db(), event.id))!.deliveredAt).toBeInstanceOf(Date), {
      timeout: 10_000,
      interval: 100,
    });
  });

  it('leaves a fresh event to its first delivery', async () => {
    const { event } = await insertComplaint();
    await runCron(Date.now());
    await new Promise((r) => setTimeout(r, 500));
    expect((await findEvent(db(), event.id))!.deliveredAt).toBeNull();
  });
});

describe('cron: expiry of idempotency keys and rate-limit windows', () => {
  it('forgets idempotency keys after a day and old rate-limit windows after an hour', async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare("INSERT INTO idempotency_keys (scope, key, status, response, created_at) VALUES ('s', 'old', 201, '{}', ?)").bind(now - 25 * 3600_000),
      env.DB.prepare("INSERT INTO idempotency_keys (scope, key, status, response, created_at) VALUES ('s', 'new', 201, '{}', ?)").bind(now - 3600_000),
      env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES ('complaints:old', ?, 3)").bind(now - 2 * 3600_000),
      env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES ('complaints:new', ?, 3)").bind(now - 60_000),
    ]);
    await runCron(now);
    const keys = await env.DB.prepare("SELECT key FROM idempotency_keys WHERE scope = 's'").all<{ key: string }>();
    expect(keys.results.map((r) => r.key)).toEqual(['new']);
    const windows = await env.DB.prepare("SELECT key FROM rate_limits WHERE key LIKE 'complaints:%'").all<{ key: string }>();
    expect(windows.results.map((r) => r.key)).toEqual(['complaints:new']);
  });

  it('forgets a known device nobody has signed in from for half a year', async () => {
    const now = Date.now();
    const { username } = await createStaff('moderator');
    const user = (await env.DB.prepare('SELECT id FROM users WHERE username = ?').bind(username).first<{ id: number }>())!.id;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO known_devices (token_hash, user_id, last_used_at) VALUES ('old-device', ?, ?)").bind(user, now - DEVICE_KEPT_MS - 60_000),
      env.DB.prepare("INSERT INTO known_devices (token_hash, user_id, last_used_at) VALUES ('used-device', ?, ?)").bind(user, now - DEVICE_KEPT_MS + 86_400_000),
    ]);
    await runCron(now);
    const kept = await env.DB.prepare("SELECT token_hash FROM known_devices WHERE token_hash LIKE '%-device'").all<{ token_hash: string }>();
    expect(kept.results.map((r) => r.token_hash)).toEqual(['used-device']);
  });
});
