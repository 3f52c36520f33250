/**
 * The demo data set: a tree-care / landscaping business on QuickBooks Online and a lawn-care
 * business on QuickBooks Desktop. Deterministic (seeded PRNG) with dates relative to `now`. The
 * emulated QuickBooks side is set up so every seeded failure is reproduced by the emulator's rules
 * (e.g. the 610 invoice's QuickBooks record really is deleted, so Clear ID + Resync + run works).
 */
import * as E from '../emulator/errors.ts';
import type { FixtureInput } from './fixture.ts';
import { createRandom, type Random } from './prng.ts';

type Fx = Required<Pick<FixtureInput, 'companies' | 'qbRecords' | 'records' | 'wizard' | 'log' | 'unsynced'>>;
type Sys = 'qbo' | 'qbd';

const LOCAL_BASE = 'https://app.example-jobs.com';
const PATHS: Record<string, string> = {
  Customer: 'clients', Invoice: 'invoices', Estimate: 'estimates', Payment: 'payments', Item: 'items', Vendor: 'vendors',
  PurchaseOrder: 'purchase-orders',
};
/** The job app's page of a record (its "open in the job app" link). */
export const jobAppUrl = (entityType: string, n: number): string => `${LOCAL_BASE}/${PATHS[entityType] ?? 'records'}/${n}`;
export const FIRST = ['Hannah', 'Marcus', 'Priya', 'Dale', 'Rosa', 'Graham', 'Lena', 'Owen', 'Tess', 'Victor', 'Nadia', 'Curtis', 'Elena', 'Boyd', 'June', 'Felix'];
export const LAST = ['Whitfield', 'Okafor', 'Lindqvist', 'Barrett', 'Delgado', 'Hartman', 'Kowalski', 'Nguyen', 'Prescott', 'Ramsey', 'Sutton', 'Vance', 'Abernathy', 'Castillo', 'Fairbanks', 'Holloway'];
export const COMMERCIAL = ['Maple Street HOA', 'Riverbend Office Park', 'Pine Hollow Golf Club', 'Cedar Heights Apartments', 'Lakeview Church',
  'Northgate Elementary PTA', 'Summit Medical Plaza', 'Willow Creek Townhomes', 'Brookside Senior Living', 'Harbor Point Marina',
  'Old Mill Shopping Center', 'Fox Run Estates', 'Granite Falls Library', 'Meadowlark Business Center'];
export const TREE_ITEMS: [string, number][] = [['Crown thinning', 650], ['Crown raising', 420], ['Tree removal - large', 2400], ['Tree removal - small', 850],
  ['Stump grinding', 275], ['Cabling & bracing', 540], ['Mulch - 3 cu yd', 165], ['Hedge trimming', 190], ['Emergency storm cleanup', 1200],
  ['Plant health care visit', 145], ['Arborist consultation', 125], ['Deep root fertilization', 230], ['Brush chipping', 310]];
export const LAWN_ITEMS: [string, number][] = [['Weekly mowing', 55], ['Spring cleanup', 280], ['Fall leaf removal', 320], ['Core aeration', 160],
  ['Overseeding', 210], ['Fertilizer application - round 1', 85], ['Grub control', 95], ['Edging & trimming', 45], ['Dethatching', 175]];
/** Evergreen's suppliers; the last one shares its name with a customer in the daily-review picture. */
export const TREE_VENDORS = ['Northland Equipment Rental', 'Valley Mulch & Stone', 'Arbor Supply Co.', 'Precision Fleet Service', 'Greenway Nursery'];
/** Customers the job app adds after the last sync (waiting in the Export wizard). */
export const NEW_CUSTOMER_NAMES = ['Sycamore Ridge Dental', 'Quentin Marsh', 'Bluebird Daycare Center', 'Ingrid Solberg', 'Hawthorne Court Condos'];
/** The QuickBooks Online company of the demo (Evergreen), as the seed and the emulator know it. */
export const EVERGREEN = { id: 'evergreen', name: 'Evergreen Tree & Landscape', realmId: '9130357766542011' } as const;
/** The QuickBooks Desktop company of the demo (Cedar Ridge) and the company file the Web Connector opens for it. */
export const CEDAR_RIDGE = {
  id: 'cedar-ridge', name: 'Cedar Ridge Lawn Care',
  companyFile: 'C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\Cedar Ridge Lawn Care.qbw',
} as const;
/** Cedar Ridge's suppliers; the third one shares its name with a customer in the daily-review picture. */
export const LAWN_VENDORS = ['Turf Pro Distributors', 'Hometown Fuel', 'Greenway Supply', 'Lakeside Small Engine'];

