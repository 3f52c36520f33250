/**
 * The content of each emulator page, read from the emulator's state: the dashboard, list pages
 * (rows link to record pages, the shape the overlay's row markers look for) and one page per
 * record with its fields. Pure functions from state to HTML; routing and cookies live in app.ts.
 */
import type { EntityName } from '../entities.ts';
import type { EmulatorState, Realm, StoredObject } from '../state.ts';
import { address, at, linesOf, money, numberAt, refAt, text, titleOf } from './fields.ts';
import { Html, html } from './html.ts';
import { recordHref, type ListPageRoute, type RecordPageRoute } from './routes.ts';

export interface PageContent {
  title: string;
  status: number;
  content: Html;
}

const ENTITY_LABEL: Record<EntityName, string> = {
  Customer: 'Customer',
  Vendor: 'Vendor',
  Employee: 'Employee',
  Item: 'Product or service',
  Account: 'Account',
  Invoice: 'Invoice',
  Estimate: 'Estimate',
  Payment: 'Payment',
  PurchaseOrder: 'Purchase order',
  Bill: 'Bill',
};

const LIST_TITLE: Record<string, string> = {
  customers: 'Customers',
  vendors: 'Vendors',
  employees: 'Employees',
  items: 'Products and services',
  invoices: 'Invoices',
  sales: 'Sales transactions',
  expenses: 'Expense transactions',
  bills: 'Bills',
  estimates: 'Estimates',
  purchaseorders: 'Purchase orders',
  chartofaccounts: 'Chart of accounts',
};

const PARTY_OF: Partial<Record<EntityName, { path: string; entity: EntityName; label: string }>> = {
  Invoice: { path: 'CustomerRef', entity: 'Customer', label: 'Customer' },
  Estimate: { path: 'CustomerRef', entity: 'Customer', label: 'Customer' },
  Payment: { path: 'CustomerRef', entity: 'Customer', label: 'Customer' },
  PurchaseOrder: { path: 'VendorRef', entity: 'Vendor', label: 'Vendor' },
  Bill: { path: 'VendorRef', entity: 'Vendor', label: 'Vendor' },
};

const TRANSACTIONS: readonly EntityName[] = ['Invoice', 'Estimate', 'Payment', 'PurchaseOrder', 'Bill'];
const isTransaction = (entity: EntityName) => TRANSACTIONS.includes(entity);

/** A link to another object of the same company, named as the object now is (or as the reference said). */
function refLink(state: EmulatorState, realm: Realm, entity: EntityName, ref: { id: string; name: string } | null): Html {
  if (!ref) return html`<span class="empty">none</span>`;
  return html`<a href="${recordHref(entity, ref.id)}">${refName(state, realm, entity, ref)}</a>`;
}

/** The name only: a transaction list's row leads to its transaction, as in QuickBooks' own lists. */
function refName(state: EmulatorState, realm: Realm, entity: EntityName, ref: { id: string; name: string }): string {
  const target = state.get(realm.realmId, entity, ref.id);
  return target ? titleOf(entity, target.data) : ref.name || `${entity} ${ref.id}`;
}

/** Like refLink, but nothing at all (the field is left out) when there is no reference. */
function optionalRefLink(state: EmulatorState, realm: Realm, entity: EntityName, ref: { id: string; name: string } | null): Html | string {
  return ref ? refLink(state, realm, entity, ref) : '';
}

function statusTag(stored: StoredObject): Html {
  if (stored.deleted) return html` <span class="tag deleted">Deleted</span>`;
  if (at(stored.data, 'Active') === false) return html` <span class="tag inactive">Inactive</span>`;
  return html``;
}

