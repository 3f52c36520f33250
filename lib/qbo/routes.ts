/**
 * THE route table of the QuickBooks Online web app: which `/app/<route>` page shows which
 * Accounting API entity, under which id parameter, and which pages are lists.
 *
 * Page detection, list-row links and deep links all read this one table, so a route added here
 * works in both directions. Facts and confidence come from /work/shared/reference/qbo-web-app.md
 * §2–§3; 'guess' rows are unverified in a live QBO tab and are kept so the overlay can still
 * recognise them, but they are never the preferred deep-link target when a better route exists.
 */

export type Confidence = 'well' | 'some' | 'guess';
/** Query parameter that carries the record id: transactions, names, accounts, items. */
export type IdParam = 'txnId' | 'nameId' | 'accountId' | 'itemId';

export interface RecordRoute {
  readonly kind: 'record';
  /** Accounting API (v3) entity name, as the sync service names it. */
  readonly entityType: string;
  readonly idParam: IdParam;
  /** The route opens a blank "new" form when it has no id (transaction forms do). */
  readonly blankIsNew: boolean;
  readonly confidence: Confidence;
}

export interface ListRoute {
  readonly kind: 'list';
  /** Entity types the rows of this list link to (each has a record route below). */
  readonly entityTypes: readonly string[];
  readonly confidence: Confidence;
}

export type QboRoute = RecordRoute | ListRoute;

const txn = (entityType: string, confidence: Confidence = 'well'): RecordRoute => ({
  kind: 'record',
  entityType,
  idParam: 'txnId',
  blankIsNew: true,
  confidence,
});
const detail = (entityType: string, idParam: IdParam, confidence: Confidence): RecordRoute => ({
  kind: 'record',
  entityType,
  idParam,
  blankIsNew: false,
  confidence,
});
const list = (entityTypes: readonly string[], confidence: Confidence): ListRoute => ({
  kind: 'list',
  entityTypes,
  confidence,
});

const SALES_TYPES = ['Invoice', 'Estimate', 'SalesReceipt', 'CreditMemo', 'RefundReceipt', 'Payment'];
const EXPENSE_TYPES = ['Purchase', 'Bill', 'BillPayment', 'VendorCredit', 'PurchaseOrder'];

/** Route name (the lower-case path segment after /app/) → what the page shows. */
export const QBO_ROUTES = {
  // Sales transactions
  invoice: txn('Invoice'),
  estimate: txn('Estimate'),
  salesreceipt: txn('SalesReceipt'),
  creditmemo: txn('CreditMemo'),
  refundreceipt: txn('RefundReceipt'),
  recvpayment: txn('Payment'), // the API's Payment lives at recvpayment, not payment
  // Purchases
  bill: txn('Bill'),
  vendorcredit: txn('VendorCredit'),
  purchaseorder: txn('PurchaseOrder'),
  billpayment: txn('BillPayment'),
  billpaymentcc: txn('BillPayment', 'guess'), // credit-card bill payment; sources disagree
  expense: txn('Purchase'), // Purchase with PaymentType Cash or CreditCard
  check: txn('Purchase'), // Purchase with PaymentType Check
  creditcardcredit: txn('Purchase'), // Purchase with PaymentType CreditCard and Credit=true
  // Banking and accounting
  journal: txn('JournalEntry'),
  deposit: txn('Deposit'),
  transfer: txn('Transfer'),
  creditcardpayment: txn('CreditCardPayment', 'guess'),
  cctransfer: txn('CreditCardPayment', 'guess'),
  inventoryadjustment: txn('InventoryAdjustment', 'guess'),
  inventory_quantity_adj: txn('InventoryAdjustment', 'guess'),
  global_tax_pmt: txn('TaxPayment', 'guess'),
  timeactivity: txn('TimeActivity', 'guess'), // not a Transaction in the API, but the UI uses txnId
  // Names and lists with a detail page
  customerdetail: detail('Customer', 'nameId', 'well'), // sub-customers and projects too
  vendordetail: detail('Vendor', 'nameId', 'well'),
  employeedetail: detail('Employee', 'nameId', 'guess'),
  register: detail('Account', 'accountId', 'well'),
  item: detail('Item', 'itemId', 'guess'),
  // List pages
  customers: list(['Customer'], 'well'),
  vendors: list(['Vendor'], 'well'),
  employees: list(['Employee'], 'well'),
  items: list(['Item'], 'well'),
  invoices: list(['Invoice', 'Payment'], 'well'),
  sales: list(SALES_TYPES, 'some'),
  expenses: list(EXPENSE_TYPES, 'some'),
  bills: list(['Bill', 'BillPayment'], 'some'),
  estimates: list(['Estimate'], 'guess'),
  salesreceipts: list(['SalesReceipt'], 'guess'),
  purchaseorders: list(['PurchaseOrder'], 'guess'),
  chartofaccounts: list(['Account'], 'some'),
  // Lists whose rows have no record page we know of.
  salesorders: list([], 'some'),
  projects: list([], 'guess'),
  class: list([], 'some'),
  locations: list([], 'some'),
} as const satisfies Record<string, QboRoute>;