const day = 86_400_000;
const iso = (d: Date) => d.toISOString();
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

class Builder {
  readonly fx: Fx = { companies: [], qbRecords: [], records: [], wizard: [], log: [], unsynced: [] };
  private nextLocal = 1001;
  private readonly nextQb: Record<string, number> = {};
  constructor(readonly now: Date, readonly rnd: Random) {}

  ago(ms: number): string { return iso(new Date(this.now.getTime() - ms)); }

  qbId(companyId: string, system: Sys): string {
    const n = (this.nextQb[companyId] = (this.nextQb[companyId] ?? 57) + 1);
    if (system === 'qbo') return String(n);
    return `${(0x80000000 + n).toString(16).toUpperCase()}-${Math.floor(this.now.getTime() / 1000) - 90 * 86400}`;
  }

  localId(entityType: string): { localId: string; localUrl: string } {
    const n = this.nextLocal++;
    return { localId: `${entityType.toLowerCase()}-${n}`, localUrl: jobAppUrl(entityType, n) };
  }

  /** A record that exists on both sides and is linked (synced), with a success log entry. */
  synced(companyId: string, system: Sys, entityType: string, name: string, extra: { docNumber?: string; txnDate?: string; amount?: number; refs?: { entityType: string; qbId: string }[] } = {}, log = true) {
    const qbId = this.qbId(companyId, system);
    const { localId, localUrl } = this.localId(entityType);
    const syncToken = this.rnd.int(0, 4);
    const lastSyncedAt = this.ago(this.rnd.int(2, 60 * 24 * 20) * 60_000);
    this.fx.qbRecords.push({ companyId, entityType, qbId, name, docNumber: extra.docNumber ?? null, syncToken, txnDate: extra.txnDate ?? null, amount: extra.amount ?? null });
    this.fx.records.push({ companyId, entityType, localId, localUrl, name, docNumber: extra.docNumber ?? null, txnDate: extra.txnDate ?? null,
      amount: extra.amount ?? null, refs: extra.refs ?? [], qbId, knownSyncToken: syncToken, lastSyncedAt });
    if (log) {
      this.fx.log.push({ companyId, direction: 'export', entityType, localId, qbId, name, docNumber: extra.docNumber ?? null, status: 'success', at: lastSyncedAt, attempt: 1 });
    }
    return { qbId, localId, localUrl, name, syncToken };
  }

  /** A failed record: its unsynced entity plus the failed log entry of the latest attempt. */
  failed(u: { companyId: string; entityType: string; localId: string; localUrl: string; qbId: string | null; name: string; docNumber?: string | null; error: E.QbError; attempts: number; hoursAgo: number }) {
    const last = this.ago(u.hoursAgo * 3_600_000);
    const first = this.ago((u.hoursAgo + 24 * (u.attempts - 1) + 3) * 3_600_000);
    this.fx.unsynced.push({ companyId: u.companyId, entityType: u.entityType, localId: u.localId, localUrl: u.localUrl, qbId: u.qbId, name: u.name,
      docNumber: u.docNumber ?? null, errorCode: u.error.code, errorMessage: u.error.message, errorDetail: u.error.detail,
      firstFailedAt: first, lastAttemptAt: last, attempts: u.attempts });
    this.fx.log.push({ companyId: u.companyId, direction: 'export', entityType: u.entityType, localId: u.localId, qbId: u.qbId, name: u.name,
      docNumber: u.docNumber ?? null, status: 'failed', at: last, errorCode: u.error.code, errorMessage: u.error.message, attempt: u.attempts });
  }

