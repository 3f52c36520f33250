/**
 * The field-service job app of the demo: one business's own records (Evergreen Tree & Landscape's by
 * default: items, vendors, customers, invoices, estimates, payments, purchase orders) in the shapes the ingestion API takes
 * (lib/api/job-records.ts), references as the job app's ids. Deterministic: the same `now` gives the
 * same records, so every demo run tells the same story.
 */
import type {
  CustomerRecord, EstimateRecord, InvoiceRecord, ItemRecord, PaymentRecord, PurchaseOrderRecord, SyncedEntityType, VendorRecord,
} from '../../lib/api/job-records.ts';
import { COMMERCIAL, TREE_ITEMS, TREE_VENDORS, demoCustomerNames, jobAppUrl } from '../../server/seed/demo.ts';
import { createRandom, type Random } from '../../server/seed/prng.ts';

export interface JobAppEntry<R> {
  entityType: SyncedEntityType;
  localId: string;
  localUrl: string;
  record: R;
}

export interface JobAppData {
  items: JobAppEntry<ItemRecord>[];
  vendors: JobAppEntry<VendorRecord>[];
  customers: JobAppEntry<CustomerRecord>[];
  invoices: JobAppEntry<InvoiceRecord>[];
  estimates: JobAppEntry<EstimateRecord>[];
  payments: JobAppEntry<PaymentRecord>[];
  purchaseOrders: JobAppEntry<PurchaseOrderRecord>[];
}

export const DEMO_COUNTS = { customers: 60, invoices: 200, estimates: 20, payments: 40, purchaseOrders: 10 } as const;
/** Payments only pay invoices before this index: the later ones stay open for the daily-review story. */
export const PAID_INVOICES_BELOW = 160;
/** A service the office later retires in QuickBooks (made inactive) while the job app still sells it. */
export const RETIRED_ITEM: readonly [string, number] = ['Root collar excavation', 380];
export const FIRST_INVOICE_NUMBER = 1100;

/** What sets one business's job app apart: its price list, suppliers and how many records it holds. */
export interface JobAppBusiness {
  items: readonly (readonly [string, number])[];
  /** Synced with the rest, but never on the first invoices: the office retires it in QuickBooks later. */
  retiredItem: readonly [string, number];
  vendors: readonly string[];
  counts: { customers: number; invoices: number; estimates: number; payments: number; purchaseOrders: number };
  /** Payments only pay invoices before this index. */
  paidInvoicesBelow: number;
}

/** Evergreen Tree & Landscape, the QuickBooks Online company. */
export const EVERGREEN_JOB_APP: JobAppBusiness = {
  items: TREE_ITEMS, retiredItem: RETIRED_ITEM, vendors: TREE_VENDORS, counts: DEMO_COUNTS, paidInvoicesBelow: PAID_INVOICES_BELOW,
};

const DAY = 86_400_000;
const STREETS = ['Alder St', 'Birch Ln', 'Cascade Ave', 'Fir Ridge Rd', 'Hemlock Ct', 'Madrona Way', 'Oak Grove Dr', 'Spruce Pl'];
const CITIES: [string, string][] = [['Portland', '97214'], ['Beaverton', '97005'], ['Lake Oswego', '97034'], ['Tigard', '97223'], ['Gresham', '97030']];

export const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => dateOnly(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY));
const round2 = (n: number): number => Math.round(n * 100) / 100;
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

/** Hands out the job app's record ids and links (one counter, as the job app numbers its records). */
export class JobAppIds {
  private next = 1001;
  take(entityType: SyncedEntityType): { localId: string; localUrl: string } {
    const n = this.next++;
    return { localId: `${entityType.toLowerCase()}-${n}`, localUrl: jobAppUrl(entityType, n) };
  }
}

export function entry<R>(ids: JobAppIds, entityType: SyncedEntityType, record: R): JobAppEntry<R> {
  return { entityType, ...ids.take(entityType), record };
}

/** A customer as the job app keeps it: businesses by company name, people by first and last name. */
export function customerRecord(rnd: Random, name: string): CustomerRecord {
  const business = COMMERCIAL.includes(name);
  const [givenName, ...rest] = name.split(' ');
  const [city, postalCode] = rnd.pick(CITIES);
  return {
    displayName: name,
    companyName: business ? name : null,
    givenName: business ? null : givenName!,
    familyName: business ? null : rest.join(' '),
    email: `${slug(name)}@example.com`,
    phone: `(503) 555-${String(rnd.int(100, 199)).padStart(4, '0')}`,
    // Only the parts it has: QuickBooks leaves empty address lines out, so a null would read back as a change.
    address: { line1: `${rnd.int(100, 9899)} ${rnd.pick(STREETS)}`, city, region: 'OR', postalCode, country: 'US' },
    notes: null,
    active: true,
  };
}

