/**
 * Sync API v1: the one runtime definition of every payload.
 *
 * The reference server validates its input and shapes its output with these schemas, and the
 * extension's client validates every reply with them. TypeScript types are inferred from them,
 * never written by hand. docs/openapi.json is generated from this file (`npm run openapi`).
 */
import * as v from 'valibot';

// ---------------------------------------------------------------- building blocks

/** ISO-8601 timestamp in UTC, e.g. 2026-11-26T09:02:00.000Z. */
export const Timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO-8601 timestamp'));
/** Opaque identifiers: non-empty, bounded, no control characters. */
export const Id = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(128, 'must be at most 128 characters'),
  v.regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'),
);
/** Free text from users or QuickBooks (names, messages): bounded so a reply can never balloon. */
export const Text = (max = 500) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
export const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Only http(s) URLs are ever followed or rendered as links. */
export const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.url('must be a URL'),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
);

export const SYSTEMS = ['qbo', 'qbd'] as const;
export const System = v.picklist(SYSTEMS);
export const DIRECTIONS = ['export', 'import'] as const;
export const Direction = v.picklist(DIRECTIONS);
export const CHANGES = ['create', 'update', 'delete'] as const;
export const Change = v.picklist(CHANGES);
export const LOG_STATUSES = ['pending', 'success', 'failed'] as const;
export const LogStatus = v.picklist(LOG_STATUSES);
export const UNSYNCED_STATES = ['failed', 'resync-queued'] as const;
export const UnsyncedState = v.picklist(UNSYNCED_STATES);
export const LINK_STATUSES = ['synced', 'awaiting-approval', 'pending', 'failed', 'not-linked'] as const;
export const LinkStatus = v.picklist(LINK_STATUSES);
export const CONNECTOR_KINDS = ['qbo-api', 'web-connector'] as const;
export const ConnectorKind = v.picklist(CONNECTOR_KINDS);
export const CONNECTOR_STATES = ['ok', 'stale', 'offline', 'auth-expired'] as const;
export const ConnectorState = v.picklist(CONNECTOR_STATES);
export const UNCHECKED_MODES = ['keep', 'clear'] as const;
export const UncheckedMode = v.picklist(UNCHECKED_MODES);

/**
 * QuickBooks API entity names the sync service moves. Kept open-ended (any PascalCase name) because
 * a sync service may add types; the common ones are listed for documentation and the UI.
 */
export const KNOWN_ENTITY_TYPES = [
  'Customer', 'Invoice', 'Estimate', 'Payment', 'Item', 'Vendor', 'PurchaseOrder', 'Bill',
  'BillPayment', 'CreditMemo', 'SalesReceipt', 'RefundReceipt', 'VendorCredit', 'Purchase',
  'JournalEntry', 'Deposit', 'Transfer', 'Employee', 'Account', 'TimeActivity',
] as const;
export const EntityType = v.pipe(v.string(), v.regex(/^[A-Z][A-Za-z]{1,40}$/, 'must be a QuickBooks entity name such as Invoice'));
/** QuickBooks ids: QBO uses digits, QBD uses ListID/TxnID such as 80000001-1234567890. */
export const QbId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a QuickBooks id'));
/** Error codes as QuickBooks gives them: "6240", "3100", "0x80040408", "QBWC1039". */
export const ErrorCode = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be an error code'));

// ---------------------------------------------------------------- resources

export const Connector = v.object({
  kind: ConnectorKind,
  state: ConnectorState,
  lastContactAt: v.nullable(Timestamp),
  lastRunAt: v.nullable(Timestamp),
  nextRunAt: v.optional(v.nullable(Timestamp)),
  /** How often the connector is scheduled to run; a web connector silent for longer is stale. */
  intervalMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  message: v.optional(v.nullable(Text(1000))),
});

export const Company = v.object({
  id: Id,
  name: Text(200),
  system: System,
  realmId: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^\d{1,20}$/, 'must be a QuickBooks Online realm id (digits)')))),
  companyFile: v.optional(v.nullable(Text(500))),
  connector: Connector,
});

export const WizardItem = v.object({
  id: Id,
  companyId: Id,
  direction: Direction,
  entityType: EntityType,
  localId: v.optional(v.nullable(Id)),
  qbId: v.optional(v.nullable(QbId)),
  name: Text(300),
  docNumber: v.optional(v.nullable(Text(40))),
  change: Change,
  changedFields: v.optional(v.nullable(v.pipe(v.array(Text(100)), v.maxLength(100)))),
  amount: v.optional(v.nullable(v.number())),
  detectedAt: Timestamp,
});