  customerNames(count: number): string[] {
    return demoCustomerNames(this.rnd, count);
  }
}

/** `count` distinct customer names: a quarter businesses, the rest people (first + last name). */
export function demoCustomerNames(rnd: Random, count: number): string[] {
  const names = new Set<string>(COMMERCIAL.slice(0, Math.min(COMMERCIAL.length, Math.ceil(count / 4))));
  while (names.size < count) names.add(`${rnd.pick(FIRST)} ${rnd.pick(LAST)}`);
  return [...names];
}

/** The demo's books are closed through the end of the month four months back. */
export function demoClosedBooksDate(now: Date): string {
  return dateOnly(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 0)));
}

export function buildDemoFixture(now: Date): FixtureInput {
  const b = new Builder(now, createRandom(20261126));
  const closedBooksDate = demoClosedBooksDate(now);
  const txnDate = () => dateOnly(new Date(now.getTime() - b.rnd.int(1, 90) * day));
  b.fx.companies.push(
    { id: EVERGREEN.id, name: EVERGREEN.name, system: 'qbo', realmId: EVERGREEN.realmId, closedBooksDate,
      connector: { kind: 'qbo-api', lastContactAt: b.ago(7 * 60_000), lastRunAt: b.ago(7 * 60_000) } },
    { id: CEDAR_RIDGE.id, name: CEDAR_RIDGE.name, system: 'qbd', closedBooksDate, companyFile: CEDAR_RIDGE.companyFile,
      connector: { kind: 'web-connector', intervalMinutes: 240, lastContactAt: b.ago(190 * 60_000), lastRunAt: b.ago(190 * 60_000) } },
  );

  const business = (companyId: string, system: Sys, customers: number, invoices: number, items: [string, number][], vendors: string[]) => {
    const itemRecs = items.map(([name, price]) => ({ ...b.synced(companyId, system, 'Item', name, { amount: price }, false), price }));
    const vendorRecs = vendors.map((name) => b.synced(companyId, system, 'Vendor', name, {}, false));
    const customerRecs = b.customerNames(customers).map((name) => b.synced(companyId, system, 'Customer', name, {}, b.rnd.chance(0.3)));
    const invoiceRecs = [];
    for (let i = 0; i < invoices; i++) {
      const customer = b.rnd.pick(customerRecs);
      const item = b.rnd.pick(itemRecs);
      const docNumber = String(1100 + i);
      const amount = Math.round(item.price * b.rnd.int(1, 4) * 100) / 100;
      invoiceRecs.push(b.synced(companyId, system, 'Invoice', `Invoice ${docNumber} · ${customer.name}`, {
        docNumber, txnDate: txnDate(), amount, refs: [{ entityType: 'Customer', qbId: customer.qbId }, { entityType: 'Item', qbId: item.qbId }],
      }, b.rnd.chance(0.45)));
    }
    for (let i = 0; i < Math.round(invoices / 5); i++) {
      const customer = b.rnd.pick(customerRecs);
      b.synced(companyId, system, 'Estimate', `Estimate ${2100 + i} · ${customer.name}`, { docNumber: String(2100 + i), txnDate: txnDate(),
        amount: b.rnd.int(400, 9000), refs: [{ entityType: 'Customer', qbId: customer.qbId }] }, b.rnd.chance(0.3));
    }
    for (let i = 0; i < Math.round(invoices / 2.5); i++) {
      const inv = b.rnd.pick(invoiceRecs);
      b.synced(companyId, system, 'Payment', `Payment for ${inv.name}`, { txnDate: txnDate(), amount: b.rnd.int(100, 2500) }, b.rnd.chance(0.3));
    }
    for (let i = 0; i < Math.round(invoices / 13); i++) {
      const vendor = b.rnd.pick(vendorRecs);
      b.synced(companyId, system, 'PurchaseOrder', `PO ${500 + i} · ${vendor.name}`, { docNumber: String(500 + i), txnDate: txnDate(),
        amount: b.rnd.int(150, 4000), refs: [{ entityType: 'Vendor', qbId: vendor.qbId }] }, b.rnd.chance(0.3));
    }
    return { itemRecs, vendorRecs, customerRecs, invoiceRecs };
  };

  const ev = business('evergreen', 'qbo', 60, 200, TREE_ITEMS, TREE_VENDORS);
  const cr = business('cedar-ridge', 'qbd', 30, 80, LAWN_ITEMS, LAWN_VENDORS);

  wizardItems(b, 'evergreen', 'qbo', ev, 12, 6);
  wizardItems(b, 'cedar-ridge', 'qbd', cr, 4, 3);
  failures(b, ev, cr, closedBooksDate);
  return b.fx;
}