function fieldList(rows: readonly [string, Html | string][]): Html {
  const shown = rows.filter(([, value]) => (value instanceof Html ? value.value.trim() : value) !== '');
  if (shown.length === 0) return html``;
  return html`<dl class="fields">${shown.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

function recordMeta(stored: StoredObject): Html {
  const data = stored.data;
  return html`<p class="meta" data-testid="record-meta">Id ${data.Id} · SyncToken ${data.SyncToken} · created ${text(data, 'MetaData.CreateTime')} · last changed ${text(data, 'MetaData.LastUpdatedTime')}</p>`;
}

// ------------------------------------------------------------------------------------ dashboard

export function dashboardPage(state: EmulatorState, realm: Realm, listRoutes: readonly { name: string; route: ListPageRoute }[]): PageContent {
  const count = (entities: readonly EntityName[]) =>
    entities.reduce((sum, entity) => sum + state.list(realm.realmId, entity).filter((o) => !o.deleted).length, 0);
  const recent = TRANSACTIONS.flatMap((entity) => state.list(realm.realmId, entity))
    .sort((a, b) => text(b.data, 'MetaData.LastUpdatedTime').localeCompare(text(a.data, 'MetaData.LastUpdatedTime')))
    .slice(0, 10);
  return {
    title: 'Dashboard',
    status: 200,
    content: html`
      <h1 data-automation-id="page-title">${realm.companyName}</h1>
      <p class="subtitle">Company (realm) ${realm.realmId}</p>
      <div class="tiles">
        ${listRoutes
          .filter(({ name }) => name !== 'sales' && name !== 'expenses')
          .map(({ name, route }) => html`<a class="tile" href="/app/${name}"><b>${count(route.entities)}</b>${LIST_TITLE[name] ?? name}</a>`)}
      </div>
      <h2>Recently changed</h2>
      ${recent.length ? transactionTable(state, realm, recent) : html`<p class="empty">No transactions yet.</p>`}`,
  };
}

// ------------------------------------------------------------------------------------ lists

export function listPage(state: EmulatorState, realm: Realm, name: string, route: ListPageRoute): PageContent {
  const objects = route.entities.flatMap((entity) => state.list(realm.realmId, entity)).filter((o) => !o.deleted);
  const title = LIST_TITLE[name] ?? name;
  let table: Html;
  if (objects.length === 0) table = html`<p class="empty">Nothing here yet.</p>`;
  else if (route.entities.every(isTransaction)) {
    table = transactionTable(state, realm, objects.sort((a, b) => text(b.data, 'TxnDate').localeCompare(text(a.data, 'TxnDate')) || Number(b.data.Id) - Number(a.data.Id)));
  } else table = nameTable(route.entities[0]!, objects);
  return {
    title,
    status: 200,
    content: html`<h1 data-automation-id="page-title">${title}</h1><p class="subtitle">${realm.companyName}</p>${table}`,
  };
}

function transactionTable(state: EmulatorState, realm: Realm, objects: readonly StoredObject[]): Html {
  return html`<table class="rows" data-testid="list">
    <thead><tr><th>Date</th><th>Type</th><th>No.</th><th>Customer or vendor</th><th class="num">Total</th><th class="num">Open balance</th></tr></thead>
    <tbody>${objects.map((o) => {
      const party = PARTY_OF[o.entity];
      const partyRef = party ? refAt(o.data, party.path) : null;
      return html`<tr>
        <td>${text(o.data, 'TxnDate')}</td>
        <td>${ENTITY_LABEL[o.entity]}</td>
        <td><a href="${recordHref(o.entity, o.data.Id)}">${titleOf(o.entity, o.data)}</a>${statusTag(o)}</td>
        <td>${party && partyRef ? refName(state, realm, party.entity, partyRef) : ''}</td>
        <td class="num">${money(o.data, 'TotalAmt')}</td>
        <td class="num">${money(o.data, 'Balance')}</td>
      </tr>`;
    })}</tbody>
  </table>`;
}

function nameTable(entity: EntityName, objects: readonly StoredObject[]): Html {
  const columns: Record<EntityName, readonly [string, (o: StoredObject) => string, boolean?][]> = {
    Customer: [['Company', (o) => text(o.data, 'CompanyName')], ['Email', (o) => text(o.data, 'PrimaryEmailAddr.Address')], ['Phone', (o) => text(o.data, 'PrimaryPhone.FreeFormNumber')], ['Open balance', (o) => money(o.data, 'Balance'), true]],
    Vendor: [['Company', (o) => text(o.data, 'CompanyName')], ['Email', (o) => text(o.data, 'PrimaryEmailAddr.Address')], ['Phone', (o) => text(o.data, 'PrimaryPhone.FreeFormNumber')], ['Open balance', (o) => money(o.data, 'Balance'), true]],
    Employee: [['Email', (o) => text(o.data, 'PrimaryEmailAddr.Address')], ['Phone', (o) => text(o.data, 'PrimaryPhone.FreeFormNumber')]],
    Item: [['Type', (o) => text(o.data, 'Type')], ['Description', (o) => text(o.data, 'Description')], ['Price', (o) => money(o.data, 'UnitPrice'), true]],
    Account: [['Type', (o) => text(o.data, 'AccountType')], ['Detail type', (o) => text(o.data, 'AccountSubType')], ['Balance', (o) => money(o.data, 'CurrentBalance'), true]],
    Invoice: [], Estimate: [], Payment: [], PurchaseOrder: [], Bill: [],
  };
  const cols = columns[entity];
  return html`<table class="rows" data-testid="list">
    <thead><tr><th>Name</th>${cols.map(([label, , num]) => html`<th${num ? html` class="num"` : ''}>${label}</th>`)}</tr></thead>
    <tbody>${objects.map(
      (o) => html`<tr>
        <td><a href="${recordHref(o.entity, o.data.Id)}">${titleOf(o.entity, o.data)}</a>${statusTag(o)}</td>
        ${cols.map(([, read, num]) => html`<td${num ? html` class="num"` : ''}>${read(o)}</td>`)}
      </tr>`,
    )}</tbody>
  </table>`;
}

// ------------------------------------------------------------------------------------ records

export function recordPage(state: EmulatorState, realm: Realm, route: RecordPageRoute, id: string): PageContent {
  const stored = state.get(realm.realmId, route.entity, id);
  const label = ENTITY_LABEL[route.entity];
  if (!stored) {
    return notFoundPage(`${label} not found`, html`This company (${realm.companyName}) has no ${label.toLowerCase()} with id ${id}. Ids belong to one company: it may exist in another one.`);
  }
  const title = `${label} ${titleOf(route.entity, stored.data)}`;
  const body = isTransaction(route.entity) ? transactionBody(state, realm, stored) : nameBody(state, realm, stored);
  return {
    title,
    status: 200,
    content: html`
      <h1 data-automation-id="page-title">${title}${statusTag(stored)}</h1>
      <p class="subtitle">${realm.companyName}</p>
      ${stored.deleted ? html`<div class="card"><strong>This ${label.toLowerCase()} was deleted in QuickBooks.</strong> Its last saved fields are shown for reference.</div>` : ''}
      ${body}
      ${recordMeta(stored)}`,
  };
}

function transactionBody(state: EmulatorState, realm: Realm, stored: StoredObject): Html {
  const data = stored.data;
  const party = PARTY_OF[stored.entity];
  const memo = text(data, 'CustomerMemo.value') || text(data, 'Memo');
  const header = fieldList([
    [party?.label ?? '', party ? optionalRefLink(state, realm, party.entity, refAt(data, party.path)) : ''],
    ['Number', text(data, 'DocNumber')],
    ['Date', text(data, 'TxnDate')],
    ['Due date', text(data, 'DueDate')],
    ['Expires', text(data, 'ExpirationDate')],
    ['Status', text(data, 'TxnStatus') || text(data, 'POStatus')],
    ['Reference no.', text(data, 'PaymentRefNum')],
    ['Email', text(data, 'BillEmail.Address')],
    ['Billing address', address(data, 'BillAddr')],
    ['Shipping address', address(data, 'ShipAddr')],
    ['Deposit to', optionalRefLink(state, realm, 'Account', refAt(data, 'DepositToAccountRef'))],
    ['Message', memo],
    ['Private note', text(data, 'PrivateNote')],
  ]);
  const totals = fieldList([
    ['Total', html`<span class="total" data-testid="total">${money(data, 'TotalAmt')}</span>`],
    ['Open balance', money(data, 'Balance')],
    ['Unapplied', money(data, 'UnappliedAmt')],
  ]);
  return html`<div class="card">${header}</div>${linesTable(state, realm, stored)}<div class="card">${totals}</div>`;
}

function linesTable(state: EmulatorState, realm: Realm, stored: StoredObject): Html {
  const lines = linesOf(stored.data);
  if (stored.entity === 'Payment') {
    if (lines.length === 0) return html``;
    return html`<table class="rows"><thead><tr><th>Applied to</th><th class="num">Amount</th></tr></thead><tbody>${lines.map((line) => {
      const linked = Array.isArray(line.LinkedTxn) ? line.LinkedTxn : [];
      const targets = linked.map((l) => {
        const txnId = text(l, 'TxnId');
        const type = text(l, 'TxnType');
        return type === 'Invoice' && txnId ? html`<a href="${recordHref('Invoice', txnId)}">Invoice ${titleOf('Invoice', state.get(realm.realmId, 'Invoice', txnId)?.data ?? { Id: txnId })}</a>` : html`${type} ${txnId}`;
      });
      return html`<tr><td>${targets}</td><td class="num">${money(line, 'Amount')}</td></tr>`;
    })}</tbody></table>`;
  }
  const items = lines.filter((line) => text(line, 'DetailType') !== 'SubTotalLineDetail');
  if (items.length === 0) return html`<p class="empty">No lines.</p>`;
  return html`<table class="rows" data-testid="lines">
    <thead><tr><th>#</th><th>Product, service or account</th><th>Description</th><th class="num">Qty</th><th class="num">Rate</th><th class="num">Amount</th></tr></thead>
    <tbody>${items.map((line, index) => {
      const detail = at(line, 'SalesItemLineDetail') ?? at(line, 'ItemBasedExpenseLineDetail');
      const accountDetail = at(line, 'AccountBasedExpenseLineDetail');
      const item = refAt(detail, 'ItemRef');
      const account = refAt(accountDetail, 'AccountRef');
      const what = item ? refLink(state, realm, 'Item', item) : account ? refLink(state, realm, 'Account', account) : html``;
      const qty = numberAt(detail, 'Qty');
      return html`<tr>
        <td>${index + 1}</td><td>${what}</td><td>${text(line, 'Description')}</td>
        <td class="num">${qty === null ? '' : String(qty)}</td><td class="num">${money(detail, 'UnitPrice')}</td><td class="num">${money(line, 'Amount')}</td>
      </tr>`;
    })}</tbody>
  </table>`;
}

function nameBody(state: EmulatorState, realm: Realm, stored: StoredObject): Html {
  const data = stored.data;
  const person = fieldList([
    ['Display name', text(data, 'DisplayName')],
    ['Name', [text(data, 'Title'), text(data, 'GivenName'), text(data, 'MiddleName'), text(data, 'FamilyName'), text(data, 'Suffix')].filter(Boolean).join(' ')],
    ['Company', text(data, 'CompanyName')],
    ['Email', text(data, 'PrimaryEmailAddr.Address')],
    ['Phone', text(data, 'PrimaryPhone.FreeFormNumber')],
    ['Mobile', text(data, 'Mobile.FreeFormNumber')],
    ['Billing address', address(data, 'BillAddr')],
    ['Shipping address', address(data, 'ShipAddr')],
    ['Account no.', text(data, 'AcctNum')],
    ['Open balance', money(data, 'Balance')],
    ['Notes', text(data, 'Notes')],
  ]);
  const thing = fieldList([
    ['Name', stored.entity === 'Item' || stored.entity === 'Account' ? text(data, 'Name') : ''],
    ['Type', text(data, 'Type') || text(data, 'AccountType')],
    ['Detail type', text(data, 'AccountSubType')],
    ['SKU', text(data, 'Sku')],
    ['Description', text(data, 'Description')],
    ['Sales price', money(data, 'UnitPrice')],
    ['Income account', optionalRefLink(state, realm, 'Account', refAt(data, 'IncomeAccountRef'))],
    ['Expense account', optionalRefLink(state, realm, 'Account', refAt(data, 'ExpenseAccountRef'))],
    ['Purchase cost', money(data, 'PurchaseCost')],
    ['Quantity on hand', text(data, 'QtyOnHand')],
    ['Balance', money(data, 'CurrentBalance')],
  ]);
  const related = relatedTransactions(state, realm, stored);
  return html`<div class="card">${stored.entity === 'Item' || stored.entity === 'Account' ? thing : person}</div>${related}`;
}

/** A customer's or vendor's transactions, as their QuickBooks page lists them. */
function relatedTransactions(state: EmulatorState, realm: Realm, stored: StoredObject): Html {
  if (stored.entity !== 'Customer' && stored.entity !== 'Vendor') return html``;
  const mine = TRANSACTIONS.flatMap((entity) => state.list(realm.realmId, entity)).filter((o) => {
    const party = PARTY_OF[o.entity];
    return !o.deleted && party?.entity === stored.entity && refAt(o.data, party.path)?.id === stored.data.Id;
  });
  return html`<h2>Transactions</h2>${mine.length ? transactionTable(state, realm, mine) : html`<p class="empty">None yet.</p>`}`;
}

// ------------------------------------------------------------------------------------ other pages

export function newFormPage(route: RecordPageRoute): PageContent {
  const label = ENTITY_LABEL[route.entity];
  return {
    title: `New ${label.toLowerCase()}`,
    status: 200,
    content: html`<h1 data-automation-id="page-title">New ${label.toLowerCase()}</h1>
      <div class="card">The emulator does not create records from its web pages: records arrive through the Accounting API (a connector) or the emulator's admin endpoints.</div>`,
  };
}

export function notFoundPage(title: string, message: Html | string): PageContent {
  return { title, status: 404, content: html`<h1>${title}</h1><div class="card">${message}</div>` };
}
