import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { changedFields, JOB_RECORD_SCHEMAS, type JobRecord, type SyncedEntityType } from '../../lib/api/job-records.ts';
import {
  fromQbo, QBO_ENTITY_PATH, QboMappingError, qbObjectFrom, sparsePatch, toQbo, type QboDefaults, type QboJson,
} from '../../server/quickbooks/qbo/mapping.ts';

const DEFAULTS: QboDefaults = { incomeAccountId: '79', expenseAccountId: '80', assetAccountId: '81', inventoryStartDate: '2026-03-01' };

/** What QuickBooks adds to a body it stores: id, version, metadata, lines' ids, a subtotal line, totals. */
function asStored(entityType: SyncedEntityType, body: QboJson, id = '101'): QboJson {
  const stored: QboJson = {
    ...structuredClone(body), Id: id, SyncToken: '0', domain: 'QBO', sparse: false,
    MetaData: { CreateTime: '2026-03-01T04:00:00-08:00', LastUpdatedTime: '2026-03-01T04:00:00-08:00' },
  };
  if (Array.isArray(stored.Line)) {
    stored.Line = (stored.Line as QboJson[]).map((l, i) => ({ ...l, Id: String(i + 1) }));
    if (['Invoice', 'Estimate'].includes(entityType)) {
      (stored.Line as QboJson[]).push({ Amount: 999, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} });
      stored.TotalAmt = 999;
      stored.CurrencyRef = { value: 'USD', name: 'United States Dollar' };
    }
  }
  if (entityType === 'Customer' || entityType === 'Vendor') {
    stored.Balance = 0;
    if (stored.BillAddr) stored.BillAddr = { Id: '55', ...(stored.BillAddr as QboJson) };
  }
  if (entityType === 'Item') stored.FullyQualifiedName = stored.Name;
  return stored;
}

const parse = <T extends SyncedEntityType>(t: T, r: unknown) => v.parse(JOB_RECORD_SCHEMAS[t], r) as JobRecord;