type Synced = ReturnType<Builder['synced']>;
interface Biz { itemRecs: (Synced & { price: number })[]; vendorRecs: Synced[]; customerRecs: Synced[]; invoiceRecs: Synced[] }

function wizardItems(b: Builder, companyId: string, system: Sys, biz: Biz, exports: number, imports: number) {
  const detected = () => b.ago(b.rnd.int(5, 60 * 30) * 60_000);
  const newCustomers = NEW_CUSTOMER_NAMES;
  for (let i = 0; i < exports; i++) {
    const kind = i % 4;
    if (kind === 0) {
      const name = `${newCustomers[i / 4]!}${system === 'qbd' ? ' (Lawn)' : ''}`;
      const { localId, localUrl } = b.localId('Customer');
      b.fx.records.push({ companyId, entityType: 'Customer', localId, localUrl, name });
      b.fx.wizard.push({ companyId, direction: 'export', entityType: 'Customer', localId, name, change: 'create', detectedAt: detected() });
    } else if (kind === 3) {
      const customer = b.rnd.pick(biz.customerRecs);
      const item = b.rnd.pick(biz.itemRecs);
      const docNumber = String(1800 + i);
      const name = `Invoice ${docNumber} · ${customer.name}`;
      const { localId, localUrl } = b.localId('Invoice');
      const amount = item.price * 2;
      b.fx.records.push({ companyId, entityType: 'Invoice', localId, localUrl, name, docNumber, txnDate: dateOnly(b.now), amount,
        refs: [{ entityType: 'Customer', qbId: customer.qbId }, { entityType: 'Item', qbId: item.qbId }] });
      b.fx.wizard.push({ companyId, direction: 'export', entityType: 'Invoice', localId, name, docNumber, change: 'create', amount, detectedAt: detected() });
    } else {
      const inv = biz.invoiceRecs[20 + i]!;
      b.fx.wizard.push({ companyId, direction: 'export', entityType: 'Invoice', localId: inv.localId, qbId: inv.qbId, name: inv.name,
        docNumber: inv.name.split(' ')[1]!, change: 'update', changedFields: kind === 1 ? ['Line items', 'Amount'] : ['Due date', 'Memo'],
        amount: b.rnd.int(200, 3000), detectedAt: detected() });
    }
  }
  for (let i = 0; i < imports; i++) {
    if (i % 3 === 1) {
      const customer = biz.customerRecs[10 + i]!;
      b.fx.wizard.push({ companyId, direction: 'import', entityType: 'Customer', qbId: customer.qbId, localId: customer.localId, name: customer.name,
        change: 'update', changedFields: ['Phone', 'Billing address'], detectedAt: detected() });
    } else {
      const inv = biz.invoiceRecs[40 + i]!;
      const qbId = b.qbId(companyId, system);
      const amount = b.rnd.int(150, 1800);
      const name = `Payment for ${inv.name}`;
      b.fx.qbRecords.push({ companyId, entityType: 'Payment', qbId, name, amount, txnDate: dateOnly(b.now) });
      b.fx.wizard.push({ companyId, direction: 'import', entityType: 'Payment', qbId, name, change: 'create', amount, detectedAt: detected() });
    }
  }
}

