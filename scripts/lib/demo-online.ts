/**
 * The demo's QuickBooks Online company, built on the wire: nothing is written to a database behind
 * anyone's back. Using only HTTP, `buildOnlineDemo`
 *   1. connects the company through the real OAuth 2.0 flow (the sync service's /connect/qbo/start,
 *      the emulator's consent, the sync service's callback);
 *   2. sends the job app's records through the ingestion API, approves them all and runs the sync
 *      until QuickBooks holds every one;
 *   3. plays a working day: people change things in QuickBooks (through the emulator's admin API,
 *      whose webhooks reach the sync service signed) and the job app changes its records; six of
 *      those changes are approved and fail with QuickBooks' own Fault;
 *   4. leaves more changes waiting in the Export and Import wizards for the daily review.
 */
import type { ApproveResult, ConnectorRunResult, UnsyncedEntity, WizardItem } from '../../lib/api/schema.ts';
import type { CustomerRecord, InvoiceRecord, SyncedEntityType } from '../../lib/api/job-records.ts';
import { NEW_CUSTOMER_NAMES, TREE_VENDORS, demoClosedBooksDate } from '../../server/seed/demo.ts';
import { createRandom } from '../../server/seed/prng.ts';
import { allPages, DemoHttpError, jsonClient, syncApi, type JsonClient } from './demo-http.ts';
import {
  PAID_INVOICES_BELOW, RETIRED_ITEM, addDays, allEntries, buildJobAppData, customerRecord, dateOnly, entry, linesTotal,
  salesLines, type JobAppData, type JobAppEntry, type JobAppIds,
} from './demo-job-app.ts';

export interface OnlineDemoOptions {
  /** The sync service, e.g. http://127.0.0.1:8787 */
  serverUrl: string;
  /** A token of the sync service with the ingest, approve and admin scopes. */
  token: string;
  /** The QuickBooks Online emulator (its admin API lives under /admin). */
  emulatorUrl: string;
  /** The emulator company the sync service's company connects to. */
  realmId: string;
  /** The sync service's QuickBooks Online company. */
  companyId: string;
  now: Date;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
  /** How long to wait for the emulator's webhooks to reach the sync service (default 10 s). */
  webhookWaitMs?: number;
  /**
   * The sync service's app at the emulator. When given, it is registered here: first without its
   * webhook address, which is added after the initial load (see buildOnlineDemo). When absent, the
   * caller has registered it already.
   */
  app?: DemoAppRegistration;
}

/** A change approved on purpose so QuickBooks refuses it. */
export interface DemoFailure {
  /** The QuickBooks code the story expects. */
  code: string;
  story: string;
  entityType: SyncedEntityType;
  localId: string;
  name: string;
}

export interface OnlineDemoResult {
  /** Records of each type QuickBooks holds after the first sync. */
  synced: Record<string, number>;
  /** Connector runs it took to send them all. */
  initialRuns: number;
  failures: DemoFailure[];
  exportWaiting: number;
  importWaiting: number;
  /** A synced customer to edit "in QuickBooks" when trying the Import wizard. */
  sampleCustomer: { qbId: string; name: string };
}

/** The app the emulator knows the sync service as (upserted through POST /admin/apps). */
export interface DemoAppRegistration {
  clientId: string;
  clientSecret: string;
  webhookVerifier: string;
}

/**
 * Registers (or updates) the sync service as an app of the emulator: its callback address and,
 * unless `webhooks` is false, its webhook address and verifier.
 */
export async function registerDemoApp(emulatorUrl: string, serverUrl: string, app: DemoAppRegistration, webhooks = true): Promise<void> {
  await jsonClient(emulatorUrl).post('/admin/apps', {
    clientId: app.clientId, clientSecret: app.clientSecret, redirectUris: [`${serverUrl}/connect/qbo/callback`],
    ...(webhooks ? { webhookUrl: `${serverUrl}/webhooks/qbo`, webhookVerifier: app.webhookVerifier } : {}),
  });
}

/**
 * The OAuth 2.0 connection as a browser would walk it: the sync service's start address gives the
 * consent URL; the emulator's consent redirects to the sync service's callback, which exchanges the code.
 */
