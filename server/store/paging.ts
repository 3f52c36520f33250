/** Keyset pagination over a table's `seq` column with simple AND-ed filters. */
import type { SqlDatabase } from '../db/sql-database.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface PageRequest { cursor?: string | undefined; limit: number }
export interface Filter { sql: string; params: unknown[] }

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
export function containsFilter(q: string, columns: string[]): Filter {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    params: columns.map(() => pattern),
  };
}

export async function pageRows<R extends { seq: number }>(
  db: SqlDatabase,
  opts: { table: string; list: string; filters: Filter[]; page: PageRequest; newestFirst: boolean },
): Promise<{ rows: R[]; nextCursor: string | null }> {
  const filters = [...opts.filters];
  if (opts.page.cursor) {
    const after = decodeCursor(opts.list, opts.page.cursor);
    filters.push({ sql: opts.newestFirst ? 'seq < ?' : 'seq > ?', params: [after] });
  }
  const where = filters.length ? `WHERE ${filters.map((f) => f.sql).join(' AND ')}` : '';
  const sql = `SELECT * FROM ${opts.table} ${where} ORDER BY seq ${opts.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`;
  const rows = (await db.prepare(sql).all(...filters.flatMap((f) => f.params), opts.page.limit + 1)) as R[];
  const hasMore = rows.length > opts.page.limit;
  if (hasMore) rows.length = opts.page.limit;
  return { rows, nextCursor: hasMore ? encodeCursor(opts.list, rows[rows.length - 1]!.seq) : null };
}