export const LogEntry = v.object({
  id: Id,
  companyId: Id,
  direction: Direction,
  entityType: EntityType,
  localId: Id,
  qbId: v.optional(v.nullable(QbId)),
  name: Text(300),
  docNumber: v.optional(v.nullable(Text(40))),
  status: LogStatus,
  at: Timestamp,
  errorCode: v.optional(v.nullable(ErrorCode)),
  errorMessage: v.optional(v.nullable(Text(2000))),
  /** QuickBooks' own explanation of the failure (a QuickBooks Online Fault's Detail). */
  errorDetail: v.optional(v.nullable(Text(4000))),
  /** QuickBooks Online's transaction id for the call (intuit_tid): what Intuit support asks for. */
  intuitTid: v.optional(v.nullable(Text(100))),
  attempt: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

export const UnsyncedEntity = v.object({
  id: Id,
  companyId: Id,
  entityType: EntityType,
  localId: Id,
  localUrl: v.optional(v.nullable(HttpUrl)),
  qbId: v.optional(v.nullable(QbId)),
  name: Text(300),
  docNumber: v.optional(v.nullable(Text(40))),
  errorCode: ErrorCode,
  errorMessage: Text(2000),
  errorDetail: v.optional(v.nullable(Text(4000))),
  firstFailedAt: Timestamp,
  lastAttemptAt: Timestamp,
  attempts: v.pipe(v.number(), v.integer(), v.minValue(1)),
  state: UnsyncedState,
});

export const Link = v.object({
  entityType: EntityType,
  qbId: QbId,
  localId: v.nullable(Id),
  localUrl: v.optional(v.nullable(HttpUrl)),
  name: v.nullable(Text(300)),
  status: LinkStatus,
  lastSyncedAt: v.optional(v.nullable(Timestamp)),
  unsyncedId: v.optional(v.nullable(Id)),
  errorCode: v.optional(v.nullable(ErrorCode)),
  errorMessage: v.optional(v.nullable(Text(2000))),
  /** QuickBooks' Detail for a failed record (6140 names the transaction holding the number). */
  errorDetail: v.optional(v.nullable(Text(4000))),
});

export const Counts = v.object({
  pendingApprovals: v.object({ export: Count, import: Count }),
  pendingSyncs: Count,
  failedSyncs: Count,
  unsynced: Count,
});

export const CompanySummary = v.object({
  ...Counts.entries,
  companyId: Id,
  companyName: Text(200),
  system: System,
  connector: Connector,
  generatedAt: Timestamp,
});

/** GET /summary: every company plus the totals across them. */
export const Summary = v.object({
  ...Counts.entries,
  companies: v.array(CompanySummary),
  generatedAt: Timestamp,
});

// ---------------------------------------------------------------- envelopes and requests

export const MAX_PAGE_LIMIT = 500;
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_LINK_IDS = 200;
/** A .qwc file is a few hundred characters; anything this large is not one. */
export const MAX_QWC_CHARS = 64_000;
export const MAX_BULK_IDS = 1000;
export const MAX_APPROVE_IDS = 10_000;

export const Page = <T extends v.GenericSchema>(item: T) =>
  v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });

/** 200 with database "ok"; a 503 (a problem+json answer for clients, this shape for load balancers) when it does not answer. */
export const Health = v.object({
  status: v.literal('ok'), version: v.string(), time: Timestamp,
  database: v.optional(v.picklist(['ok', 'unreachable'])),
});
export const CompanyList = v.object({ items: v.array(Company) });
export const WizardPage = Page(WizardItem);
/** Log entries per status for the page's filters, status aside (a server may omit it). */
export const LogCounts = v.object({ pending: Count, success: Count, failed: Count });
export const LogPage = v.object({ ...Page(LogEntry).entries, counts: v.optional(LogCounts) });
export const UnsyncedPage = Page(UnsyncedEntity);
export const LinkList = v.object({ items: v.array(Link) });

export const ApproveRequest = v.pipe(
  v.strictObject({
    reviewedIds: v.pipe(v.array(Id), v.maxLength(MAX_APPROVE_IDS)),
    approveIds: v.pipe(v.array(Id), v.maxLength(MAX_APPROVE_IDS)),
    unchecked: UncheckedMode,
  }),
  v.forward(
    v.check((b) => {
      const reviewed = new Set(b.reviewedIds);
      return b.approveIds.every((id) => reviewed.has(id));
    }, 'every approved id must also be in reviewedIds'),
    ['approveIds'],
  ),
);