export async function connectOnlineCompany(opts: { serverUrl: string; token: string; companyId: string; realmId: string }): Promise<void> {
  const start = await fetch(`${opts.serverUrl}/connect/qbo/start?companyId=${encodeURIComponent(opts.companyId)}`, {
    headers: { authorization: `Bearer ${opts.token}`, accept: 'application/json' },
  });
  if (!start.ok) throw new DemoHttpError(start.status, `Starting the QuickBooks Online connection answered ${start.status}: ${(await start.text()).slice(0, 300)}`);
  const { authorizeUrl } = (await start.json()) as { authorizeUrl: string };
  let consent = await fetch(authorizeUrl, { redirect: 'manual' });
  if (consent.status === 200) {
    // Several companies in the emulator: it shows a chooser; pick ours as a person would.
    const html = await consent.text();
    const link = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeEntities(m[1]!)).find((href) => href.includes(`realmId=${opts.realmId}`));
    if (!link) throw new Error(`The emulator's consent page does not offer company ${opts.realmId}.`);
    consent = await fetch(new URL(link, authorizeUrl), { redirect: 'manual' });
  }
  const callback = consent.headers.get('location');
  if (consent.status !== 302 || !callback) {
    throw new DemoHttpError(consent.status, `The emulator's consent answered ${consent.status} instead of redirecting: ${(await consent.text()).slice(0, 300)}`);
  }
  const callbackUrl = new URL(callback, authorizeUrl);
  if (callbackUrl.searchParams.get('realmId') !== opts.realmId) throw new Error(`The consent connected company ${callbackUrl.searchParams.get('realmId')}, not ${opts.realmId}.`);
  const done = await fetch(callbackUrl, { redirect: 'manual' });
  // The callback's problem details never carry the code or tokens, so they can be shown.
  if (done.status !== 200) throw new DemoHttpError(done.status, `The sync service's OAuth callback answered ${done.status}: ${(await done.text()).slice(0, 300)}`);
  await done.body?.cancel();
}

const decodeEntities = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

const INGEST_BATCH = 500;
const MAX_INITIAL_RUNS = 12;

type QboObject = Record<string, any> & { Id: string; SyncToken: string };

