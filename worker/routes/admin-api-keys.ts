// `/api/admin/api-keys`: administrators issue Open311 API keys (the key is shown once, then
// only its SHA-256 is kept), list them with when each was last used, and revoke them.
import { Hono } from 'hono';
import { z } from 'zod';
import { randomToken, sha256Hex } from '../auth/tokens';
import { findListedApiKey, insertApiKey, type ListedApiKey, listApiKeys, revokeApiKey } from '../db/api-keys';
import type { ApiKeyInfo, IssuedApiKey } from '../domain/api';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';
import { API_KEY_PREFIX } from '../open311/api-key';

const createBody = z.object({ name: z.string().trim().min(2, 'At least 2 characters').max(100) }).strict();
const idParam = z.object({ id: z.coerce.number().int().min(1).max(2 ** 31) });

const info = (row: ListedApiKey): ApiKeyInfo => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export const adminApiKeyRoutes = new Hono<AppEnv>()
  .use('*', requireStaff('admin'))
  .get('/', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ apiKeys: (await listApiKeys(c.get('db'))).map(info) });
  })
  .post('/', validate('json', createBody), async (c) => {
    const db = c.get('db');
    // 128 random bits; the readable start lets people (and secret scanners) tell what it is.
    const key = `${API_KEY_PREFIX}${randomToken()}`;
    const id = await insertApiKey(db, {
      name: c.req.valid('json').name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 4),
      keyHash: await sha256Hex(key),
      createdBy: c.get('staff')!.id,
    });
    c.header('Cache-Control', 'private, no-store');
    const issued: IssuedApiKey = { ...info((await findListedApiKey(db, id))!), key };
    return c.json(issued, 201);
  })
  .post('/:id/revoke', validate('param', idParam), async (c) => {
    const db = c.get('db');
    const { id } = c.req.valid('param');
    if (!(await findListedApiKey(db, id))) throw notFound('API key');
    await revokeApiKey(db, id, new Date());
    return c.json(info((await findListedApiKey(db, id))!));
  });