function failures(b: Builder, ev: Biz, cr: Biz, closedBooksDate: string) {
  const record = (companyId: string, entityType: string, name: string, extra: Partial<Fx['records'][number]> = {}) => {
    const { localId, localUrl } = b.localId(entityType);
    b.fx.records.push({ ...extra, companyId, entityType, localId, localUrl, name });
    return { companyId, entityType, localId, localUrl, name, docNumber: extra.docNumber ?? null };
  };
  const qb = (r: Fx['qbRecords'][number]) => b.fx.qbRecords.push(r);

  // QBO 6240: the new customer's name is already used by a vendor in QuickBooks.
  const dupVendor = ev.vendorRecs[4]!; // Greenway Nursery
  const c6240 = record('evergreen', 'Customer', dupVendor.name);
  b.failed({ ...c6240, qbId: null, error: E.duplicateName('qbo', c6240.name, { entityType: 'Vendor', qbId: dupVendor.qbId }), attempts: 2, hoursAgo: 5 });

  // QBO 6140: invoice 1043 was already used by another invoice created directly in QuickBooks (TxnId 812).
  const cust = ev.customerRecs[3]!;
  qb({ companyId: 'evergreen', entityType: 'Invoice', qbId: '812', name: `Invoice 1043 · ${ev.customerRecs[8]!.name}`, docNumber: '1043', txnDate: dateOnly(new Date(b.now.getTime() - 20 * day)), amount: 980 });
  const i6140 = record('evergreen', 'Invoice', `Invoice 1043 · ${cust.name}`, { docNumber: '1043', txnDate: dateOnly(b.now), amount: 1240,
    refs: [{ entityType: 'Customer', qbId: cust.qbId }] });
  b.failed({ ...i6140, qbId: null, error: E.duplicateDocNumber('1043', { entityType: 'Invoice', qbId: '812' }), attempts: 1, hoursAgo: 3 });

  // QBO 610: the linked invoice was deleted in QuickBooks; Clear ID then Resync re-creates it.
  const gone = b.qbId('evergreen', 'qbo');
  qb({ companyId: 'evergreen', entityType: 'Invoice', qbId: gone, name: `Invoice 1312 · ${ev.customerRecs[5]!.name}`, docNumber: '1312', deleted: true, syncToken: 2 });
  const i610 = record('evergreen', 'Invoice', `Invoice 1312 · ${ev.customerRecs[5]!.name}`, { docNumber: '1312', txnDate: dateOnly(b.now), amount: 650,
    refs: [{ entityType: 'Customer', qbId: ev.customerRecs[5]!.qbId }], qbId: gone, knownSyncToken: 2 });
  b.failed({ ...i610, qbId: gone, error: E.objectNotFound('qbo', 'Invoice', gone, true), attempts: 3, hoursAgo: 26 });

  // QBO 2500: the invoice uses an item that was made inactive in QuickBooks.
  const retired = b.qbId('evergreen', 'qbo');
  qb({ companyId: 'evergreen', entityType: 'Item', qbId: retired, name: 'Root collar excavation', active: false, amount: 380 });
  const i2500 = record('evergreen', 'Invoice', `Invoice 1318 · ${ev.customerRecs[6]!.name}`, { docNumber: '1318', txnDate: dateOnly(b.now), amount: 760,
    refs: [{ entityType: 'Customer', qbId: ev.customerRecs[6]!.qbId }, { entityType: 'Item', qbId: retired }] });
  b.failed({ ...i2500, qbId: null, error: E.invalidReference('qbo', { entityType: 'Item', qbId: retired, name: 'Root collar excavation' }, 'Invoice'), attempts: 1, hoursAgo: 8 });

  // QBO 5010: someone edited the customer in QuickBooks after the service read it (Resync re-reads it).
  const staleQb = b.qbId('evergreen', 'qbo');
  qb({ companyId: 'evergreen', entityType: 'Customer', qbId: staleQb, name: 'Juniper Hills Vineyard', syncToken: 6 });
  const c5010 = record('evergreen', 'Customer', 'Juniper Hills Vineyard', { qbId: staleQb, knownSyncToken: 5 });
  b.failed({ ...c5010, qbId: staleQb, error: E.staleObject('qbo', 'Customer', staleQb, 5, 6), attempts: 1, hoursAgo: 2 });

  // QBO 6210: the invoice is dated inside the closed period.
  const oldDate = dateOnly(new Date(Date.parse(closedBooksDate) - 10 * day));
  const i6210 = record('evergreen', 'Invoice', `Invoice 1087 · ${ev.customerRecs[9]!.name}`, { docNumber: '1087', txnDate: oldDate, amount: 2150,
    refs: [{ entityType: 'Customer', qbId: ev.customerRecs[9]!.qbId }] });
  b.failed({ ...i6210, qbId: null, error: E.closedPeriod('qbo', 'Invoice', oldDate, closedBooksDate), attempts: 2, hoursAgo: 30 });

  // QBO 6000: a payment without an amount.
  const p6000 = record('evergreen', 'Payment', `Payment for Invoice 1122 · ${ev.customerRecs[11]!.name}`, { txnDate: dateOnly(b.now), amount: 0 });
  b.failed({ ...p6000, qbId: null, error: E.missingAmount(), attempts: 1, hoursAgo: 4 });

  // QBO 3200: the access token had expired during an earlier run; it has been renewed since, so Resync alone works.
  const i3200 = record('evergreen', 'Invoice', `Invoice 1325 · ${ev.customerRecs[12]!.name}`, { docNumber: '1325', txnDate: dateOnly(b.now), amount: 430,
    refs: [{ entityType: 'Customer', qbId: ev.customerRecs[12]!.qbId }] });
  b.failed({ ...i3200, qbId: null, error: { code: '3200', message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail: 'Token expired' }, attempts: 1, hoursAgo: 50 });

  // QBD 3100: the new customer's name is already used by a vendor in the company file.
  const crVendor = cr.vendorRecs[2]!; // Greenway Supply
  const c3100 = record('cedar-ridge', 'Customer', crVendor.name);
  b.failed({ ...c3100, qbId: null, error: E.duplicateName('qbd', c3100.name, { entityType: 'Vendor', qbId: crVendor.qbId }), attempts: 1, hoursAgo: 4 });

  // QBD 3120: the linked customer was deleted from the company file; Clear ID then Resync re-creates it.
  const goneCust = b.qbId('cedar-ridge', 'qbd');
  qb({ companyId: 'cedar-ridge', entityType: 'Customer', qbId: goneCust, name: 'Lorraine Albright', deleted: true, syncToken: 3 });
  const c3120 = record('cedar-ridge', 'Customer', 'Lorraine Albright', { qbId: goneCust, knownSyncToken: 3 });
  b.failed({ ...c3120, qbId: goneCust, error: E.objectNotFound('qbd', 'Customer', goneCust, false), attempts: 2, hoursAgo: 4 });

  // QBD 3140: the invoice points at a customer that was deleted from the company file.
  const i3140 = record('cedar-ridge', 'Invoice', 'Invoice 1412 · Lorraine Albright', { docNumber: '1412', txnDate: dateOnly(b.now), amount: 280,
    refs: [{ entityType: 'Customer', qbId: goneCust }] });
  b.failed({ ...i3140, qbId: null, error: E.invalidReference('qbd', { entityType: 'Customer', qbId: goneCust, name: 'Lorraine Albright' }, 'Invoice'), attempts: 1, hoursAgo: 4 });

  // QBD 3180: the invoice was open on another workstation; a later Resync succeeds.
  const crCust = cr.customerRecs[4]!;
  const i3180 = record('cedar-ridge', 'Invoice', `Invoice 1415 · ${crCust.name}`, { docNumber: '1415', txnDate: dateOnly(b.now), amount: 165,
    refs: [{ entityType: 'Customer', qbId: crCust.qbId }] });
  b.failed({ ...i3180, qbId: null, error: { code: '3180', message: 'There was an error when saving a Invoice. QuickBooks error message: The transaction is in use by another user and could not be locked.',
    detail: 'statusSeverity=Error; request=InvoiceAddRq' }, attempts: 1, hoursAgo: 4 });

  // QBD 3200: the customer was edited in QuickBooks after the last read (Resync re-reads it).
  const crStale = cr.customerRecs[7]!;
  b.fx.qbRecords.find((r) => r.companyId === 'cedar-ridge' && r.qbId === crStale.qbId)!.syncToken = crStale.syncToken + 1;
  const rec3200 = b.fx.records.find((r) => r.companyId === 'cedar-ridge' && r.localId === crStale.localId)!;
  b.failed({ companyId: 'cedar-ridge', entityType: 'Customer', localId: rec3200.localId, localUrl: rec3200.localUrl!, qbId: crStale.qbId, name: crStale.name,
    error: E.staleObject('qbd', 'Customer', crStale.qbId, crStale.syncToken, crStale.syncToken + 1), attempts: 1, hoursAgo: 4 });

  // QBD 0x80040408: the Web Connector could not start QuickBooks for one session.
  const p408 = record('cedar-ridge', 'Payment', `Payment for Invoice 1150 · ${crCust.name}`, { txnDate: dateOnly(b.now), amount: 220 });
  b.failed({ ...p408, qbId: null, error: { code: '0x80040408', message: 'Could not start QuickBooks.',
    detail: 'The Web Connector could not open the company file: QuickBooks was closed and unattended access is not allowed, or the file is open in another mode.' }, attempts: 1, hoursAgo: 8 });
}

