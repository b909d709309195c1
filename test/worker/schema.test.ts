import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { boundQuery, createDb } from '../../worker/db/client';
import { overdueStatements } from '../../worker/db/moderation';
import { insertComplaint } from './fixtures';

const run = (sql: string, ...params: unknown[]) => env.DB.prepare(sql).bind(...params).run();

/** The database's own words for why a write failed (drizzle wraps them in its error's cause). */
async function refusal(write: Promise<unknown>): Promise<string> {
  try {
    await write;
  } catch (err) {
    const messages: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(' | ');
  }
  throw new Error('the write was accepted');
}

describe('constraints that keep the data sound', () => {
  it('rejects a status or priority outside the lifecycle', async () => {
    expect(await refusal(insertComplaint({ status: 'lost' as never }))).toMatch(/CHECK constraint failed/);
    expect(await refusal(insertComplaint({ priority: 'whenever' as never }))).toMatch(/CHECK constraint failed/);
  });

  it('rejects a malformed or repeated public code', async () => {
    expect(await refusal(insertComplaint({ code: 'NTB-1234' }))).toMatch(/CHECK constraint failed/);
    // Crockford base32 has no I, L, O or U.
    expect(await refusal(insertComplaint({ code: 'NTB-ILOU0000' }))).toMatch(/CHECK constraint failed/);
    await insertComplaint({ code: 'NTB-ABCD2345' });
    expect(await refusal(insertComplaint({ code: 'NTB-ABCD2345' }))).toMatch(/UNIQUE constraint failed/);
  });

  it('rejects a description over 4,000 characters and an empty title', async () => {
    expect(await refusal(insertComplaint({ description: 'x'.repeat(4001) }))).toMatch(/CHECK constraint failed/);
    expect(await refusal(insertComplaint({ title: '' }))).toMatch(/CHECK constraint failed/);
  });

  it('enforces foreign keys to regions, categories and agencies', async () => {
    expect(await refusal(insertComplaint({ villageCode: '99.99.99.9999' }))).toMatch(/FOREIGN KEY constraint failed/);
    expect(await refusal(insertComplaint({ agencyId: 999_999 }))).toMatch(/FOREIGN KEY constraint failed/);
  });

  it('keeps agency slugs unique and well formed', async () => {
    expect(await refusal(run("INSERT INTO agencies (slug, name, kind) VALUES ('pdam-giri-menang', 'Copy', 'bumd')"))).toMatch(/UNIQUE constraint failed/);
    expect(await refusal(run("INSERT INTO agencies (slug, name, kind) VALUES ('Bad Slug', 'X', 'bumd')"))).toMatch(/CHECK constraint failed/);
    expect(await refusal(run("INSERT INTO agencies (slug, name, kind) VALUES ('ok-slug', 'X', 'club')"))).toMatch(/CHECK constraint failed/);
  });

  it('binds agency accounts to exactly one agency', async () => {
    const hash = 'pbkdf2-sha256$100000$c2FsdA==$aGFzaA==';
    expect(await refusal(run("INSERT INTO users (username, display_name, role, password_hash) VALUES ('a1', 'A', 'agency', ?)", hash))).toMatch(/CHECK constraint failed/);
    expect(await refusal(run("INSERT INTO users (username, display_name, role, agency_id, password_hash) VALUES ('m1', 'M', 'moderator', 1, ?)", hash))).toMatch(/CHECK constraint failed/);
    await run("INSERT INTO users (username, display_name, role, agency_id, password_hash) VALUES ('a2', 'A', 'agency', 1, ?)", hash);
  });

  it('has the indexes the feeds and inboxes query by', async () => {
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM complaints WHERE agency_id = 1 AND status = 'forwarded' ORDER BY updated_at DESC LIMIT 20",
    ).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join(' ')).toContain('complaints_agency_status_idx');
    const feed = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM complaints WHERE status = 'forwarded' ORDER BY submitted_at DESC LIMIT 20",
    ).all<{ detail: string }>();
    expect(feed.results.map((r) => r.detail).join(' ')).toContain('complaints_status_submitted_idx');
  });

  it('routes every category somewhere, province-wide', async () => {
    const { results } = await env.DB.prepare(
      `SELECT c.slug, count(r.id) AS n FROM categories c
       LEFT JOIN routing_rules r ON r.category_id = c.id AND r.regency_code IS NULL GROUP BY c.slug`,
    ).all<{ slug: string; n: number }>();
    expect(results.length).toBeGreaterThanOrEqual(14);
    expect(results.filter((r) => r.n !== 1)).toEqual([]);
  });
});

describe('the public feed query plan', () => {
  it('reads complaints newest first by submission time instead of sorting every public one', async () => {
    const plan = await env.DB.prepare(
      `EXPLAIN QUERY PLAN SELECT id FROM complaints WHERE complaints.confidential = 0 and +complaints.status in ('forwarded', 'in_progress', 'resolved', 'closed')
       ORDER BY submitted_at DESC, id DESC LIMIT 21`,
    ).all<{ detail: string }>();
    const text = plan.results.map((r) => r.detail).join(' | ');
    expect(text).toContain('complaints_submitted_idx');
    expect(text).not.toContain('complaints_status_submitted_idx');
  });
});

describe('the agency inbox query plan', () => {
  it('reads an agency’s complaints in order of last change from one index', async () => {
    const plan = await env.DB.prepare(
      `EXPLAIN QUERY PLAN SELECT id FROM complaints WHERE agency_id = 1 AND +complaints.status in ('forwarded', 'in_progress', 'resolved')
       ORDER BY updated_at DESC, id DESC LIMIT 51`,
    ).all<{ detail: string }>();
    const text = plan.results.map((r) => r.detail).join(' | ');
    expect(text).toContain('complaints_agency_updated_idx');
    expect(text).not.toContain('TEMP B-TREE');
  });
});

describe('the moderators’ overdue list query plan', () => {
  it('reads held complaints in due order from the due-time index, not every held one sorted', async () => {
    // The statement the route runs, joins and the reminder's subquery included.
    const [page] = overdueStatements(createDb(env.DB));
    const { sql, params } = boundQuery(page, { now: Date.now(), afterAt: Number.MIN_SAFE_INTEGER, afterId: 0, limit: 51 });
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    const text = plan.results.map((r) => r.detail).join(' | ');
    expect(text).toContain('complaints_due_idx');
    expect(text).not.toContain('TEMP B-TREE');
  });
});
