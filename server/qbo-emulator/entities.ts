/**
 * The QuickBooks Online entities the emulator keeps, their URL names, which fields a request may
 * write, and the JSON shape a request body must have (QuickBooks refuses unknown properties).
 */
import * as v from 'valibot';

export const ENTITY_NAMES = ['Customer', 'Vendor', 'Employee', 'Item', 'Account', 'Invoice', 'Estimate', 'Payment', 'PurchaseOrder', 'Bill'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/** Name lists: never deleted, only made inactive; queries hide inactive ones unless asked. */
export const LIST_ENTITIES: ReadonlySet<EntityName> = new Set(['Customer', 'Vendor', 'Employee', 'Item', 'Account']);
/** Customers, vendors and employees share one name space for DisplayName. */
export const PEOPLE_ENTITIES: readonly EntityName[] = ['Customer', 'Vendor', 'Employee'];
export const SALES_DOCS: ReadonlySet<EntityName> = new Set(['Invoice', 'Estimate']);
export const PURCHASE_DOCS: ReadonlySet<EntityName> = new Set(['PurchaseOrder', 'Bill']);
/** Transactions numbered with DocNumber (unique per type unless allowed otherwise). */
export const NUMBERED_DOCS: ReadonlySet<EntityName> = new Set(['Invoice', 'Estimate', 'PurchaseOrder', 'Bill']);

export const isListEntity = (entity: EntityName): boolean => LIST_ENTITIES.has(entity);

const BY_LOWER = new Map<string, EntityName>(ENTITY_NAMES.map((name) => [name.toLowerCase(), name]));

/** `customer` (URL path) or `Customer` / `CUSTOMER` (query, cdc, batch) → the entity, or null. */
export function entityNamed(name: string): EntityName | null {
  return BY_LOWER.get(name.toLowerCase()) ?? null;
}

// Field schemas. Every optional field may be null: a full update clears it, a sparse one too.
const opt = <T extends v.GenericSchema>(schema: T) => v.nullish(schema);
const Text = v.string();
const Num = v.pipe(v.number(), v.finite());
const DateText = v.pipe(v.string(), v.isoDate());
const Ref = v.strictObject({ value: v.string(), name: opt(Text), type: opt(Text) });
const EmailAddr = v.strictObject({ Address: opt(Text) });
const Phone = v.strictObject({ FreeFormNumber: opt(Text) });
const PhysicalAddress = v.strictObject({
  Id: opt(Text), Line1: opt(Text), Line2: opt(Text), Line3: opt(Text), Line4: opt(Text), Line5: opt(Text),
  City: opt(Text), Country: opt(Text), CountrySubDivisionCode: opt(Text), PostalCode: opt(Text), Lat: opt(Text), Long: opt(Text),
});
const MemoRef = v.strictObject({ value: opt(Text) });
const LinkedTxn = v.strictObject({ TxnId: v.string(), TxnType: v.string(), TxnLineId: opt(Text) });

/** Fields QuickBooks fills itself: accepted in a body (a full update often echoes them) and ignored. */
const ignored = v.optional(v.unknown());
const SYSTEM_FIELDS = {
  Id: v.optional(v.pipe(v.string(), v.regex(/^\d{1,18}$/, 'must be a numeric id'))),
  SyncToken: v.optional(v.pipe(v.string(), v.regex(/^\d{1,18}$/, 'must be a numeric SyncToken'))),
  sparse: v.optional(v.boolean()),
  domain: ignored, MetaData: ignored, status: ignored, FullyQualifiedName: ignored, CurrencyRef: ignored,
};

const SalesLine = v.strictObject({
  Id: opt(Text), LineNum: opt(Num), Description: opt(Text), Amount: opt(Num),
  DetailType: v.picklist(['SalesItemLineDetail', 'DescriptionOnly', 'SubTotalLineDetail']),
  SalesItemLineDetail: opt(v.strictObject({
    ItemRef: opt(Ref), Qty: opt(Num), UnitPrice: opt(Num), ServiceDate: opt(DateText), TaxCodeRef: opt(Ref),
  })),
  DescriptionLineDetail: opt(v.strictObject({ ServiceDate: opt(DateText) })),
  SubTotalLineDetail: opt(v.strictObject({})),
  LinkedTxn: opt(v.array(LinkedTxn)),
});

const PurchaseLine = v.strictObject({
  Id: opt(Text), LineNum: opt(Num), Description: opt(Text), Amount: opt(Num),
  DetailType: v.picklist(['ItemBasedExpenseLineDetail', 'AccountBasedExpenseLineDetail']),
  ItemBasedExpenseLineDetail: opt(v.strictObject({
    ItemRef: opt(Ref), Qty: opt(Num), UnitPrice: opt(Num), CustomerRef: opt(Ref), BillableStatus: opt(Text), TaxCodeRef: opt(Ref),
  })),
  AccountBasedExpenseLineDetail: opt(v.strictObject({
    AccountRef: opt(Ref), CustomerRef: opt(Ref), BillableStatus: opt(Text), TaxCodeRef: opt(Ref),
  })),
  LinkedTxn: opt(v.array(LinkedTxn)),
});

const PaymentLine = v.strictObject({
  Id: opt(Text), LineNum: opt(Num), Amount: opt(Num), LinkedTxn: opt(v.array(LinkedTxn)), LineEx: ignored,
});

const PARTY = {
  DisplayName: opt(Text), CompanyName: opt(Text), GivenName: opt(Text), MiddleName: opt(Text), FamilyName: opt(Text),
  Title: opt(Text), Suffix: opt(Text), PrintOnCheckName: opt(Text),
  PrimaryEmailAddr: opt(EmailAddr), PrimaryPhone: opt(Phone), Mobile: opt(Phone), BillAddr: opt(PhysicalAddress),
  Notes: opt(Text), Active: opt(v.boolean()),
};

const WRITABLE = {
  Customer: { ...PARTY, ShipAddr: opt(PhysicalAddress), Taxable: opt(v.boolean()) },
  Vendor: { ...PARTY, AcctNum: opt(Text) },
  Employee: {
    DisplayName: opt(Text), GivenName: opt(Text), FamilyName: opt(Text), PrimaryEmailAddr: opt(EmailAddr), PrimaryPhone: opt(Phone),
    Active: opt(v.boolean()),
  },
  Item: {
    Name: opt(Text), Type: opt(v.picklist(['Service', 'NonInventory', 'Inventory'])), Description: opt(Text), UnitPrice: opt(Num),
    IncomeAccountRef: opt(Ref), ExpenseAccountRef: opt(Ref), AssetAccountRef: opt(Ref), PurchaseDesc: opt(Text), PurchaseCost: opt(Num),
    Sku: opt(Text), Taxable: opt(v.boolean()), Active: opt(v.boolean()), TrackQtyOnHand: opt(v.boolean()), QtyOnHand: opt(Num),
    InvStartDate: opt(DateText),
  },
  Account: {
    Name: opt(Text), AccountType: opt(Text), AccountSubType: opt(Text), Classification: opt(Text), Description: opt(Text),
    AcctNum: opt(Text), Active: opt(v.boolean()),
  },
  Invoice: {
    CustomerRef: opt(Ref), DocNumber: opt(Text), TxnDate: opt(DateText), DueDate: opt(DateText), PrivateNote: opt(Text),
    CustomerMemo: opt(MemoRef), Line: opt(v.array(SalesLine)), BillEmail: opt(EmailAddr), BillAddr: opt(PhysicalAddress),
    ShipAddr: opt(PhysicalAddress),
  },
  Estimate: {
    CustomerRef: opt(Ref), DocNumber: opt(Text), TxnDate: opt(DateText), ExpirationDate: opt(DateText), PrivateNote: opt(Text),
    CustomerMemo: opt(MemoRef), Line: opt(v.array(SalesLine)), BillEmail: opt(EmailAddr), BillAddr: opt(PhysicalAddress),
    ShipAddr: opt(PhysicalAddress), TxnStatus: opt(v.picklist(['Pending', 'Accepted', 'Closed', 'Rejected'])),
  },
  Payment: {
    CustomerRef: opt(Ref), TxnDate: opt(DateText), TotalAmt: opt(Num), PaymentRefNum: opt(Text), PrivateNote: opt(Text),
    Line: opt(v.array(PaymentLine)), DepositToAccountRef: opt(Ref),
  },
  PurchaseOrder: {
    VendorRef: opt(Ref), DocNumber: opt(Text), TxnDate: opt(DateText), PrivateNote: opt(Text), Memo: opt(Text),
    Line: opt(v.array(PurchaseLine)), APAccountRef: opt(Ref), POStatus: opt(v.picklist(['Open', 'Closed'])), ShipAddr: opt(PhysicalAddress),
  },
  Bill: {
    VendorRef: opt(Ref), DocNumber: opt(Text), TxnDate: opt(DateText), DueDate: opt(DateText), PrivateNote: opt(Text),
    Line: opt(v.array(PurchaseLine)), APAccountRef: opt(Ref),
  },
} satisfies Record<EntityName, Record<string, v.GenericSchema>>;

/** Fields QuickBooks computes for each entity (accepted in bodies, never taken from them). */
const COMPUTED: Record<EntityName, readonly string[]> = {
  Customer: ['Balance'], Vendor: ['Balance'], Employee: [], Item: [], Account: ['CurrentBalance', 'SubAccount'],
  Invoice: ['TotalAmt', 'Balance', 'LinkedTxn'], Estimate: ['TotalAmt', 'LinkedTxn'], Payment: ['UnappliedAmt'],
  PurchaseOrder: ['TotalAmt', 'LinkedTxn'], Bill: ['TotalAmt', 'Balance', 'LinkedTxn'],
};

export const WRITABLE_FIELDS = Object.fromEntries(
  ENTITY_NAMES.map((name) => [name, Object.keys(WRITABLE[name])]),
) as unknown as Record<EntityName, readonly string[]>;

const BODY_SCHEMAS = Object.fromEntries(ENTITY_NAMES.map((name) => [name, v.strictObject({
  ...SYSTEM_FIELDS,
  ...Object.fromEntries(COMPUTED[name].map((field) => [field, ignored])),
  ...WRITABLE[name],
})])) as unknown as Record<EntityName, v.GenericSchema<unknown, EntityBody>>;

/** A request body after shape validation: the writable fields plus Id / SyncToken / sparse. */
export type EntityBody = Record<string, unknown> & { Id?: string; SyncToken?: string; sparse?: boolean };

/** Every field name an object of this entity can carry (for query validation). */
export function knownFields(entity: EntityName): ReadonlySet<string> {
  return new Set(['Id', 'SyncToken', 'MetaData.CreateTime', 'MetaData.LastUpdatedTime', 'FullyQualifiedName', ...COMPUTED[entity], ...WRITABLE_FIELDS[entity]]);
}

export type ShapeResult = { ok: true; body: EntityBody } | { ok: false; path: string; message: string };

/** Checks a body's JSON shape: unknown properties and wrong types are refused like QuickBooks does. */
export function checkShape(entity: EntityName, raw: unknown): ShapeResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, path: entity, message: 'the body must be a JSON object' };
  const result = v.safeParse(BODY_SCHEMAS[entity], raw);
  if (result.success) return { ok: true, body: result.output };
  const issue = result.issues[0];
  const path = (issue.path ?? []).map((step) => (typeof step.key === 'number' ? `[${step.key}]` : `.${String(step.key)}`)).join('').replace(/^\./, '');
  if (issue.type === 'strict_object') {
    return { ok: false, path, message: `is not a property of ${entity} that the API accepts` };
  }
  return { ok: false, path, message: `has an invalid value (${issue.expected ? `expected ${issue.expected}` : issue.message})` };
}
