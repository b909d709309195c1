import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { findEvent } from '../../worker/db/outbox';
import { events } from '../../worker/db/schema';
import worker from '../../worker/index';
import { uploads } from '../../worker/db/schema';
import { db, insertComplaint } from './fixtures';

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
