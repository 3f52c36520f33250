/** The sync log: one entry per attempt to move a record, pending until the connector runs. */
import type { Direction, LogEntry, LogPage, LogStatus } from '../../lib/api/schema.ts';
import { containsFilter, pageRows, type Filter, type PageRequest } from './paging.ts';
import { lower, toLogEntry, type LogRow } from './rows.ts';
import type { Store } from './store.ts';

export interface LogQuery { status?: LogStatus | undefined; entityType?: string | undefined; q?: string | undefined }

export function listLog(store: Store, companyId: string, query: LogQuery, page: PageRequest): LogPage {
  const filters: Filter[] = [{ sql: 'company_id = ?', params: [companyId] }];
  if (query.status) filters.push({ sql: 'status = ?', params: [query.status] });
  if (query.entityType) filters.push({ sql: 'entity_type = ?', params: [query.entityType] });
  if (query.q) filters.push(containsFilter(query.q, ['name_lower', 'doc_lower']));
  const { rows, nextCursor } = pageRows<LogRow>(store.db, { table: 'log_entries', list: 'log', filters, page, newestFirst: true });
  return { items: rows.map(toLogEntry), nextCursor };
}

export interface NewLogEntry {
  companyId: string; direction: Direction; entityType: string; localId: string; qbId?: string | null; name: string;
  docNumber?: string | null; change?: 'create' | 'update' | 'delete'; status: LogStatus; at?: string;
  errorCode?: string | null; errorMessage?: string | null; attempt: number; id?: string;
}

export function insertLogEntry(store: Store, e: NewLogEntry): LogEntry {
  const seq = store.nextSeq('log_entries');
  const id = e.id ?? `log-${seq}`;
  store.db.prepare(`INSERT INTO log_entries (seq, id, company_id, direction, entity_type, local_id, qb_id, name, name_lower,
    doc_number, doc_lower, change, status, at, error_code, error_message, attempt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(
    seq, id, e.companyId, e.direction, e.entityType, e.localId, e.qbId ?? null, e.name, lower(e.name), e.docNumber ?? null,
    lower(e.docNumber), e.change ?? 'update', e.status, e.at ?? store.nowIso(), e.errorCode ?? null, e.errorMessage ?? null, e.attempt);
  return getLogEntry(store, id)!;
}

export function getLogEntry(store: Store, id: string): LogEntry | undefined {
  const row = store.db.prepare('SELECT * FROM log_entries WHERE id = ?').get(id) as LogRow | undefined;
  return row && toLogEntry(row);
}
