/**
 * The QuickBooks boundary: everything the sync engine asks of one company's QuickBooks. The engine
 * speaks in the job app's record shapes (lib/api/job-records.ts) with references already translated
 * to QuickBooks ids; each implementation (QuickBooks Online over HTTP, QuickBooks Desktop through the
 * Web Connector) maps them to its own wire format and back.
 *
 * Every call answers with an outcome, never a throw for QuickBooks' own refusals: the engine decides
 * from the failure's kind whether an entry fails (QuickBooks said no), stays pending (throttled,
 * unavailable) or stops the run (the connection needs the user).
 */
import type { JobRecord, SyncedEntityType } from '../../lib/api/job-records.ts';

/** A record as QuickBooks holds it, mapped back to the job app's shape (references are QuickBooks ids). */
export interface QbObject {
  entityType: SyncedEntityType;
  qbId: string;
  /** QBO SyncToken / QBD EditSequence: the version a change must name. */
  syncToken: string;
  /** Deleted (or voided, for transactions) in QuickBooks. */
  deleted: boolean;
  active: boolean;
  /** Absent for a deleted object (QuickBooks gives only its id). */
  record: JobRecord | null;
  /** QuickBooks' last-updated time, ISO-8601, when known. */
  updatedAt: string | null;
}

export type QbFailure =
  /** QuickBooks refused the request: final for this attempt (a Resync may try again). */
  | { kind: 'fault'; code: string; message: string; detail: string | null; element: string | null; tid: string | null }
  /** Past QuickBooks' limits: try again after the wait; the entry stays pending. */
  | { kind: 'throttled'; retryAfterMs: number; code: string; message: string; tid: string | null }
  /** QuickBooks could not answer (5xx after retries, network): the entry fails with this code, or stays pending when `transient`. */
  | { kind: 'unavailable'; code: string; message: string; transient: boolean; retryAfterMs: number | null; tid: string | null }
  /** The connection needs the user (refresh token rejected, not connected): the run stops, the connector shows the message. */
  | { kind: 'auth'; message: string };

export type QbOutcome<T> = { ok: true; value: T; tid: string | null } | { ok: false; failure: QbFailure };

export interface WriteRequest {
  entityType: SyncedEntityType;
  record: JobRecord;
  /** Makes a retried write idempotent: the same id after a lost reply never creates a second record. */
  requestId: string;
}

export interface UpdateRequest extends WriteRequest {
  qbId: string;
  syncToken: string;
  /** Top-level fields that changed; null = send the whole record. Only these are sent in a sparse update. */
  changedFields: string[] | null;
}

export interface RemoveRequest {
  entityType: SyncedEntityType;
  qbId: string;
  syncToken: string;
  requestId: string;
}

export interface QuickBooksCompany {
  readonly system: 'qbo' | 'qbd';
  create(req: WriteRequest): Promise<QbOutcome<QbObject>>;
  /** Sparse update: only `changedFields` change in QuickBooks. */
  update(req: UpdateRequest): Promise<QbOutcome<QbObject>>;
  /** Transactions are deleted; list records (customers, vendors, items) are made inactive, as QuickBooks allows. */
  remove(req: RemoveRequest): Promise<QbOutcome<QbObject>>;
  /** null when QuickBooks has no such object. */
  read(entityType: SyncedEntityType, qbId: string): Promise<QbOutcome<QbObject | null>>;
  findByName(entityType: SyncedEntityType, name: string): Promise<QbOutcome<QbObject | null>>;
  findByDocNumber(entityType: SyncedEntityType, docNumber: string): Promise<QbOutcome<QbObject | null>>;
  /** Objects of these types changed since `since` (deleted ones included), oldest first. */
  changesSince(entityTypes: readonly SyncedEntityType[], since: string): Promise<QbOutcome<QbObject[]>>;
  /** Many creates at once where the system allows it (QBO batch); answers in the order given. */
  createMany(reqs: readonly WriteRequest[]): Promise<QbOutcome<QbObject>[]>;
}
