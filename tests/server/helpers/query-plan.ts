/**
 * How the database would run a query, on either engine. PostgreSQL is told to avoid sequential
 * scans and sorts where it can, because on a test-sized table a scan is always cheapest: what
 * matters is whether an index exists that serves the filter and the order.
 */
import type { SqlDatabase } from '../../../server/db/sql-database.ts';

export interface QueryPlan { text: string; usesIndex: boolean; sortsInMemory: boolean }

export async function queryPlan(db: SqlDatabase, sql: string, ...params: unknown[]): Promise<QueryPlan> {
  if (db.dialect === 'sqlite') {
    const text = ((await db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params)) as { detail: string }[]).map((r) => r.detail).join(' | ');
    return { text, usesIndex: /USING (COVERING )?INDEX/.test(text), sortsInMemory: /USE TEMP B-TREE/.test(text) };
  }
  const text = await db.transaction(async () => {
    await db.exec('SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off');
    return ((await db.prepare(`EXPLAIN ${sql}`).all(...params)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join(' | ');
  }, { readOnly: true });
  return { text, usesIndex: /Index (Only )?Scan|Bitmap Index Scan/.test(text), sortsInMemory: /\bSort\b/.test(text) && !/Incremental Sort/.test(text) };
}