export async function buildOnlineDemo(opts: OnlineDemoOptions): Promise<OnlineDemoResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const api = syncApi(opts.serverUrl, opts.token);
  const company = `/companies/${encodeURIComponent(opts.companyId)}`;
  const qb = quickBooksAdmin(opts.emulatorUrl, opts.realmId);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  // 1. The connection.
  if (opts.app) await registerDemoApp(opts.emulatorUrl, opts.serverUrl, opts.app, false);
  await connectOnlineCompany(opts);
  log(`  connected ${opts.companyId} to QuickBooks Online company ${opts.realmId} (OAuth 2.0 consent, code exchanged, tokens stored encrypted)`);

  // 2. The job app's records, approved and synced.
  const { data, ids } = buildJobAppData(opts.now);
  const everything = allEntries(data);
  for (let i = 0; i < everything.length; i += INGEST_BATCH) {
    await api.post(`${company}/records/batch`, {
      items: everything.slice(i, i + INGEST_BATCH).map((e) => ({ op: 'put', entityType: e.entityType, localId: e.localId, record: e.record, localUrl: e.localUrl })),
    });
  }
  log(`  job app sent ${everything.length} records through the ingestion API (${data.items.length} items, ${data.vendors.length} vendors, `
    + `${data.customers.length} customers, ${data.invoices.length} invoices, ${data.estimates.length} estimates, ${data.payments.length} payments, `
    + `${data.purchaseOrders.length} purchase orders)`);
  const waiting = await allPages<WizardItem>(api, `${company}/wizard?direction=export`);
  await approve(api, company, waiting.map((w) => w.id));
  log(`  approved ${waiting.length} Export wizard items`);
  const initialRuns = await runUntilSent(api, company, (line) => log(`  ${line}`));
  const stillFailing = await allPages<UnsyncedEntity>(api, `${company}/unsynced`);
  if (stillFailing.length) {
    throw new Error(`The first sync left ${stillFailing.length} records unsynced, e.g. ${stillFailing[0]!.name}: ${stillFailing[0]!.errorCode} ${stillFailing[0]!.errorMessage}`);
  }
  const synced: Record<string, number> = {};
  for (const entity of ['Item', 'Vendor', 'Customer', 'Invoice', 'Estimate', 'Payment', 'PurchaseOrder']) {
    synced[entity] = (await qb.list(entity)).length;
  }
  log(`  QuickBooks Online now holds ${Object.entries(synced).map(([k, n]) => `${n} ${k}`).join(', ')} (${elapsed()})`);
  if (opts.app) {
    // Webhooks are switched on only now: the initial load's ~350 creates would each come back as a
    // webhook the sync service reads back one by one, costing most of a minute's request allowance.
    await registerDemoApp(opts.emulatorUrl, opts.serverUrl, opts.app, true);
    log('  webhooks switched on (the sync service hears about changes made in QuickBooks from now on)');
  }

  // 3. A working day. First, people in the office change things in QuickBooks.
  const story = new Story(data, ids, opts.now);
  const inQuickBooks = await quickBooksChanges(qb, story, opts.now);
  for (const line of inQuickBooks.lines) log(`  in QuickBooks: ${line}`);
  await waitForImports(api, company, inQuickBooks.expectedImports, opts.webhookWaitMs ?? 10_000);
  log(`  webhooks delivered: ${inQuickBooks.expectedImports} changes listed in the Import wizard`);

  // Then the job app changes records that QuickBooks will refuse; the bookkeeper approves them.
  const failing = story.failingChanges(inQuickBooks);
  const failingItems = await ingest(api, company, failing.map((f) => f.change));
  await approve(api, company, failingItems);
  const run = await api.post<ConnectorRunResult>(`${company}/connector/run`);
  log(`  approved ${failingItems.length} more job-app changes and ran the sync: ${run.succeeded} synced, ${run.failed} refused by QuickBooks`);
  const failures = failing.map((f) => f.failure);

  // 4. More work waiting for the daily review.
  const exportWaiting = story.waitingChanges();
  await ingest(api, company, exportWaiting);
  const moreInQuickBooks = await moreQuickBooksChanges(qb, story, opts.now);
  for (const line of moreInQuickBooks.lines) log(`  in QuickBooks: ${line}`);
  const importWaiting = inQuickBooks.expectedImports + moreInQuickBooks.expectedImports;
  await waitForImports(api, company, importWaiting, opts.webhookWaitMs ?? 10_000);
  const exportsNow = (await allPages<WizardItem>(api, `${company}/wizard?direction=export`)).length;
  log(`  waiting for review: ${exportsNow} in the Export wizard, ${importWaiting} in the Import wizard; `
    + `${failures.length} failures in the Sync Center (${failures.map((f) => f.code).join(', ')}) (${elapsed()})`);

  const sample = data.customers[30]!;
  const sampleQb = (await qb.list('Customer')).find((c) => c.DisplayName === sample.record.displayName)!;
  return { synced, initialRuns, failures, exportWaiting: exportsNow, importWaiting, sampleCustomer: { qbId: sampleQb.Id, name: sample.record.displayName } };
}

// ---------------------------------------------------------------- the story

interface IngestChange { entityType: SyncedEntityType; localId: string; record: unknown; localUrl?: string }

interface QuickBooksDay {
  lines: string[];
  expectedImports: number;
  /** The invoice deleted in QuickBooks (the job app still has it). */
  deletedInvoice: JobAppEntry<InvoiceRecord>;
  /** The customer edited in QuickBooks. */
  editedCustomer: JobAppEntry<CustomerRecord>;
  /** The invoice number someone used for an invoice typed straight into QuickBooks. */
  takenNumber: string;
  closedBooksDate: string;
}

/** The job app's side of the story: which records change, deterministically. */
class Story {
  private readonly rnd = createRandom(20261128);
  private nextInvoiceNumber: number;
  readonly today: string;

  constructor(readonly data: JobAppData, readonly ids: JobAppIds, now: Date) {
    this.today = dateOnly(now);
    this.nextInvoiceNumber = Number(data.invoices.at(-1)!.record.docNumber) + 1;
  }

