/**
 * The job app's records as the ingestion API takes them (PUT /companies/{id}/records/{type}/{localId}).
 * One shape per entity type the sync service moves. References to other records (`customerId`,
 * `itemId`…) name the job app's own ids; the sync engine translates them to QuickBooks ids before a
 * record crosses the QuickBooks boundary, and back again for records coming in from QuickBooks.
 *
 * Shared by the server (validation, diffs, mapping to QuickBooks) and docs/openapi.json.
 */
import * as v from 'valibot';

const Str = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const OptStr = (max: number) => v.optional(v.nullable(v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`))));
const LocalRef = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be a record id of the job app (letters, digits, . _ : -)'));
const IsoDate = v.pipe(v.string(), v.isoDate('must be a date like 2026-01-31'));
const Money = v.pipe(v.number(), v.finite('must be a number'), v.minValue(-1e12), v.maxValue(1e12));
const Quantity = v.pipe(v.number(), v.finite('must be a number'), v.minValue(-1e9), v.maxValue(1e9));
const MAX_LINES = 250;

export const Address = v.strictObject({
  line1: OptStr(500), line2: OptStr(500), city: OptStr(255), region: OptStr(255), postalCode: OptStr(30), country: OptStr(255),
});

const Party = {
  displayName: Str(100),
  companyName: OptStr(100),
  givenName: OptStr(100),
  familyName: OptStr(100),
  email: OptStr(100),
  phone: OptStr(30),
  address: v.optional(v.nullable(Address)),
  notes: OptStr(2000),
  active: v.optional(v.boolean(), true),
};

export const CustomerRecord = v.strictObject({ ...Party });
export const VendorRecord = v.strictObject({ ...Party });

export const ITEM_KINDS = ['Service', 'NonInventory', 'Inventory'] as const;
export const ItemRecord = v.strictObject({
  name: Str(100),
  kind: v.optional(v.picklist(ITEM_KINDS), 'Service'),
  description: OptStr(4000),
  unitPrice: v.optional(v.nullable(Money)),
  active: v.optional(v.boolean(), true),
});

export const SalesLine = v.strictObject({
  itemId: LocalRef,
  description: OptStr(4000),
  quantity: v.optional(Quantity, 1),
  unitPrice: v.optional(v.nullable(Money)),
  amount: Money,
});

const SalesDoc = {
  customerId: LocalRef,
  docNumber: OptStr(21),
  txnDate: IsoDate,
  memo: OptStr(4000),
  lines: v.pipe(v.array(SalesLine), v.minLength(1, 'must have at least one line'), v.maxLength(MAX_LINES, `must have at most ${MAX_LINES} lines`)),
};

export const InvoiceRecord = v.strictObject({ ...SalesDoc, dueDate: v.optional(v.nullable(IsoDate)) });
export const EstimateRecord = v.strictObject({ ...SalesDoc, expirationDate: v.optional(v.nullable(IsoDate)) });

export const PaymentRecord = v.strictObject({
  customerId: LocalRef,
  txnDate: IsoDate,
  totalAmount: Money,
  /** Invoices this payment pays, with the amount applied to each. */
  appliedTo: v.optional(v.pipe(v.array(v.strictObject({ invoiceId: LocalRef, amount: Money })), v.maxLength(MAX_LINES)), []),
  referenceNumber: OptStr(21),
  memo: OptStr(4000),
});

export const PurchaseLine = v.strictObject({
  itemId: LocalRef,
  description: OptStr(4000),
  quantity: v.optional(Quantity, 1),
  unitCost: v.optional(v.nullable(Money)),
  amount: Money,
});

const PurchaseDoc = {
  vendorId: LocalRef,
  docNumber: OptStr(21),
  txnDate: IsoDate,
  memo: OptStr(4000),
  lines: v.pipe(v.array(PurchaseLine), v.minLength(1, 'must have at least one line'), v.maxLength(MAX_LINES, `must have at most ${MAX_LINES} lines`)),
};
export const PurchaseOrderRecord = v.strictObject({ ...PurchaseDoc });
export const BillRecord = v.strictObject({ ...PurchaseDoc, dueDate: v.optional(v.nullable(IsoDate)) });

/** Entity types the ingestion API and the QuickBooks connectors move, with their record schema. */
export const JOB_RECORD_SCHEMAS = {
  Customer: CustomerRecord,
  Vendor: VendorRecord,
  Item: ItemRecord,
  Invoice: InvoiceRecord,
  Estimate: EstimateRecord,
  Payment: PaymentRecord,
  PurchaseOrder: PurchaseOrderRecord,
  Bill: BillRecord,
} as const;
export type SyncedEntityType = keyof typeof JOB_RECORD_SCHEMAS;
export const SYNCED_ENTITY_TYPES = Object.keys(JOB_RECORD_SCHEMAS) as SyncedEntityType[];
export const isSyncedEntityType = (t: string): t is SyncedEntityType => Object.hasOwn(JOB_RECORD_SCHEMAS, t);

export type CustomerRecord = v.InferOutput<typeof CustomerRecord>;
export type VendorRecord = v.InferOutput<typeof VendorRecord>;
export type ItemRecord = v.InferOutput<typeof ItemRecord>;
export type InvoiceRecord = v.InferOutput<typeof InvoiceRecord>;
export type EstimateRecord = v.InferOutput<typeof EstimateRecord>;
export type PaymentRecord = v.InferOutput<typeof PaymentRecord>;
export type PurchaseOrderRecord = v.InferOutput<typeof PurchaseOrderRecord>;
export type BillRecord = v.InferOutput<typeof BillRecord>;
export type JobRecordOf<T extends SyncedEntityType> = v.InferOutput<(typeof JOB_RECORD_SCHEMAS)[T]>;
export type JobRecord = JobRecordOf<SyncedEntityType>;

/** List entities have a unique name and are deactivated rather than deleted; the rest are transactions. */
export const LIST_ENTITY_TYPES: ReadonlySet<SyncedEntityType> = new Set(['Customer', 'Vendor', 'Item']);

/**
 * Where a record points at other records: the path of each reference and the entity type it names.
 * `lines[].itemId` means the field itemId of every element of lines.
 */
export const REFERENCE_FIELDS: Record<SyncedEntityType, readonly { path: string; entityType: SyncedEntityType }[]> = {
  Customer: [],
  Vendor: [],
  Item: [],
  Invoice: [{ path: 'customerId', entityType: 'Customer' }, { path: 'lines[].itemId', entityType: 'Item' }],
  Estimate: [{ path: 'customerId', entityType: 'Customer' }, { path: 'lines[].itemId', entityType: 'Item' }],
  Payment: [{ path: 'customerId', entityType: 'Customer' }, { path: 'appliedTo[].invoiceId', entityType: 'Invoice' }],
  PurchaseOrder: [{ path: 'vendorId', entityType: 'Vendor' }, { path: 'lines[].itemId', entityType: 'Item' }],
  Bill: [{ path: 'vendorId', entityType: 'Vendor' }, { path: 'lines[].itemId', entityType: 'Item' }],
};

/** The name a person knows the record by (list name, or the document number / date for transactions). */
export function recordDisplayName(entityType: SyncedEntityType, record: JobRecord): string {
  const r = record as Record<string, unknown>;
  if (typeof r.displayName === 'string') return r.displayName;
  if (typeof r.name === 'string') return r.name;
  const doc = typeof r.docNumber === 'string' && r.docNumber ? ` ${r.docNumber}` : '';
  return `${entityType.replace(/([a-z])([A-Z])/g, '$1 $2')}${doc || ` of ${String(r.txnDate ?? '')}`}`.trim();
}

/** The record's total as shown in the wizard (null for list records). */
export function recordAmount(entityType: SyncedEntityType, record: JobRecord): number | null {
  const r = record as Record<string, unknown>;
  if (entityType === 'Payment') return r.totalAmount as number;
  if (Array.isArray(r.lines)) return Math.round((r.lines as { amount: number }[]).reduce((sum, l) => sum + l.amount, 0) * 100) / 100;
  return null;
}

/** Rewrites every reference in a record with `map` (local id → QuickBooks id, or back). Returns a copy. */
export function mapReferences(
  entityType: SyncedEntityType, record: JobRecord, map: (target: SyncedEntityType, id: string) => string,
): JobRecord {
  const copy = structuredClone(record) as Record<string, unknown>;
  for (const { path, entityType: target } of REFERENCE_FIELDS[entityType]) {
    const [head, field] = path.split('[].') as [string, string | undefined];
    if (field === undefined) {
      if (typeof copy[head] === 'string') copy[head] = map(target, copy[head]);
    } else if (Array.isArray(copy[head])) {
      for (const element of copy[head] as Record<string, unknown>[]) {
        if (typeof element[field] === 'string') element[field] = map(target, element[field]);
      }
    }
  }
  return copy as JobRecord;
}

/** Top-level fields whose values differ (deep compare), in the schema's order. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  if (!before) return [];
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null));
}

/**
 * JSON with sorted keys, so two equal records compare equal whatever the key order. A field that is
 * null counts as absent: QuickBooks leaves out what is empty, the job app may send it as null.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] != null)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