/** Sales lines of 1 to `max` different services, priced from the price list (amount = quantity × price). */
export function salesLines(rnd: Random, items: JobAppEntry<ItemRecord>[], max: number): InvoiceRecord['lines'] {
  const chosen = new Set<JobAppEntry<ItemRecord>>();
  const count = Math.min(rnd.int(1, max), items.length);
  while (chosen.size < count) chosen.add(rnd.pick(items));
  return [...chosen].map((item) => {
    const quantity = rnd.int(1, 4);
    const unitPrice = item.record.unitPrice ?? 0;
    return { itemId: item.localId, description: item.record.description ?? null, quantity, unitPrice, amount: round2(quantity * unitPrice) };
  });
}

export const linesTotal = (lines: { amount: number }[]): number => round2(lines.reduce((sum, l) => sum + l.amount, 0));

/** The whole job app as it stands before its first sync with QuickBooks. */
export function buildJobAppData(now: Date, rnd: Random = createRandom(20261127), business: JobAppBusiness = EVERGREEN_JOB_APP): { data: JobAppData; ids: JobAppIds } {
  const { counts } = business;
  const ids = new JobAppIds();
  const today = dateOnly(now);
  const daysAgo = (min: number, max: number) => dateOnly(new Date(now.getTime() - rnd.int(min, max) * DAY));

  const items = [...business.items, business.retiredItem].map(([name, price]) => entry<ItemRecord>(ids, 'Item', {
    name, kind: 'Service', description: name, unitPrice: price, active: true,
  }));
  const sellable = items.filter((i) => i.record.name !== business.retiredItem[0]);
  const vendors = business.vendors.map((name) => entry<VendorRecord>(ids, 'Vendor', {
    displayName: name, companyName: name, givenName: null, familyName: null, email: `orders@${slug(name).replace(/\./g, '')}.example.com`,
    phone: `(503) 555-${String(rnd.int(200, 299)).padStart(4, '0')}`, address: null, notes: null, active: true,
  }));
  const customers = demoCustomerNames(rnd, counts.customers).map((name) => entry(ids, 'Customer', customerRecord(rnd, name)));

  const invoices: JobAppEntry<InvoiceRecord>[] = [];
  for (let i = 0; i < counts.invoices; i++) {
    const txnDate = daysAgo(1, 90);
    invoices.push(entry<InvoiceRecord>(ids, 'Invoice', {
      customerId: rnd.pick(customers).localId, docNumber: String(FIRST_INVOICE_NUMBER + i), txnDate, dueDate: addDays(txnDate, 30),
      memo: rnd.chance(0.2) ? 'Crew of two, half day' : null, lines: salesLines(rnd, sellable, 3),
    }));
  }

  const estimates: JobAppEntry<EstimateRecord>[] = [];
  for (let i = 0; i < counts.estimates; i++) {
    const txnDate = daysAgo(1, 60);
    estimates.push(entry<EstimateRecord>(ids, 'Estimate', {
      customerId: rnd.pick(customers).localId, docNumber: String(2100 + i), txnDate, expirationDate: addDays(txnDate, 30),
      memo: null, lines: salesLines(rnd, sellable, 3),
    }));
  }

  const payments: JobAppEntry<PaymentRecord>[] = [];
  const paid = new Set<number>();
  while (payments.length < counts.payments) {
    const index = rnd.int(0, business.paidInvoicesBelow - 1);
    if (paid.has(index)) continue;
    paid.add(index);
    const invoice = invoices[index]!;
    const total = linesTotal(invoice.record.lines);
    const amount = rnd.chance(0.7) ? total : round2(total / 2);
    const paidOn = addDays(invoice.record.txnDate, rnd.int(0, 20));
    payments.push(entry<PaymentRecord>(ids, 'Payment', {
      customerId: invoice.record.customerId, txnDate: paidOn < today ? paidOn : today, totalAmount: amount,
      appliedTo: [{ invoiceId: invoice.localId, amount }], referenceNumber: rnd.chance(0.5) ? `CHK-${rnd.int(1000, 9999)}` : null, memo: null,
    }));
  }

  const purchaseOrders: JobAppEntry<PurchaseOrderRecord>[] = [];
  for (let i = 0; i < counts.purchaseOrders; i++) {
    const lines = [...new Set([rnd.pick(sellable), rnd.pick(sellable)])].map((item) => {
      const quantity = rnd.int(1, 5);
      const unitCost = round2((item.record.unitPrice ?? 0) * 0.35);
      return { itemId: item.localId, description: `Supplies for ${item.record.name.toLowerCase()}`, quantity, unitCost, amount: round2(quantity * unitCost) };
    });
    purchaseOrders.push(entry<PurchaseOrderRecord>(ids, 'PurchaseOrder', {
      vendorId: rnd.pick(vendors).localId, docNumber: String(500 + i), txnDate: daysAgo(1, 45), memo: null, lines,
    }));
  }

  return { data: { items, vendors, customers, invoices, estimates, payments, purchaseOrders }, ids };
}

/** Everything in the order a person would expect it listed (lists first, then documents). */
export function allEntries(data: JobAppData): JobAppEntry<unknown>[] {
  return [...data.items, ...data.vendors, ...data.customers, ...data.invoices, ...data.estimates, ...data.payments, ...data.purchaseOrders];
}
