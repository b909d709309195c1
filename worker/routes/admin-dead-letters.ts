// `/api/admin/dead-letters`: queue messages that kept failing, for an administrator to
// look at and send again once the cause is fixed.
import { Hono } from 'hono';
import { z } from 'zod';
import { findDeadLetter, listDeadLetters, markDeadLetterReplayed } from '../db/outbox';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';
import { isQueueMessage } from '../queue/messages';

export interface DeadLetterInfo {
  id: number;
  queue: string;
  body: unknown;
  attempts: number;
  createdAt: string;
  replayedAt: string | null;
}

export const adminDeadLetterRoutes = new Hono<AppEnv>()
  .use('*', requireStaff('admin'))
  .get('/', validate('query', z.object({ all: z.enum(['true', 'false']).optional() })), async (c) => {
    const rows = await listDeadLetters(c.get('db'), c.req.valid('query').all === 'true');
    const items: DeadLetterInfo[] = rows.map((r) => ({
      id: r.id,
      queue: r.queue,
      body: safeParse(r.body),
      attempts: r.attempts,
      createdAt: r.createdAt.toISOString(),
      replayedAt: r.replayedAt?.toISOString() ?? null,
    }));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items });
  })
  .post('/:id/replay', validate('param', z.object({ id: z.coerce.number().int().min(1) })), async (c) => {
    const db = c.get('db');
    const letter = await findDeadLetter(db, c.req.valid('param').id);
    if (!letter) throw notFound('Dead letter');
    if (letter.replayedAt) throw new ApiError('conflict', 'Already replayed');
    const body = safeParse(letter.body);
    if (!isQueueMessage(body)) throw new ApiError('unprocessable', 'This message is malformed and cannot be replayed');
    await c.env.EVENTS.send(body);
    await markDeadLetterReplayed(db, letter.id, new Date());
    return c.json({ replayed: letter.id });
  });

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