  /** Open invoices (no payment), from the end of the list, for changes in the story. */
  openInvoice(offset: number): JobAppEntry<InvoiceRecord> {
    return this.data.invoices[PAID_INVOICES_BELOW + offset]!;
  }

  takeInvoiceNumber(): string {
    return String(this.nextInvoiceNumber++);
  }

  newInvoice(customerIndex: number, overrides: Partial<InvoiceRecord> = {}, items = this.sellable()): JobAppEntry<InvoiceRecord> {
    const lines = salesLines(this.rnd, items, 2);
    return entry<InvoiceRecord>(this.ids, 'Invoice', {
      customerId: this.data.customers[customerIndex]!.localId, txnDate: this.today, dueDate: addDays(this.today, 30), memo: null, lines,
      ...overrides, docNumber: overrides.docNumber ?? this.takeInvoiceNumber(),
    });
  }

  sellable() {
    return this.data.items.filter((i) => i.record.name !== RETIRED_ITEM[0]);
  }

  /** The six approved changes QuickBooks refuses, each with the code the story expects. */
  failingChanges(day: QuickBooksDay): { change: IngestChange; failure: DemoFailure }[] {
    const out: { change: IngestChange; failure: DemoFailure }[] = [];
    const add = (code: string, story: string, e: JobAppEntry<any>, name: string) => {
      out.push({ change: e, failure: { code, story, entityType: e.entityType, localId: e.localId, name } });
    };

    // A customer named like a supplier: QuickBooks keeps one name list for customers and vendors.
    const supplierName = TREE_VENDORS[TREE_VENDORS.length - 1]!;
    const twin = entry(this.ids, 'Customer', customerRecord(this.rnd, supplierName));
    add('6240', 'a new customer has the name of a vendor already in QuickBooks', twin, supplierName);

    // The job app edits an invoice someone deleted in QuickBooks this morning.
    const deleted = day.deletedInvoice;
    const edited = { ...deleted, record: { ...deleted.record, memo: 'Customer asked for an itemised copy', dueDate: addDays(deleted.record.txnDate, 45) } };
    add('610', 'the job app changed an invoice that was deleted in QuickBooks', edited, `Invoice ${deleted.record.docNumber}`);

    // Both sides edited the same customer: QuickBooks has moved on since the sync service last read it.
    const customer = day.editedCustomer;
    const changed = { ...customer, record: { ...customer.record, email: `billing.${customer.record.email}` } };
    add('5010', 'a customer was edited in QuickBooks and in the job app at the same time', changed, customer.record.displayName);

    // An invoice for a service the office has just made inactive in QuickBooks.
    const retired = this.data.items.find((i) => i.record.name === RETIRED_ITEM[0])!;
    const usesRetired = this.newInvoice(7, {}, [retired]);
    add('610', `a new invoice uses "${RETIRED_ITEM[0]}", made inactive in QuickBooks`, usesRetired, `Invoice ${usesRetired.record.docNumber}`);

    // Work done last season, invoiced late: dated inside the period the books are closed for.
    const late = this.newInvoice(9, { txnDate: addDays(day.closedBooksDate, -10), dueDate: addDays(day.closedBooksDate, 20) });
    add('6210', `an invoice is dated before the closing date (${day.closedBooksDate})`, late, `Invoice ${late.record.docNumber}`);

    // The job app's next invoice number was already used by an invoice typed into QuickBooks.
    const duplicate = this.newInvoice(3, { docNumber: day.takenNumber });
    add('6140', `invoice number ${day.takenNumber} is already used in QuickBooks`, duplicate, `Invoice ${day.takenNumber}`);
    return out;
  }