export type QboRouteName = keyof typeof QBO_ROUTES;
export type RecordRouteName = {
  [K in QboRouteName]: (typeof QBO_ROUTES)[K] extends RecordRoute ? K : never;
}[QboRouteName];
export type ListType = {
  [K in QboRouteName]: (typeof QBO_ROUTES)[K] extends ListRoute ? K : never;
}[QboRouteName];

/**
 * Known app pages that show no single record (dashboard, reports, settings, the company switch,
 * payroll pages whose ids are not Accounting API ids). Detection reports them as plain "none"
 * instead of "unknown-route". Lower-case, like the route keys.
 */
export const QBO_OTHER_PAGES: ReadonlySet<string> = new Set([
  'homepage', 'banking', 'reportlist', 'reportv2', 'standardreports', 'settings', 'payroll',
  'time', 'timetracking', 'reconcile', 'inventory', 'search', 'switchcompany',
  'multientityswitchcompany', 'employeeprofile', 'paycheck',
]);

/**
 * Deep-link target per entity type. Purchase opens at expense (checks and card credits also
 * open there per the reference's notes); Item is absent because no item page is confirmed.
 */
export const PREFERRED_RECORD_ROUTE: Readonly<Record<string, RecordRouteName>> = {
  Invoice: 'invoice',
  Estimate: 'estimate',
  SalesReceipt: 'salesreceipt',
  CreditMemo: 'creditmemo',
  RefundReceipt: 'refundreceipt',
  Payment: 'recvpayment',
  Bill: 'bill',
  VendorCredit: 'vendorcredit',
  PurchaseOrder: 'purchaseorder',
  BillPayment: 'billpayment',
  Purchase: 'expense',
  JournalEntry: 'journal',
  Deposit: 'deposit',
  Transfer: 'transfer',
  CreditCardPayment: 'creditcardpayment',
  InventoryAdjustment: 'inventoryadjustment',
  TaxPayment: 'global_tax_pmt',
  TimeActivity: 'timeactivity',
  Customer: 'customerdetail',
  Vendor: 'vendordetail',
  Employee: 'employeedetail',
  Account: 'register',
};

/** Looks a path segment up without ever hitting Object.prototype keys ("constructor"…). */
export function routeFor(name: string): QboRoute | undefined {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(QBO_ROUTES, key)
    ? QBO_ROUTES[key as QboRouteName]
    : undefined;
}

export function isRecordRouteName(name: string): name is RecordRouteName {
  return routeFor(name)?.kind === 'record' && name === name.toLowerCase();
}

export function isListType(name: string): name is ListType {
  return routeFor(name)?.kind === 'list' && name === name.toLowerCase();
}