/**
 * A second business for the demo of several sync services (an accountant's other client). Same
 * shape and the same company ids as the first on purpose: the extension must keep two services'
 * "evergreen" apart. Names, realm and company file differ so they are easy to tell apart on screen.
 */
export function buildSecondDemoFixture(now: Date): FixtureInput {
  const fx = buildDemoFixture(now);
  const renamed: Record<string, { name: string; realmId?: string; companyFile?: string }> = {
    evergreen: { name: 'Oak Hill Arborists', realmId: '9130357766542099' },
    'cedar-ridge': { name: 'Riverbend Lawn & Garden', companyFile: 'C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\Riverbend Lawn & Garden.qbw' },
  };
  return { ...fx, companies: (fx.companies ?? []).map((c) => ({ ...c, ...renamed[c.id] })) };
}

/**
 * `demo-desktop`: the demo with its QuickBooks Online company (Evergreen) empty and never run. The
 * Desktop company is exactly as in `demo`; Evergreen's records, wizard items, log and failures come
 * over the wire instead (scripts/lib/demo-online.ts feeds them through the ingestion API and a real
 * QuickBooks Online connection to the emulator).
 */
export function buildDesktopOnlyDemoFixture(now: Date): FixtureInput {
  const fx = buildDemoFixture(now) as Fx;
  const keep = <T extends { companyId: string }>(rows: T[]) => rows.filter((r) => r.companyId !== EVERGREEN.id);
  return {
    companies: fx.companies.map((c) => (c.id === EVERGREEN.id ? { ...c, connector: { kind: 'qbo-api', lastContactAt: null, lastRunAt: null } } : c)),
    qbRecords: keep(fx.qbRecords), records: keep(fx.records), wizard: keep(fx.wizard), log: keep(fx.log), unsynced: keep(fx.unsynced),
  };
}

/** How often the demo's Web Connector runs (npm run demo keeps the simulator on this schedule). */
export const DEMO_WEB_CONNECTOR_MINUTES = 2;

/**
 * `demo-wire`: both demo companies empty and never run, for `npm run demo`, which fills them over the
 * wire: Evergreen through a QuickBooks Online connection (scripts/lib/demo-online.ts), Cedar Ridge
 * through Web Connector sessions against POST /qbwc (scripts/lib/demo-desktop.ts).
 */
export function buildWireDemoFixture(now: Date): FixtureInput {
  return {
    companies: [
      { id: EVERGREEN.id, name: EVERGREEN.name, system: 'qbo', realmId: EVERGREEN.realmId, closedBooksDate: demoClosedBooksDate(now),
        connector: { kind: 'qbo-api', lastContactAt: null, lastRunAt: null } },
      { id: CEDAR_RIDGE.id, name: CEDAR_RIDGE.name, system: 'qbd', closedBooksDate: demoClosedBooksDate(now), companyFile: CEDAR_RIDGE.companyFile,
        connector: { kind: 'web-connector', intervalMinutes: DEMO_WEB_CONNECTOR_MINUTES, lastContactAt: null, lastRunAt: null } },
    ],
  };
}