  /** Twelve new or changed records the bookkeeper has not reviewed yet. */
  waitingChanges(): IngestChange[] {
    const changes: IngestChange[] = [];
    for (const name of NEW_CUSTOMER_NAMES.slice(0, 4)) changes.push(entry(this.ids, 'Customer', customerRecord(this.rnd, name)));
    for (let i = 0; i < 4; i++) changes.push(this.newInvoice(20 + i * 5));
    const lineChange = this.openInvoice(20);
    changes.push({ ...lineChange, record: { ...lineChange.record, lines: salesLines(this.rnd, this.sellable(), 3) } });
    for (const offset of [21, 22]) {
      const inv = this.openInvoice(offset);
      changes.push({ ...inv, record: { ...inv.record, dueDate: addDays(inv.record.txnDate, 15), memo: 'Net 15 agreed on site' } });
    }
    const moved = this.data.customers[40]!;
    changes.push({ ...moved, record: { ...moved.record, phone: '(503) 555-0188' } });
    return changes;
  }
}

/** People in the office change things in QuickBooks; each change sends a webhook the sync service lists. */
async function quickBooksChanges(qb: QuickBooksAdmin, story: Story, now: Date): Promise<QuickBooksDay> {
  const lines: string[] = [];
  const deletedInvoice = story.openInvoice(10);
  const invoice = await qb.find('Invoice', (o) => o.DocNumber === deletedInvoice.record.docNumber);
  await qb.delete('Invoice', invoice.Id);
  lines.push(`invoice ${deletedInvoice.record.docNumber} deleted`);

  const editedCustomer = story.data.customers[12]!;
  const customer = await qb.find('Customer', (o) => o.DisplayName === editedCustomer.record.displayName);
  await qb.patch('Customer', customer.Id, { PrimaryPhone: { FreeFormNumber: '(503) 555-0177' } });
  lines.push(`${editedCustomer.record.displayName}'s phone number changed`);

  const item = await qb.find('Item', (o) => o.Name === RETIRED_ITEM[0]);
  await qb.deactivate('Item', item.Id);
  lines.push(`service "${RETIRED_ITEM[0]}" made inactive`);

  // A quick invoice typed straight into QuickBooks takes the number the job app would use next.
  const takenNumber = story.takeInvoiceNumber();
  const buyer = await qb.find('Customer', (o) => o.DisplayName === story.data.customers[8]!.record.displayName);
  const service = await qb.find('Item', (o) => o.Name === story.sellable()[4]!.record.name);
  const price = Number(service.UnitPrice);
  await qb.create('Invoice', {
    DocNumber: takenNumber, TxnDate: dateOnly(now), CustomerRef: { value: buyer.Id },
    Line: [{ DetailType: 'SalesItemLineDetail', Amount: price, SalesItemLineDetail: { ItemRef: { value: service.Id }, Qty: 1, UnitPrice: price } }],
  });
  lines.push(`invoice ${takenNumber} typed in for ${buyer.DisplayName}`);

  // The accountant closes the books (no webhook: a company setting, not a record).
  const closedBooksDate = demoClosedBooksDate(now);
  await qb.closeBooks(closedBooksDate);
  lines.push(`books closed through ${closedBooksDate}`);
  return { lines, expectedImports: 4, deletedInvoice, editedCustomer, takenNumber, closedBooksDate };
}

/** Two more changes in QuickBooks for the Import wizard: a payment taken at the office and a customer who moved. */
async function moreQuickBooksChanges(qb: QuickBooksAdmin, story: Story, now: Date): Promise<{ lines: string[]; expectedImports: number }> {
  const lines: string[] = [];
  const paid = story.openInvoice(30);
  const invoice = await qb.find('Invoice', (o) => o.DocNumber === paid.record.docNumber);
  const amount = linesTotal(paid.record.lines);
  await qb.create('Payment', {
    CustomerRef: { value: invoice.CustomerRef.value }, TxnDate: dateOnly(now), TotalAmt: amount, PaymentRefNum: 'CHK-4471',
    Line: [{ Amount: amount, LinkedTxn: [{ TxnId: invoice.Id, TxnType: 'Invoice' }] }],
  });
  lines.push(`payment of ${amount.toFixed(2)} recorded for invoice ${paid.record.docNumber}`);

  const movedName = story.data.customers[25]!.record.displayName;
  const moved = await qb.find('Customer', (o) => o.DisplayName === movedName);
  await qb.patch('Customer', moved.Id, { BillAddr: { Line1: '77 Larch Mountain Rd', City: 'Corbett', CountrySubDivisionCode: 'OR', PostalCode: '97019', Country: 'US' } });
  lines.push(`${movedName}'s billing address changed`);
  return { lines, expectedImports: 2 };
}

