/**
 * The demo's QuickBooks Desktop company, built on the wire like the Online one: its job-app records go
 * through the ingestion API, are approved, and reach an emulated company file (server/qbwc-sim) only
 * through Web Connector sessions against the sync service's POST /qbwc. Then a working day: people
 * change things in QuickBooks Desktop and the job app changes records, five of which Desktop refuses
 * with its own status codes; more changes wait in the Export wizard, and the changes made in
 * QuickBooks reach the Import wizard with the next Web Connector session, as they would in real life.
 * `scheduleWebConnector` keeps the simulated Web Connector running on a timer.
 */
import type { ApproveResult, UnsyncedEntity, WizardItem } from '../../lib/api/schema.ts';
import type { CustomerRecord, InvoiceRecord, SyncedEntityType } from '../../lib/api/job-records.ts';
import { createCompanyFile, runWebConnectorSession, type CompanyFile, type RecordType, type SessionResult } from '../../server/qbwc-sim/index.ts';
import { LAWN_ITEMS, LAWN_VENDORS, NEW_CUSTOMER_NAMES, demoClosedBooksDate } from '../../server/seed/demo.ts';
import { createRandom } from '../../server/seed/prng.ts';
import { allPages, syncApi, type JsonClient } from './demo-http.ts';
import {
  addDays, allEntries, buildJobAppData, customerRecord, dateOnly, entry, linesTotal, salesLines,
  type JobAppBusiness, type JobAppData, type JobAppEntry, type JobAppIds,
} from './demo-job-app.ts';
import type { DemoFailure } from './demo-online.ts';

/** A lawn service the office stops offering in QuickBooks while the job app still sells it. */
const RETIRED_LAWN_ITEM: readonly [string, number] = ['Grub control', 95];

/** Cedar Ridge Lawn Care's job app: a smaller business than Evergreen. */
export const CEDAR_RIDGE_JOB_APP: JobAppBusiness = {
  items: LAWN_ITEMS.filter(([name]) => name !== RETIRED_LAWN_ITEM[0]),
  retiredItem: RETIRED_LAWN_ITEM,
  vendors: LAWN_VENDORS,
  counts: { customers: 30, invoices: 80, estimates: 16, payments: 24, purchaseOrders: 6 },
  paidInvoicesBelow: 60,
};

export interface DesktopDemoOptions {
  /** The sync service, e.g. http://127.0.0.1:8787 */
  serverUrl: string;
  /** A token of the sync service with the ingest and approve scopes. */
  token: string;
  /** The sync service's QuickBooks Desktop company (it has the Web Connector login below). */
  companyId: string;
  /** The Web Connector login, as in the company's .qwc file and the Web Connector's password field. */
  userName: string;
  password: string;
  /** The company file QuickBooks has open (the sync service names it when the Web Connector logs in). */
  companyFilePath: string;
  companyName: string;
  /** The clock of the company file (the sync service's clock, so modified dates and its cursor agree). */
  now: () => Date;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
}

export interface DesktopDemoResult {
  /** The emulated company file: what QuickBooks Desktop holds. */
  file: CompanyFile;
  /** Web Connector sessions it took to send the first load. */
  initialSessions: number;
  /** Records of each kind QuickBooks holds after the first load. */
  synced: Record<string, number>;
  failures: DemoFailure[];
  exportWaiting: number;
  /** What was changed in QuickBooks Desktop since the last session: the next one lists these in the Import wizard. */
  changedInQuickBooks: string[];
}

const MAX_INITIAL_SESSIONS = 6;