export const ApproveResult = v.object({
  approved: Count,
  kept: Count,
  cleared: Count,
  /** Reviewed ids that were no longer waiting (approved elsewhere, or unknown): nothing done to them. */
  skipped: Count,
  /** The pending log entries created for the approved items. */
  pendingLogIds: v.array(Id),
});

export const ResyncResult = v.object({ unsynced: UnsyncedEntity, logEntry: LogEntry });

export const BulkResyncRequest = v.strictObject({
  ids: v.pipe(v.array(Id), v.minLength(1, 'must name at least one id'), v.maxLength(MAX_BULK_IDS)),
});
export const BulkResyncResult = v.object({
  queued: Count,
  failed: Count,
  results: v.array(
    v.object({
      id: Id,
      ok: v.boolean(),
      state: v.optional(UnsyncedState),
      code: v.optional(v.string()),
      message: v.optional(Text(500)),
    }),
  ),
});

export const ClearIdResult = v.object({
  unsynced: UnsyncedEntity,
  previousQbId: v.nullable(QbId),
  /** Always true: after Clear ID the next sync creates a new QuickBooks record. */
  nextSyncCreatesNewRecord: v.literal(true),
  message: Text(500),
});

export const ConnectorRunResult = v.object({
  ranAt: Timestamp,
  processed: Count,
  succeeded: Count,
  failed: Count,
  /** Items kept back ("Keep unchecked") that are offered again in the wizard. */
  returnedToWizard: Count,
  connector: Connector,
});

/** RFC 9457 problem details, with a stable machine-readable `code`. */
export const PROBLEM_CODES = [
  'unauthorized', 'not-found', 'bad-request', 'invalid-json', 'validation-failed',
  'payload-too-large', 'conflict', 'idempotency-key-reused', 'rate-limited', 'unavailable', 'internal',
  'insufficient-scope', 'unknown-entity-type',
  'qbo-not-configured', 'oauth-state-invalid', 'oauth-failed', 'webhook-signature-invalid',
] as const;
export const Problem = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer()),
  code: v.string(),
  detail: v.optional(v.string()),
  instance: v.optional(v.string()),
  errors: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
});

// ---------------------------------------------------------------- types

export type System = v.InferOutput<typeof System>;
export type Direction = v.InferOutput<typeof Direction>;
export type Change = v.InferOutput<typeof Change>;
export type LogStatus = v.InferOutput<typeof LogStatus>;
export type UnsyncedState = v.InferOutput<typeof UnsyncedState>;
export type LinkStatus = v.InferOutput<typeof LinkStatus>;
export type ConnectorKind = v.InferOutput<typeof ConnectorKind>;
export type ConnectorState = v.InferOutput<typeof ConnectorState>;
export type UncheckedMode = v.InferOutput<typeof UncheckedMode>;
export type Connector = v.InferOutput<typeof Connector>;
export type Company = v.InferOutput<typeof Company>;
export type WizardItem = v.InferOutput<typeof WizardItem>;
export type LogEntry = v.InferOutput<typeof LogEntry>;
export type UnsyncedEntity = v.InferOutput<typeof UnsyncedEntity>;
export type Link = v.InferOutput<typeof Link>;
export type Counts = v.InferOutput<typeof Counts>;
export type CompanySummary = v.InferOutput<typeof CompanySummary>;
export type Summary = v.InferOutput<typeof Summary>;
export type Health = v.InferOutput<typeof Health>;
export type CompanyList = v.InferOutput<typeof CompanyList>;
export type WizardPage = v.InferOutput<typeof WizardPage>;
export type LogCounts = v.InferOutput<typeof LogCounts>;
export type LogPage = v.InferOutput<typeof LogPage>;
export type UnsyncedPage = v.InferOutput<typeof UnsyncedPage>;
export type LinkList = v.InferOutput<typeof LinkList>;
export type ApproveRequest = v.InferOutput<typeof ApproveRequest>;
export type ApproveResult = v.InferOutput<typeof ApproveResult>;
export type ResyncResult = v.InferOutput<typeof ResyncResult>;
export type BulkResyncRequest = v.InferOutput<typeof BulkResyncRequest>;
export type BulkResyncResult = v.InferOutput<typeof BulkResyncResult>;
export type ClearIdResult = v.InferOutput<typeof ClearIdResult>;
export type ConnectorRunResult = v.InferOutput<typeof ConnectorRunResult>;
export type Problem = v.InferOutput<typeof Problem>;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Turns valibot issues into `{ path, message }` pairs that name the bad field ("items.3.name"). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '(root)',
    message: issue.message,
  }));
}
