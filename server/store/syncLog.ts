/** The sync log: one entry per attempt to move a record, pending until the connector runs. */
import type { Direction, LogEntry, LogPage, LogStatus } from '../../lib/api/schema.ts';
import { containsFilter, pageRows, type Filter, type PageRequest } from './paging.ts';
import { lower, toLogEntry, type LogRow } from './rows.ts';
import type { Store } from './store.ts';

export interface LogQuery {
  status?: LogStatus | undefined;
  direction?: Direction | undefined;
  entityType?: string | undefined;
  q?: string | undefined;
  /** Inclusive lower bound on `at`: a canonical ISO instant (routes turn a UTC date into its midnight). */
  fromAt?: string | undefined;
  /** Exclusive upper bound on `at` (a date `to` becomes the next UTC midnight). */
  beforeAt?: string | undefined;
}

export type LogCounts = Record<LogStatus, number>;

/** Every filter except status, so the counts per status can share them. */
function baseFilters(companyId: string, query: LogQuery): Filter[] {
  const filters: Filter[] = [{ sql: 'company_id = ?', params: [companyId] }];
  if (query.direction) filters.push({ sql: 'direction = ?', params: [query.direction] });
  if (query.entityType) filters.push({ sql: 'entity_type = ?', params: [query.entityType] });
  if (query.fromAt) filters.push({ sql: 'at >= ?', params: [query.fromAt] });
  if (query.beforeAt) filters.push({ sql: 'at < ?', params: [query.beforeAt] });
  if (query.q) filters.push(containsFilter(query.q, ['name_lower', 'doc_lower']));
  return filters;
}

export function listLog(store: Store, companyId: string, query: LogQuery, page: PageRequest): Promise<LogPage & { counts: LogCounts }> {
  // One snapshot: the counts agree with the page.
  return store.read(async () => {
    const filters = baseFilters(companyId, query);
    const counts = await countLog(store, filters);
    if (query.status) filters.push({ sql: 'status = ?', params: [query.status] });
    const { rows, nextCursor } = await pageRows<LogRow>(store.db, { table: 'log_entries', list: 'log', filters, page, newestFirst: true });
    return { items: rows.map(toLogEntry), nextCursor, counts };
  });
}

/** Entries per status under the given filters (for the client's tab labels). */
async function countLog(store: Store, filters: Filter[]): Promise<LogCounts> {
  const where = filters.map((f) => f.sql).join(' AND ');
  const rows = (await store.db
    .prepare(`SELECT status, COUNT(*) AS n FROM log_entries WHERE ${where} GROUP BY status`)
    .all(...filters.flatMap((f) => f.params))) as { status: LogStatus; n: number }[];
  const counts: LogCounts = { pending: 0, success: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export interface NewLogEntry {
  companyId: string; direction: Direction; entityType: string; localId: string; qbId?: string | null; name: string;
  docNumber?: string | null; change?: 'create' | 'update' | 'delete'; status: LogStatus; at?: string;
  errorCode?: string | null; errorMessage?: string | null; attempt: number; id?: string;
}

/** Call inside store.write. */
export async function insertLogEntry(store: Store, e: NewLogEntry): Promise<LogEntry> {
  const seq = await store.nextSeq('log_entries');
  const id = e.id ?? `log-${seq}`;
  await store.db.prepare(`INSERT INTO log_entries (seq, id, company_id, direction, entity_type, local_id, qb_id, name, name_lower,
    doc_number, doc_lower, change, status, at, error_code, error_message, attempt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(
    seq, id, e.companyId, e.direction, e.entityType, e.localId, e.qbId ?? null, e.name, lower(e.name), e.docNumber ?? null,
    lower(e.docNumber), e.change ?? 'update', e.status, canonicalAt(e.at ?? store.nowIso()), e.errorCode ?? null, e.errorMessage ?? null, e.attempt);
  return (await getLogEntry(store, id))!;
}

export async function getLogEntry(store: Store, id: string): Promise<LogEntry | undefined> {
  const row = (await store.db.prepare('SELECT * FROM log_entries WHERE id = ?').get(id)) as LogRow | undefined;
  return row && toLogEntry(row);
}

/** Times are stored in one canonical form (toISOString) so the date filters can compare strings. */
function canonicalAt(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}