// ---------------------------------------------------------------- helpers

async function ingest(api: JsonClient, company: string, changes: IngestChange[]): Promise<string[]> {
  const reply = await api.post<{ results: { status: string; wizardItemId: string | null }[] }>(`${company}/records/batch`, {
    items: changes.map((c) => ({ op: 'put', entityType: c.entityType, localId: c.localId, record: c.record, ...(c.localUrl ? { localUrl: c.localUrl } : {}) })),
  });
  return reply.results.map((r) => r.wizardItemId).filter((id): id is string => id !== null);
}

async function approve(api: JsonClient, company: string, ids: string[]): Promise<ApproveResult> {
  return api.post<ApproveResult>(`${company}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
}

/** Runs the connector until nothing approved is left pending (creates travel in batches). */
async function runUntilSent(api: JsonClient, company: string, log: (line: string) => void): Promise<number> {
  for (let run = 1; run <= MAX_INITIAL_RUNS; run++) {
    const result = await api.post<ConnectorRunResult>(`${company}/connector/run`);
    const pending = await api.get<{ items: unknown[] }>(`${company}/log?status=pending&limit=1`);
    log(`run ${run}: ${result.succeeded} synced, ${result.failed} failed${pending.items.length ? ', more pending' : ''}`);
    if (result.connector.state !== 'ok') throw new Error(`The connector stopped: ${result.connector.message ?? result.connector.state}`);
    if (!pending.items.length) return run;
  }
  throw new Error(`Records were still pending after ${MAX_INITIAL_RUNS} connector runs.`);
}

/** Waits until the Import wizard lists `count` items (webhooks are delivered asynchronously). */
async function waitForImports(api: JsonClient, company: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let listed = 0;
  for (;;) {
    listed = (await allPages<WizardItem>(api, `${company}/wizard?direction=import`)).length;
    if (listed >= count) return;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Only ${listed} of ${count} changes made in QuickBooks reached the Import wizard within ${timeoutMs / 1000} s: are the webhooks delivered?`);
}

interface QuickBooksAdmin {
  list(entity: string): Promise<QboObject[]>;
  find(entity: string, match: (o: QboObject) => boolean): Promise<QboObject>;
  create(entity: string, body: Record<string, unknown>): Promise<QboObject>;
  patch(entity: string, id: string, body: Record<string, unknown>): Promise<QboObject>;
  deactivate(entity: string, id: string): Promise<QboObject>;
  delete(entity: string, id: string): Promise<unknown>;
  closeBooks(date: string): Promise<unknown>;
}

/** What a person does in QuickBooks, through the emulator's admin API. */
function quickBooksAdmin(emulatorUrl: string, realmId: string): QuickBooksAdmin {
  const admin = jsonClient(emulatorUrl);
  const base = `/admin/realms/${encodeURIComponent(realmId)}`;
  const path = (entity: string, id?: string) => `${base}/${entity.toLowerCase()}${id ? `/${encodeURIComponent(id)}` : ''}`;
  // Changes answer { Invoice: {...} }, lists { items: [...] } (deleted objects included, marked).
  const unwrap = (entity: string, reply: Record<string, QboObject>): QboObject => reply[entity]!;
  const list = async (entity: string): Promise<QboObject[]> =>
    (await admin.get<{ items: QboObject[] }>(path(entity))).items.filter((o) => o.status !== 'Deleted');
  return {
    list,
    async find(entity, match) {
      const found = (await list(entity)).find(match);
      if (!found) throw new Error(`QuickBooks has no such ${entity}: the first sync should have created it.`);
      return found;
    },
    create: async (entity, body) => unwrap(entity, await admin.post(path(entity), body)),
    patch: async (entity, id, body) => unwrap(entity, await admin.patch(path(entity, id), body)),
    deactivate: async (entity, id) => unwrap(entity, await admin.post(`${path(entity, id)}/deactivate`)),
    delete: (entity, id) => admin.delete(path(entity, id)),
    closeBooks: (date) => admin.patch(base, { closedBooksDate: date }),
  };
}