export async function buildDesktopDemo(opts: DesktopDemoOptions): Promise<DesktopDemoResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const api = syncApi(opts.serverUrl, opts.token);
  const company = `/companies/${encodeURIComponent(opts.companyId)}`;
  const file = createCompanyFile({ companyName: opts.companyName, now: opts.now });
  const session = () => runWebConnectorSession({
    url: `${opts.serverUrl}/qbwc`, userName: opts.userName, password: opts.password, company: file,
    companyFilePath: opts.companyFilePath, noOpWaitMs: 0,
  });
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  // 1. The job app's records, approved, then sent by the Web Connector.
  const today = dateOnly(opts.now());
  const { data, ids } = buildJobAppData(opts.now(), createRandom(20261202), CEDAR_RIDGE_JOB_APP);
  const everything = allEntries(data);
  await ingest(api, company, everything);
  log(`  job app sent ${everything.length} records through the ingestion API (${data.items.length} items, ${data.vendors.length} vendors, `
    + `${data.customers.length} customers, ${data.invoices.length} invoices, ${data.estimates.length} estimates, ${data.payments.length} payments, `
    + `${data.purchaseOrders.length} purchase orders)`);
  const waiting = await allPages<WizardItem>(api, `${company}/wizard?direction=export`);
  await approve(api, company, waiting.map((w) => w.id));
  log(`  approved ${waiting.length} Export wizard items; they wait in Pending for the Web Connector`);

  let initialSessions = 0;
  for (;;) {
    const result = await session();
    if (result.outcome === 'none') break;
    initialSessions++;
    if (result.outcome !== 'done') throw new Error(`The Web Connector session ended "${result.outcome}": ${result.lastError ?? 'no reason given'}`);
    log(`  Web Connector session ${initialSessions}: ${result.closeMessage ?? 'done'}`);
    const pending = await api.get<{ items: unknown[] }>(`${company}/log?status=pending&limit=1`);
    if (!pending.items.length) break;
    if (initialSessions >= MAX_INITIAL_SESSIONS) throw new Error(`Records were still pending after ${MAX_INITIAL_SESSIONS} Web Connector sessions.`);
  }
  const stillFailing = await allPages<UnsyncedEntity>(api, `${company}/unsynced`);
  if (stillFailing.length) {
    throw new Error(`The first load left ${stillFailing.length} records unsynced, e.g. ${stillFailing[0]!.name}: ${stillFailing[0]!.errorCode} ${stillFailing[0]!.errorMessage}`);
  }
  const synced: Record<string, number> = {};
  for (const type of ['Item', 'Vendor', 'Customer', 'Invoice', 'Estimate', 'ReceivePayment', 'PurchaseOrder'] as const) synced[type] = file.list(type).length;
  log(`  QuickBooks Desktop's company file now holds ${Object.entries(synced).map(([k, n]) => `${n} ${k}`).join(', ')} (${elapsed()})`);

  // 2. A working day. First, the office changes things in QuickBooks Desktop.
  const story = new DesktopStory(data, ids, today);
  const qb = companyFileDesk(file);
  const edited = data.customers[7]!;
  qb.modify('Customer', qb.listIdOf('Customer', edited.record.displayName), { Phone: '(503) 555-0177' });
  const retired = data.items.find((i) => i.record.name === RETIRED_LAWN_ITEM[0])!;
  qb.deactivate('Item', qb.listIdOf('Item', retired.record.name));
  const deleted = story.openInvoice(4);
  qb.delete('Invoice', qb.txnIdOf(deleted.record.docNumber!));
  const closingDate = demoClosedBooksDate(opts.now());
  file.setClosingDate(closingDate);
  const changedInQuickBooks = [
    `phone number of ${edited.record.displayName} changed`,
    `service "${retired.record.name}" made inactive`,
  ];
  for (const line of [...changedInQuickBooks, `invoice ${deleted.record.docNumber} deleted`, `books closed through ${closingDate}`]) {
    log(`  in QuickBooks Desktop: ${line}`);
  }

  // Then the job app changes records Desktop will refuse; the bookkeeper approves them and the Web Connector runs.
  const failing = story.failingChanges({ edited, deleted, retiredItem: retired, closingDate });
  const failingIds = await ingest(api, company, failing.map((f) => f.change));
  await approve(api, company, failingIds);
  const run = await session();
  if (run.outcome !== 'done') throw new Error(`The Web Connector session ended "${run.outcome}": ${run.lastError ?? 'no reason given'}`);
  log(`  approved ${failingIds.length} more job-app changes; Web Connector session: ${run.closeMessage ?? 'done'}`);
  const failures = failing.map((f) => f.failure);

  // 3. More work waiting: job-app changes not reviewed yet, and QuickBooks changes the next session will list.
  await ingest(api, company, story.waitingChanges());
  const paidInvoice = story.openInvoice(12);
  const amount = linesTotal(paidInvoice.record.lines);
  const customerOfPaid = data.customers.find((c) => c.localId === paidInvoice.record.customerId)!;
  qb.add('ReceivePayment', {
    CustomerRef: { ListID: qb.listIdOf('Customer', customerOfPaid.record.displayName) }, TxnDate: today, RefNumber: 'CHK-2290', TotalAmount: amount.toFixed(2),
    AppliedToTxnAdd: { TxnID: qb.txnIdOf(paidInvoice.record.docNumber!), PaymentAmount: amount.toFixed(2) },
  });
  const moved = data.customers[18]!;
  qb.modify('Customer', qb.listIdOf('Customer', moved.record.displayName), {
    BillAddress: { Addr1: '1450 NE Halsey St', City: 'Portland', State: 'OR', PostalCode: '97232', Country: 'US' },
  });
  qb.add('Customer', { Name: 'Walnut Grove Preschool', CompanyName: 'Walnut Grove Preschool', Phone: '(503) 555-0188' });
  const later = [
    `payment of ${amount.toFixed(2)} received for invoice ${paidInvoice.record.docNumber}`,
    `billing address of ${moved.record.displayName} changed`,
    'customer "Walnut Grove Preschool" added at the front desk',
  ];
  for (const line of later) log(`  in QuickBooks Desktop: ${line}`);
  changedInQuickBooks.push(...later);

  const exportWaiting = (await allPages<WizardItem>(api, `${company}/wizard?direction=export`)).length;
  log(`  waiting for review: ${exportWaiting} in the Export wizard; ${changedInQuickBooks.length} changes made in QuickBooks Desktop `
    + `reach the Import wizard with the next Web Connector session; ${failures.length} failures in the Sync Center `
    + `(${failures.map((f) => f.code).join(', ')}) (${elapsed()})`);
  return { file, initialSessions, synced, failures, exportWaiting, changedInQuickBooks };
}

