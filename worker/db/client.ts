import { drizzle } from 'drizzle-orm/d1';
import { is, Param, Placeholder } from 'drizzle-orm';
import type { D1PreparedQuery } from 'drizzle-orm/d1/session';
import * as schema from './schema';

const databases = new WeakMap<D1Database, ReturnType<typeof open>>();
const open = (d1: D1Database) => drizzle(d1, { schema });

/** One drizzle instance per D1 binding: making one reads the whole schema (profiled at 5% of a request). */
export function createDb(d1: D1Database) {
  let db = databases.get(d1);
  if (!db) databases.set(d1, (db = open(d1)));
  return db;
}
export type Database = ReturnType<typeof createDb>;

/**
 * Queries built once per database, with placeholders, then only bound. Building a query
 * with drizzle walks every column and chunk of it, and for the complaint page that cost
 * more of the Worker's time than D1 took to answer (profiled with the inspector).
 */
export function preparedOnce<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let queries = built.get(db);
    if (!queries) built.set(db, (queries = build(db)));
    return queries;
  };
}

export type PreparedAll = { all: (...args: never[]) => Promise<unknown>; getQuery(): { sql: string; params: unknown[] } };
type Answers<Q extends readonly PreparedAll[]> = { -readonly [K in keyof Q]: Awaited<ReturnType<Q[K]['all']>> };

/** Runs prepared queries with their placeholder values in one D1 round trip, each answer mapped as drizzle maps it. */
export async function batchPrepared<const Q extends readonly PreparedAll[]>(db: Database, queries: Q, values: Record<string, unknown>): Promise<Answers<Q>> {
  return (await runPrepared(db, queries.map((query) => [query, values] as const))) as Answers<Q>;
}

/** Prepared queries, each with values of its own (one statement run for several rows), in one round trip. */
export async function runPrepared<Q extends PreparedAll>(db: Database, items: readonly (readonly [Q, Record<string, unknown>])[]): Promise<Awaited<ReturnType<Q['all']>>[]> {
  const d1 = db.$client;
  const results = await d1.batch(
    items.map(([query, values]) => {
      const { sql, params } = boundQuery(query, values);
      return d1.prepare(sql).bind(...params);
    }),
  );
  return results.map((result, i) => (items[i]![0] as unknown as D1PreparedQuery).mapAllResult(result, true)) as Awaited<ReturnType<Q['all']>>[];
}

/** A prepared query's SQL with its parameters as D1 gets them (also for EXPLAIN in tests). */
export function boundQuery(query: PreparedAll, values: Record<string, unknown>): { sql: string; params: unknown[] } {
  const { sql, params } = query.getQuery();
  return { sql, params: params.map((param) => valueOf(param, values)) };
}

/** A parameter with its placeholder filled and encoded as its column stores it (null stays null). */
function valueOf(param: unknown, values: Record<string, unknown>): unknown {
  const named = (placeholder: Placeholder) => {
    if (!(placeholder.name in values)) throw new Error(`No value for placeholder "${placeholder.name}"`);
    return values[placeholder.name];
  };
  if (is(param, Placeholder)) return named(param);
  if (is(param, Param) && is(param.value, Placeholder)) {
    const value = named(param.value);
    return value === null || value === undefined ? null : param.encoder.mapToDriverValue(value);
  }
  return param;
}
