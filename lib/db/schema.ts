/**
 * The extension's IndexedDB (Dexie). Every schema version ever shipped stays listed here, in
 * order, so a browser holding any earlier version upgrades step by step without losing data.
 */
import { Dexie, type EntityTable } from 'dexie';
import { PRIMARY_CONNECTION_ID } from '../connections/company-key';
import type { ApproveRequest, Company, Link, Summary, UnsyncedEntity, WizardItem } from '../api/schema';

export const DB_NAME = 'synclens';

/** v1: caches and the outbox. */
export const STORES_V1 = {
  summary: 'id',
  companies: 'id',
  wizard: 'companyId',
  unsynced: 'id, companyId',
  outbox: 'key, createdAt',
} as const;

/** v2: the local activity log, and outbox rows indexed by company (filled in by the upgrade). */
export const STORES_V2 = {
  ...STORES_V1,
  outbox: 'key, createdAt, companyId',
  activity: '++id, at, companyId',
} as const;

/** v3: the overlay's short-lived cache of QuickBooks record links, keyed `${companyId}|${type}|${qbId}`. */
export const STORES_V3 = {
  ...STORES_V2,
  links: 'key, fetchedAt',
} as const;

/**
 * v4: daily counts per company (history), what was already notified (so nothing is shown twice
 * across worker and browser restarts), where each notification's click leads, and when each
 * company's unsynced list was fetched (an empty list fetched is not "nothing cached").
 */
export const STORES_V4 = {
  ...STORES_V3,
  unsyncedFetches: 'companyId',
  history: '[companyId+day], day',
  notified: 'key, at',
  noticeTargets: 'id, at',
} as const;

/**
 * v5: one cached summary per sync service (`id` is the connection id). Same stores; the upgrade
 * renames the single summary row `current` to `primary`, the id of the service it came from.
 */
export const STORES_V5 = STORES_V4;

/**
 * v6: the activity log indexed by Idempotency-Key, so a page that lost the reply to an action it
 * started can learn its outcome by the key it chose (see lib/outbox/action-status.ts).
 */
export const STORES_V6 = {
  ...STORES_V5,
  activity: '++id, at, companyId, idempotencyKey',
} as const;

export const CURRENT_VERSION = 6;

export interface SummaryRow {
  /** The connection id (lib/connections/company-key): one row per sync service. */
  id: string;
  summary: Summary;
  etag: string | null;
  storedAt: string;
}

export interface WizardRow {
  companyId: string;
  items: WizardItem[];
  fetchedAt: string;
}

export type UnsyncedRow = UnsyncedEntity & { fetchedAt: string };

/** A user action waiting to reach the service; `key` is its Idempotency-Key. */
export type OutboxAction =
  | { kind: 'approve'; companyId: string; request: ApproveRequest }
  | { kind: 'resync'; companyId: string; unsyncedId: string }
  | { kind: 'clear-id'; companyId: string; unsyncedId: string }
  | { kind: 'bulk-resync'; companyId: string; ids: string[] };

export interface OutboxRow {
  key: string;
  companyId: string;
  action: OutboxAction;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  lastError: string | null;
  /**
   * Set once SyncLens stopped retrying on its own (too many attempts, or too old): the action is
   * shown as not done, with the reason, until the user retries or discards it. Absent before v6.
   */
  gaveUpAt?: string | null;
  /** When the next automatic attempt is due (ISO); absent: at the next poll. */
  nextAttemptAt?: string | null;
  /** What kind of failure the last attempt met (an ApiError code), so pages can say it plainly. */
  lastErrorCode?: string | null;
}

export interface ActivityRow {
  id?: number;
  at: string;
  companyId: string;
  kind: OutboxAction['kind'];
  ok: boolean;
  /** What happened, in words, e.g. "Approved 12 (3 kept for later)". */
  text: string;
  idempotencyKey: string;
  /** The service's answer to a delivered action (absent for refusals and rows before v6). */
  result?: unknown;
  /** How it ended: delivered, refused by the service, or discarded by the user (absent before v6: delivered or refused by `ok`). */
  outcome?: 'sent' | 'refused' | 'discarded';
}

export interface LinkRow {
  key: string;
  link: Link;
  /** Epoch ms, compared with the cache's time-to-live. */
  fetchedAt: number;
}

export interface UnsyncedFetchRow {
  companyId: string;
  fetchedAt: string;
  /** The ids in the service's order (newest first), which the id-keyed table does not keep. */
  ids: string[];
}

/** The latest counts of one company on one local day (YYYY-MM-DD). */
export interface HistoryRow {
  companyId: string;
  day: string;
  waiting: number;
  failed: number;
  unsynced: number;
  /** When these counts were recorded (ISO). */
  at: string;
}

/** Something already notified, e.g. `failures:evergreen:5@2026-11-26`; `at` (ISO) for pruning. */
export interface NotifiedRow {
  key: string;
  at: string;
}

/** Where a click on notification `id` leads (an extension path such as the Sync Center's). */
export interface NoticeTargetRow {
  id: string;
  path: string;
  at: string;
}

export type SyncLensDb = Dexie & {
  summary: EntityTable<SummaryRow, 'id'>;
  companies: EntityTable<Company, 'id'>;
  wizard: EntityTable<WizardRow, 'companyId'>;
  unsynced: EntityTable<UnsyncedRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'key'>;
  activity: EntityTable<ActivityRow, 'id'>;
  links: EntityTable<LinkRow, 'key'>;
  unsyncedFetches: EntityTable<UnsyncedFetchRow, 'companyId'>;
  history: Dexie.Table<HistoryRow, [string, string]>;
  notified: EntityTable<NotifiedRow, 'key'>;
  noticeTargets: EntityTable<NoticeTargetRow, 'id'>;
};

export function createDb(name: string = DB_NAME): SyncLensDb {
  const db = new Dexie(name) as SyncLensDb;
  db.version(1).stores(STORES_V1);
  db.version(2)
    .stores(STORES_V2)
    .upgrade(async (tx) => {
      // v1 rows kept the company only inside the action; copy it up so it can be indexed.
      await tx
        .table('outbox')
        .toCollection()
        .modify((row: { companyId?: string; action?: { companyId?: string } }) => {
          row.companyId = row.action?.companyId ?? '';
        });
    });
  db.version(3).stores(STORES_V3);
  db.version(4).stores(STORES_V4);
  db.version(5)
    .stores(STORES_V5)
    .upgrade(async (tx) => {
      const summary = tx.table('summary');
      const current = await summary.get('current');
      if (current) {
        await summary.put({ ...current, id: PRIMARY_CONNECTION_ID });
        await summary.delete('current');
      }
    });
  db.version(6).stores(STORES_V6);
  return db;
}

let shared: SyncLensDb | null = null;

/** The background's database, opened lazily on first use. */
export function getDb(): SyncLensDb {
  shared ??= createDb();
  return shared;
}