// ---------------------------------------------------------------- the story

interface IngestChange { entityType: SyncedEntityType; localId: string; record: unknown; localUrl?: string }

/** The job app's side of Cedar Ridge's day: which records change, deterministically. */
class DesktopStory {
  private readonly rnd = createRandom(20261203);
  private nextInvoiceNumber: number;

  constructor(readonly data: JobAppData, readonly ids: JobAppIds, readonly today: string) {
    this.nextInvoiceNumber = Number(data.invoices.at(-1)!.record.docNumber) + 1;
  }

  /** Invoices no payment touches (from the end of the list), for the story's changes. */
  openInvoice(offset: number): JobAppEntry<InvoiceRecord> {
    return this.data.invoices[CEDAR_RIDGE_JOB_APP.paidInvoicesBelow + offset]!;
  }

  sellable() {
    return this.data.items.filter((i) => i.record.name !== RETIRED_LAWN_ITEM[0]);
  }

  newInvoice(customerIndex: number, overrides: Partial<InvoiceRecord> = {}, items = this.sellable()): JobAppEntry<InvoiceRecord> {
    const txnDate = overrides.txnDate ?? this.today;
    return entry<InvoiceRecord>(this.ids, 'Invoice', {
      customerId: this.data.customers[customerIndex]!.localId, txnDate, dueDate: addDays(txnDate, 30), memo: null,
      lines: salesLines(this.rnd, items, 2), ...overrides, docNumber: String(this.nextInvoiceNumber++),
    });
  }

  /** The five approved changes QuickBooks Desktop refuses, each with the status code the story expects. */
  failingChanges(day: {
    edited: JobAppEntry<CustomerRecord>; deleted: JobAppEntry<InvoiceRecord>; retiredItem: JobAppEntry<unknown>; closingDate: string;
  }): { change: IngestChange; failure: DemoFailure }[] {
    const out: { change: IngestChange; failure: DemoFailure }[] = [];
    const add = (code: string, story: string, e: JobAppEntry<any>, name: string) => {
      out.push({ change: e, failure: { code, story, entityType: e.entityType, localId: e.localId, name } });
    };

    // Customers and vendors share one name list in QuickBooks Desktop.
    const supplier = LAWN_VENDORS[2]!;
    add('3100', 'a new customer has the name of a vendor already in the company file', entry(this.ids, 'Customer', customerRecord(this.rnd, supplier)), supplier);

    // Both sides edited the same customer: the EditSequence the sync service holds is out of date.
    const customer = day.edited;
    add('3200', 'a customer was edited in QuickBooks Desktop and in the job app', {
      ...customer, record: { ...customer.record, email: `office.${customer.record.email}` },
    }, customer.record.displayName);

    // The job app edits an invoice someone deleted in QuickBooks Desktop.
    const deleted = day.deleted;
    add('3120', 'the job app changed an invoice that was deleted in QuickBooks Desktop', {
      ...deleted, record: { ...deleted.record, memo: 'Gate code 4417, dog in the back yard' },
    }, `Invoice ${deleted.record.docNumber}`);

    // An invoice for a service the office made inactive in QuickBooks Desktop.
    const retired = this.newInvoice(3, {}, [day.retiredItem as JobAppEntry<any>]);
    add('3140', 'an invoice uses a service that was made inactive in QuickBooks Desktop', retired, `Invoice ${retired.record.docNumber}`);

    // Paperwork from before the closing date, entered late.
    const late = this.newInvoice(5, { txnDate: addDays(day.closingDate, -12) });
    add('3180', 'an invoice is dated on or before the company file\'s closing date', late, `Invoice ${late.record.docNumber}`);
    return out;
  }