const SAMPLES: Record<SyncedEntityType, JobRecord> = {
  Customer: parse('Customer', {
    displayName: "O'Brien Lawn Care", companyName: "O'Brien LLC", givenName: 'Pat', familyName: "O'Brien", email: 'pat@obrien.example',
    phone: '+1 555 0100', address: { line1: '12 Elm St', line2: 'Suite 4', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
    notes: 'Gate code 1234', active: true,
  }),
  Vendor: parse('Vendor', { displayName: 'Green Supply Co', email: 'orders@green.example', address: { line1: '1 Depot Rd', city: 'Salem' }, active: false }),
  Item: parse('Item', { name: 'Mowing (per visit)', kind: 'Service', description: 'Front and back lawn', unitPrice: 45 }),
  Invoice: parse('Invoice', {
    customerId: '58', docNumber: 'INV-1043', txnDate: '2026-02-10', dueDate: '2026-03-12', memo: 'Spring cleanup',
    lines: [
      { itemId: '7', description: 'Mowing', quantity: 2, unitPrice: 45, amount: 90 },
      { itemId: '8', amount: 30 },
    ],
  }),
  Estimate: parse('Estimate', {
    customerId: '58', docNumber: 'EST-7', txnDate: '2026-02-01', expirationDate: '2026-02-28',
    lines: [{ itemId: '7', quantity: 4, unitPrice: 45, amount: 180 }],
  }),
  Payment: parse('Payment', {
    customerId: '58', txnDate: '2026-02-20', totalAmount: 120, referenceNumber: 'CHK-2211', memo: 'Paid by check',
    appliedTo: [{ invoiceId: '130', amount: 90 }, { invoiceId: '131', amount: 30 }],
  }),
  PurchaseOrder: parse('PurchaseOrder', {
    vendorId: '41', docNumber: 'PO-12', txnDate: '2026-02-05', memo: 'Mulch order',
    lines: [{ itemId: '9', description: 'Mulch, 2 yd', quantity: 2, unitCost: 35, amount: 70 }],
  }),
  Bill: parse('Bill', {
    vendorId: '41', docNumber: 'B-77', txnDate: '2026-02-06', dueDate: '2026-03-08',
    lines: [{ itemId: '9', quantity: 2, unitCost: 35, amount: 70 }, { itemId: '10', amount: 12.5 }],
  }),
};

describe('mapping each entity type to QuickBooks Online and back', () => {
  it.each(Object.keys(SAMPLES) as SyncedEntityType[])('%s round-trips', (entityType) => {
    const record = SAMPLES[entityType];
    const body = toQbo(entityType, record, DEFAULTS);
    const back = fromQbo(entityType, asStored(entityType, body));
    expect(changedFields(record as Record<string, unknown>, back as Record<string, unknown>)).toEqual([]);
  });

  it('writes the QuickBooks field names Intuit documents', () => {
    const customer = toQbo('Customer', SAMPLES.Customer, DEFAULTS);
    expect(customer).toMatchObject({
      DisplayName: "O'Brien Lawn Care", CompanyName: "O'Brien LLC", GivenName: 'Pat', FamilyName: "O'Brien",
      PrimaryEmailAddr: { Address: 'pat@obrien.example' }, PrimaryPhone: { FreeFormNumber: '+1 555 0100' },
      BillAddr: { Line1: '12 Elm St', Line2: 'Suite 4', City: 'Springfield', CountrySubDivisionCode: 'IL', PostalCode: '62701', Country: 'US' },
      Notes: 'Gate code 1234', Active: true,
    });
    expect(toQbo('Item', SAMPLES.Item, DEFAULTS)).toEqual({
      Name: 'Mowing (per visit)', Type: 'Service', Description: 'Front and back lawn', UnitPrice: 45, Active: true,
      IncomeAccountRef: { value: '79' }, ExpenseAccountRef: { value: '80' },
    });
    const invoice = toQbo('Invoice', SAMPLES.Invoice, DEFAULTS);
    expect(invoice).toEqual({
      CustomerRef: { value: '58' }, DocNumber: 'INV-1043', TxnDate: '2026-02-10', DueDate: '2026-03-12', PrivateNote: 'Spring cleanup',
      Line: [
        { LineNum: 1, DetailType: 'SalesItemLineDetail', Amount: 90, Description: 'Mowing', SalesItemLineDetail: { ItemRef: { value: '7' }, Qty: 2, UnitPrice: 45 } },
        { LineNum: 2, DetailType: 'SalesItemLineDetail', Amount: 30, SalesItemLineDetail: { ItemRef: { value: '8' }, Qty: 1 } },
      ],
    });
    expect(toQbo('Estimate', SAMPLES.Estimate, DEFAULTS)).toHaveProperty('ExpirationDate', '2026-02-28');
    expect(toQbo('Payment', SAMPLES.Payment, DEFAULTS)).toEqual({
      CustomerRef: { value: '58' }, TxnDate: '2026-02-20', TotalAmt: 120, PaymentRefNum: 'CHK-2211', PrivateNote: 'Paid by check',
      Line: [
        { Amount: 90, LinkedTxn: [{ TxnId: '130', TxnType: 'Invoice' }] },
        { Amount: 30, LinkedTxn: [{ TxnId: '131', TxnType: 'Invoice' }] },
      ],
    });
    expect(toQbo('Bill', SAMPLES.Bill, DEFAULTS)).toMatchObject({
      VendorRef: { value: '41' }, DueDate: '2026-03-08',
      Line: [{ DetailType: 'ItemBasedExpenseLineDetail', Amount: 70, ItemBasedExpenseLineDetail: { ItemRef: { value: '9' }, Qty: 2, UnitPrice: 35 } }, {}],
    });
    expect(toQbo('PurchaseOrder', SAMPLES.PurchaseOrder, DEFAULTS)).not.toHaveProperty('DueDate');
  });

  it('leaves empty values out of a create', () => {
    const body = toQbo('Customer', parse('Customer', { displayName: 'Solo', email: null, notes: '' }), DEFAULTS);
    expect(body).toEqual({ DisplayName: 'Solo', Active: true });
  });

  it('sends Inventory items with their accounts, and says when there are none', () => {
    const inventory = parse('Item', { name: 'Mulch bag', kind: 'Inventory', unitPrice: 6 });
    expect(toQbo('Item', inventory, DEFAULTS)).toMatchObject({
      Type: 'Inventory', TrackQtyOnHand: true, QtyOnHand: 0, InvStartDate: '2026-03-01',
      IncomeAccountRef: { value: '79' }, ExpenseAccountRef: { value: '80' }, AssetAccountRef: { value: '81' },
    });
    expect(() => toQbo('Item', inventory, { incomeAccountId: '79', expenseAccountId: null })).toThrow(QboMappingError);
  });

  it('knows the API path of every entity', () => {
    expect(QBO_ENTITY_PATH).toEqual({
      Customer: 'customer', Vendor: 'vendor', Item: 'item', Invoice: 'invoice', Estimate: 'estimate', Payment: 'payment',
      PurchaseOrder: 'purchaseorder', Bill: 'bill',
    });
  });
});

describe('sparse patches', () => {
  it('carries only the QuickBooks fields of the changed job-app fields', () => {
    const after = parse('Customer', { ...SAMPLES.Customer, email: 'new@obrien.example', notes: null });
    expect(sparsePatch('Customer', after, ['email', 'notes'], DEFAULTS)).toEqual({
      PrimaryEmailAddr: { Address: 'new@obrien.example' }, Notes: '',
    });
  });

  it('clears an address by sending it empty', () => {
    const after = parse('Vendor', { ...SAMPLES.Vendor, address: null });
    expect(sparsePatch('Vendor', after, ['address'], DEFAULTS)).toEqual({
      BillAddr: { Line1: '', Line2: '', City: '', CountrySubDivisionCode: '', PostalCode: '', Country: '' },
    });
  });

  it('sends the whole Line array when lines changed, since QuickBooks replaces lines', () => {
    const patch = sparsePatch('Invoice', SAMPLES.Invoice, ['lines'], DEFAULTS);
    expect(Object.keys(patch)).toEqual(['Line']);
    expect(patch.Line).toHaveLength(2);
    expect(sparsePatch('Invoice', { ...SAMPLES.Invoice, dueDate: null } as JobRecord, ['dueDate'], DEFAULTS)).toEqual({ DueDate: null });
    expect(sparsePatch('Payment', SAMPLES.Payment, ['appliedTo', 'totalAmount'], DEFAULTS)).toEqual({
      Line: toQbo('Payment', SAMPLES.Payment, DEFAULTS).Line, TotalAmt: 120,
    });
  });

  it('with changedFields null sends every mapped field', () => {
    const patch = sparsePatch('Item', SAMPLES.Item, null, DEFAULTS);
    expect(patch).toEqual({ Name: 'Mowing (per visit)', Type: 'Service', Description: 'Front and back lawn', UnitPrice: 45, Active: true });
  });

  it('refuses a field the record does not have', () => {
    expect(() => sparsePatch('Item', SAMPLES.Item, ['colour'], DEFAULTS)).toThrow(/"colour" is not a field of a Item record/);
  });
});

describe('reading QuickBooks Online objects', () => {
  it('skips lines the job app has no shape for and tolerates extra fields', () => {
    const invoice = fromQbo('Invoice', {
      Id: '130', SyncToken: '3', CustomerRef: { value: '58', name: "O'Brien" }, TxnDate: '2026-02-10', DocNumber: '1043', EInvoiceStatus: 'Sent',
      Line: [
        { Id: '1', LineNum: 1, Amount: 90, DetailType: 'SalesItemLineDetail', SalesItemLineDetail: { ItemRef: { value: '7' }, Qty: 2, UnitPrice: 45, TaxCodeRef: { value: 'NON' } } },
        { Amount: 90, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} },
        { Amount: 5, DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: false } },
      ],
    }) as Record<string, unknown>;
    expect(invoice).toEqual({
      customerId: '58', docNumber: '1043', txnDate: '2026-02-10',
      lines: [{ itemId: '7', quantity: 2, unitPrice: 45, amount: 90 }],
    });
  });

  it('explains an object that does not fit the job app', () => {
    expect(() => fromQbo('Invoice', { Id: '5', CustomerRef: { value: '1' }, TxnDate: '2026-01-01', Line: [] })).toThrow(/Invoice 5 .* lines/);
    expect(() => fromQbo('Item', { Id: '6', Name: 'Kit', Type: 'Group' })).toThrow(/Group item/);
    expect(() => fromQbo('Customer', 'nope')).toThrow(QboMappingError);
  });

  it('gives a QbObject with version, time and active flag; deleted ones carry only the id', () => {
    const obj = qbObjectFrom('Customer', asStored('Customer', toQbo('Customer', SAMPLES.Vendor, DEFAULTS), '77'));
    expect(obj).toMatchObject({ entityType: 'Customer', qbId: '77', syncToken: '0', deleted: false, active: false, updatedAt: '2026-03-01T04:00:00-08:00' });
    expect(qbObjectFrom('Invoice', { Id: '9', status: 'Deleted', domain: 'QBO', MetaData: { LastUpdatedTime: '2026-03-02T00:00:00Z' } })).toEqual({
      entityType: 'Invoice', qbId: '9', syncToken: '', deleted: true, active: false, record: null, updatedAt: '2026-03-02T00:00:00Z',
    });
  });
});
