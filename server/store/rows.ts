/** Row shapes of the database tables and their mapping to Sync API resources. */
import type { Company, Connector, ConnectorState, LogEntry, UnsyncedEntity, WizardItem } from '../../lib/api/schema.ts';

export interface CompanyRow {
  id: string; sort: number; name: string; system: 'qbo' | 'qbd'; realm_id: string | null; company_file: string | null;
  connector_kind: 'qbo-api' | 'web-connector'; interval_minutes: number | null; last_contact_at: string | null;
  last_run_at: string | null; connector_override: ConnectorState | null; connector_message: string | null;
  closed_books_date: string | null; next_qb_seq: number;
}
export interface WizardRow {
  seq: number; id: string; company_id: string; direction: 'export' | 'import'; entity_type: string; local_id: string | null;
  qb_id: string | null; name: string; doc_number: string | null; change: 'create' | 'update' | 'delete';
  changed_fields: string | null; amount: number | null; detected_at: string; state: 'waiting' | 'kept' | 'cleared' | 'approved';
}
export interface LogRow {
  seq: number; id: string; company_id: string; direction: 'export' | 'import'; entity_type: string; local_id: string;
  qb_id: string | null; name: string; doc_number: string | null; change: 'create' | 'update' | 'delete';
  status: 'pending' | 'success' | 'failed'; at: string; error_code: string | null; error_message: string | null; attempt: number;
  error_detail?: string | null; intuit_tid?: string | null;
  /** Set while an export has been handed to QuickBooks and its answer is not written yet. */
  sent_at?: string | null;
}
export interface UnsyncedRow {
  seq: number; id: string; company_id: string; entity_type: string; local_id: string; local_url: string | null;
  qb_id: string | null; name: string; doc_number: string | null; error_code: string; error_message: string;
  error_detail: string | null; first_failed_at: string; last_attempt_at: string; attempts: number;
  state: 'failed' | 'resync-queued'; pending_log_id: string | null;
}
export interface RecordRow {
  company_id: string; entity_type: string; local_id: string; local_url: string | null; name: string;
  doc_number: string | null; txn_date: string | null; amount: number | null; refs: string; qb_id: string | null;
  known_sync_token: number | null; last_synced_at: string | null;
}

/** A web connector silent for longer than this many scheduled intervals is reported stale. */
export const STALE_AFTER_INTERVALS = 2;

/** The connector's state: the one part of it that moves with the clock (a Web Connector that went quiet turns stale). */
export function connectorState(row: CompanyRow, now: Date): ConnectorState {
  const state: ConnectorState = row.connector_override ?? 'ok';
  if (state !== 'ok' || row.connector_kind !== 'web-connector' || !row.interval_minutes) return state;
  const heard = row.last_contact_at ? Date.parse(row.last_contact_at) : null;
  return heard === null || now.getTime() - heard > STALE_AFTER_INTERVALS * row.interval_minutes * 60_000 ? 'stale' : state;
}

export function toConnector(row: CompanyRow, now: Date): Connector {
  let nextRunAt: string | null = null;
  if (row.connector_kind === 'web-connector' && row.interval_minutes && row.last_run_at) {
    nextRunAt = new Date(Date.parse(row.last_run_at) + row.interval_minutes * 60_000).toISOString();
  }
  // Built field by field (no conditional spread, which V8 makes slow), in the JSON's order.
  const connector: Connector = {
    kind: row.connector_kind, state: connectorState(row, now), lastContactAt: row.last_contact_at, lastRunAt: row.last_run_at, nextRunAt,
  } as Connector;
  if (row.interval_minutes) connector.intervalMinutes = row.interval_minutes;
  connector.message = row.connector_message;
  return connector;
}

export function toCompany(row: CompanyRow, now: Date): Company {
  return {
    id: row.id, name: row.name, system: row.system, realmId: row.realm_id, companyFile: row.company_file,
    connector: toConnector(row, now),
  };
}

export function toWizardItem(row: WizardRow): WizardItem {
  return {
    id: row.id, companyId: row.company_id, direction: row.direction, entityType: row.entity_type, localId: row.local_id,
    qbId: row.qb_id, name: row.name, docNumber: row.doc_number, change: row.change,
    changedFields: row.changed_fields ? (JSON.parse(row.changed_fields) as string[]) : null, amount: row.amount,
    detectedAt: row.detected_at,
  };
}

export function toLogEntry(row: LogRow): LogEntry {
  return {
    id: row.id, companyId: row.company_id, direction: row.direction, entityType: row.entity_type, localId: row.local_id,
    qbId: row.qb_id, name: row.name, docNumber: row.doc_number, status: row.status, at: row.at,
    errorCode: row.error_code, errorMessage: row.error_message, attempt: row.attempt,
    ...(row.error_detail ? { errorDetail: row.error_detail } : {}),
    ...(row.intuit_tid ? { intuitTid: row.intuit_tid } : {}),
  };
}

export function toUnsynced(row: UnsyncedRow): UnsyncedEntity {
  return {
    id: row.id, companyId: row.company_id, entityType: row.entity_type, localId: row.local_id, localUrl: row.local_url,
    qbId: row.qb_id, name: row.name, docNumber: row.doc_number, errorCode: row.error_code,
    errorMessage: row.error_message, errorDetail: row.error_detail, firstFailedAt: row.first_failed_at,
    lastAttemptAt: row.last_attempt_at, attempts: row.attempts, state: row.state,
  };
}

export const lower = (s: string | null | undefined): string | null => (s == null ? null : s.toLowerCase());