  /** Job-app changes left for the daily review: new customers, two invoice edits and a new invoice. */
  waitingChanges(): IngestChange[] {
    const newCustomers = NEW_CUSTOMER_NAMES.slice(1, 4).map((name) => entry(this.ids, 'Customer', customerRecord(this.rnd, name)));
    const reworded = this.openInvoice(6);
    const postponed = this.openInvoice(9);
    return [
      ...newCustomers,
      { ...reworded, record: { ...reworded.record, memo: 'Second mowing pass at no charge' } },
      { ...postponed, record: { ...postponed.record, dueDate: addDays(postponed.record.txnDate, 45) } },
      this.newInvoice(11),
    ];
  }
}

// ---------------------------------------------------------------- QuickBooks Desktop, by hand

/** What someone sitting at QuickBooks Desktop does, with records found by name or number. */
function companyFileDesk(file: CompanyFile) {
  const find = (type: RecordType, match: (r: Record<string, unknown>) => boolean, what: string) => {
    const found = file.list(type).find(match);
    if (!found) throw new Error(`The company file has no ${what}: the first load should have created it.`);
    return found;
  };
  return {
    listIdOf: (type: 'Customer' | 'Item', name: string) => String(find(type, (r) => r.Name === name, `${type.toLowerCase()} "${name}"`).ListID),
    txnIdOf: (refNumber: string) => String(find('Invoice', (r) => r.RefNumber === refNumber, `invoice ${refNumber}`).TxnID),
    modify: (type: RecordType, id: string, fields: Record<string, unknown>) => file.modify(type, id, fields as never),
    deactivate: (type: RecordType, id: string) => file.deactivate(type, id),
    delete: (type: RecordType, id: string) => file.delete(type, id),
    add: (type: Parameters<CompanyFile['add']>[0], fields: Record<string, unknown>) => file.add(type, fields as never),
  };
}

// ---------------------------------------------------------------- the Web Connector's schedule

export interface WebConnectorScheduleOptions {
  url: string;
  userName: string;
  password: string;
  file: CompanyFile;
  companyFilePath: string;
  everyMs: number;
  /** One line per session; default console.log. */
  log?: (line: string) => void;
}

export interface WebConnectorSchedule {
  /** When the next automatic session starts. */
  nextRunAt(): Date;
  /** Runs a session now (or joins the one under way); the schedule restarts from its end. */
  runNow(): Promise<SessionResult>;
  stop(): void;
}

/**
 * The Web Connector's "Auto-Run every N minutes": the next session starts N minutes after the
 * previous one ended, so a sync service that reads QuickBooks' changes once per interval finds the
 * interval passed.
 */
export function scheduleWebConnector(opts: WebConnectorScheduleOptions): WebConnectorSchedule {
  const log = opts.log ?? ((line: string) => console.log(line));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<SessionResult> | null = null;
  let nextAt = new Date(Date.now() + opts.everyMs);
  let stopped = false;
  const clock = (d: Date) => d.toTimeString().slice(0, 5);

  const arm = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    nextAt = new Date(Date.now() + opts.everyMs);
    timer = setTimeout(() => void runNow().catch(() => undefined), opts.everyMs);
    timer.unref();
  };

  const runNow = (): Promise<SessionResult> => {
    running ??= runWebConnectorSession({
      url: opts.url, userName: opts.userName, password: opts.password, company: opts.file, companyFilePath: opts.companyFilePath,
    }).then((result) => {
      const what = (result.outcome === 'none' ? 'nothing to do' : result.outcome === 'done' ? result.closeMessage ?? 'done'
        : `${result.outcome}: ${result.lastError ?? ''}`).replace(/\.$/, '');
      running = null;
      arm();
      log(`Web Connector (${opts.file.companyName}) ${clock(new Date())}: ${what}. Next run at ${clock(nextAt)}.`);
      return result;
    }, (err: unknown) => {
      running = null;
      arm();
      log(`Web Connector (${opts.file.companyName}) ${clock(new Date())}: could not reach the sync service (${(err as Error).message}). Next run at ${clock(nextAt)}.`);
      throw err;
    });
    return running;
  };

  arm();
  return {
    nextRunAt: () => nextAt,
    runNow,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------- helpers

async function ingest(api: JsonClient, company: string, changes: IngestChange[]): Promise<string[]> {
  const wizardIds: string[] = [];
  for (let i = 0; i < changes.length; i += 500) {
    const reply = await api.post<{ results: { status: string; wizardItemId: string | null }[] }>(`${company}/records/batch`, {
      items: changes.slice(i, i + 500).map((c) => ({ op: 'put', entityType: c.entityType, localId: c.localId, record: c.record, ...(c.localUrl ? { localUrl: c.localUrl } : {}) })),
    });
    wizardIds.push(...reply.results.map((r) => r.wizardItemId).filter((id): id is string => id !== null));
  }
  return wizardIds;
}

async function approve(api: JsonClient, company: string, ids: string[]): Promise<ApproveResult> {
  return api.post<ApproveResult>(`${company}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
}
