/**
 * The emulated QuickBooks Desktop company file, through its request processor only: qbXML in,
 * qbXML out, read back with a plain XML parser as a web service would.
 */
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCompanyFile, type CompanyFile } from '../../server/qbwc-sim/company-file.ts';
import { RequestProcessorError } from '../../server/qbwc-sim/statuses.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, processEntities: true, isArray: (name) => name !== 'QBXMLMsgsRs' && /Ret$|Rs$/.test(name) });

function qbxml(body: string, onError = 'continueOnError'): string {
  return `<?xml version="1.0" encoding="utf-8"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="${onError}">${body}</QBXMLMsgsRq></QBXML>`;
}

/** Every `…Rs` in document order, with its name. */
function responses(xml: string): { name: string; attrs: Record<string, string>; body: any }[] {
  const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as any[];
  const root = ordered.find((n) => n.QBXML).QBXML.find((n: any) => n.QBXMLMsgsRs).QBXMLMsgsRs as any[];
  const plain = parser.parse(xml).QBXML.QBXMLMsgsRs;
  const counters: Record<string, number> = {};
  return root.map((n) => {
    const name = Object.keys(n).find((k) => k !== ':@')!;
    const i = counters[name] = (counters[name] ?? -1) + 1;
    return { name, attrs: n[':@'] ?? {}, body: plain[name][i] };
  });
}

function one(file: CompanyFile, body: string) {
  return responses(file.process(qbxml(body)))[0]!;
}

function clock(start = '2026-03-01T12:00:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (s: number) => { t += s * 1000; } };
}

const addCustomer = (name: string, id = '1') => `<CustomerAddRq requestID="${id}"><CustomerAdd><Name>${name}</Name></CustomerAdd></CustomerAddRq>`;
const addItem = (name: string) => `<ItemServiceAddRq><ItemServiceAdd><Name>${name}</Name><SalesOrPurchase><Desc>${name}</Desc><Price>80.00</Price></SalesOrPurchase></ItemServiceAdd></ItemServiceAddRq>`;

function invoiceAdd(customer: string, opts: { date?: string; item?: string; ref?: string } = {}) {
  return `<InvoiceAddRq requestID="inv"><InvoiceAdd><CustomerRef><FullName>${customer}</FullName></CustomerRef>`
    + `<TxnDate>${opts.date ?? '2026-02-20'}</TxnDate><RefNumber>${opts.ref ?? 'INV-1'}</RefNumber>`
    + `<InvoiceLineAdd><ItemRef><FullName>${opts.item ?? 'Labor'}</FullName></ItemRef><Desc>Hours</Desc><Quantity>3</Quantity><Rate>80.00</Rate></InvoiceLineAdd>`
    + '</InvoiceAdd></InvoiceAddRq>';
}

describe('emulated QuickBooks Desktop company file', () => {
  it('adds a customer and returns the full CustomerRet with Desktop-style ids', () => {
    const file = createCompanyFile({ now: clock().now });
    const rs = one(file, addCustomer('Joe&apos;s Garage &amp; Sons'));
    expect(rs.name).toBe('CustomerAddRs');
    expect(rs.attrs).toMatchObject({ requestID: '1', statusCode: '0', statusSeverity: 'Info', statusMessage: 'Status OK' });
    const ret = rs.body.CustomerRet[0];
    expect(ret.ListID).toMatch(/^[0-9A-F]{8}-\d{10}$/);
    expect(ret.EditSequence).toMatch(/^\d+$/);
    expect(ret).toMatchObject({ Name: "Joe's Garage & Sons", FullName: "Joe's Garage & Sons", IsActive: 'true', TimeCreated: '2026-03-01T12:00:00+00:00' });
    expect(file.get('Customer', ret.ListID)?.Name).toBe("Joe's Garage & Sons");
  });

  it('3100: customers, vendors and employees share one name list, inactive and any case included', () => {
    const file = createCompanyFile();
    const employee = file.add('Employee', { FirstName: 'Ana', LastName: 'Lopez' });
    file.deactivate('Employee', String(employee.ListID));
    const rs = one(file, '<VendorAddRq requestID="v"><VendorAdd><Name>ANA LOPEZ</Name></VendorAdd></VendorAddRq>');
    expect(rs.attrs).toMatchObject({ statusCode: '3100', statusSeverity: 'Error', statusMessage: 'The name "ANA LOPEZ" of the list element is already in use.' });
    expect(rs.body.VendorRet).toBeUndefined();
    // Items are a separate name list.
    expect(one(file, addItem('Ana Lopez')).attrs.statusCode).toBe('0');
  });

  it('3120: a Mod or delete of a ListID / TxnID QuickBooks does not have', () => {
    const file = createCompanyFile();
    const rs = one(file, '<CustomerModRq requestID="m"><CustomerMod><ListID>80000099-1700000000</ListID><EditSequence>1</EditSequence><Phone>5</Phone></CustomerMod></CustomerModRq>');
    expect(rs.attrs).toMatchObject({ statusCode: '3120', statusMessage: 'Object "80000099-1700000000" specified in the request cannot be found.' });
    const del = one(file, '<TxnDelRq requestID="d"><TxnDelType>Invoice</TxnDelType><TxnID>1A2B-1700000000</TxnID></TxnDelRq>');
    expect(del).toMatchObject({ name: 'TxnDelRs', attrs: { statusCode: '3120' } });
  });

  it('3140: a reference to a missing or an inactive record', () => {
    const file = createCompanyFile();
    file.add('Customer', { Name: 'Acme' });
    const item = file.add('ItemService', { Name: 'Labor' });
    let rs = one(file, invoiceAdd('Nobody Inc'));
    expect(rs.attrs.statusCode).toBe('3140');
    expect(rs.attrs.statusMessage).toMatch(/^There is an invalid reference to QuickBooks Customer "Nobody Inc" in the Invoice\./);
    file.deactivate('Item', String(item.ListID));
    rs = one(file, invoiceAdd('Acme'));
    expect(rs.attrs.statusCode).toBe('3140');
    expect(rs.attrs.statusMessage).toContain('QuickBooks Item "Labor"');
    expect(file.list('Invoice')).toHaveLength(0);
  });

  it('3200: a Mod with an out-of-date EditSequence; a good Mod bumps EditSequence and TimeModified', () => {
    const c = clock();
    const file = createCompanyFile({ now: c.now });
    const added = one(file, addCustomer('Acme')).body.CustomerRet[0];
    c.advance(1);
    const mod = (seq: string) => `<CustomerModRq requestID="m"><CustomerMod><ListID>${added.ListID}</ListID><EditSequence>${seq}</EditSequence><Phone>555-0100</Phone></CustomerMod></CustomerModRq>`;
    const ok = one(file, mod(added.EditSequence));
    expect(ok.attrs.statusCode).toBe('0');
    const modified = ok.body.CustomerRet[0];
    expect(modified.EditSequence).not.toBe(added.EditSequence);
    expect(modified.TimeModified).toBe('2026-03-01T12:00:01+00:00');
    expect(modified.Phone).toBe('555-0100');
    const stale = one(file, mod(added.EditSequence));
    expect(stale.attrs).toMatchObject({ statusCode: '3200', statusSeverity: 'Error', statusMessage: `The provided edit sequence "${added.EditSequence}" is out-of-date.` });
    // Two changes within the same second still give two different EditSequences.
    const again = file.modify('Customer', added.ListID, { Phone: '1' });
    expect(again.EditSequence).not.toBe(modified.EditSequence);
  });

  it('a change made in QuickBooks makes the integration\'s EditSequence stale', () => {
    const file = createCompanyFile();
    const ret = file.add('Customer', { Name: 'Acme' });
    file.modify('Customer', String(ret.ListID), { Phone: '000' });
    const rs = one(file, `<CustomerModRq><CustomerMod><ListID>${ret.ListID}</ListID><EditSequence>${ret.EditSequence}</EditSequence><Phone>1</Phone></CustomerMod></CustomerModRq>`);
    expect(rs.attrs.statusCode).toBe('3200');
  });

  it('3170 / 3180: a record open in QuickBooks refuses the save with the reason embedded', () => {
    const file = createCompanyFile();
    const c = file.add('Customer', { Name: 'Acme' });
    file.add('ItemService', { Name: 'Labor' });
    file.lock('Customer', String(c.ListID));
    const rs = one(file, `<CustomerModRq><CustomerMod><ListID>${c.ListID}</ListID><EditSequence>${c.EditSequence}</EditSequence><Phone>1</Phone></CustomerMod></CustomerModRq>`);
    expect(rs.attrs.statusCode).toBe('3170');
    expect(rs.attrs.statusMessage).toMatch(/^There was an error when modifying a Customer list, element ".+"\. QuickBooks error message: /);
    const inv = file.add('Invoice', { CustomerRef: { FullName: 'Acme' }, TxnDate: '2026-02-01', InvoiceLineAdd: { ItemRef: { FullName: 'Labor' }, Amount: '10.00' } });
    file.lock('Invoice', String(inv.TxnID));
    const txn = one(file, `<InvoiceModRq><InvoiceMod><TxnID>${inv.TxnID}</TxnID><EditSequence>${inv.EditSequence}</EditSequence><Memo>x</Memo></InvoiceMod></InvoiceModRq>`);
    expect(txn.attrs.statusCode).toBe('3180');
    expect(txn.attrs.statusMessage).toMatch(/^There was an error when saving a Invoice\. QuickBooks error message: /);
  });

  it('3180 / 3171: the closing date refuses new transactions and changes to old ones', () => {
    const file = createCompanyFile();
    file.add('Customer', { Name: 'Acme' });
    file.add('ItemService', { Name: 'Labor' });
    const old = file.add('Invoice', { CustomerRef: { FullName: 'Acme' }, TxnDate: '2026-01-10', RefNumber: 'OLD', InvoiceLineAdd: { ItemRef: { FullName: 'Labor' }, Amount: '5.00' } });
    file.setClosingDate('2026-01-31');
    const add = one(file, invoiceAdd('Acme', { date: '2026-01-31' }));
    expect(add.attrs.statusCode).toBe('3180');
    expect(add.attrs.statusMessage).toContain('closing date');
    expect(one(file, invoiceAdd('Acme', { date: '2026-02-01' })).attrs.statusCode).toBe('0');
    const mod = one(file, `<InvoiceModRq><InvoiceMod><TxnID>${old.TxnID}</TxnID><EditSequence>${old.EditSequence}</EditSequence><Memo>late</Memo></InvoiceMod></InvoiceModRq>`);
    expect(mod.attrs.statusCode).toBe('3171');
    const prefs = one(file, '<PreferencesQueryRq requestID="p"/>');
    expect(prefs.body.PreferencesRet[0].AccountingPreferences.ClosingDate).toBe('2026-01-31');
  });

  it('3180: a transaction without its customer or a list record without a name', () => {
    const file = createCompanyFile();
    const rs = one(file, '<InvoiceAddRq><InvoiceAdd><TxnDate>2026-02-01</TxnDate></InvoiceAdd></InvoiceAddRq>');
    expect(rs.attrs.statusCode).toBe('3180');
    expect(rs.attrs.statusMessage).toContain('CustomerRef');
    expect(one(file, '<CustomerAddRq><CustomerAdd><Phone>1</Phone></CustomerAdd></CustomerAddRq>').attrs.statusCode).toBe('3180');
  });

  it('invoices: lines priced, totals computed, Mod keeps listed lines, adds -1 lines, drops the rest', () => {
    const file = createCompanyFile();
    file.add('Customer', { Name: 'Acme' });
    file.add('ItemService', { Name: 'Labor' });
    file.add('ItemNonInventory', { Name: 'Mulch' });
    const inv = one(file, invoiceAdd('Acme')).body.InvoiceRet[0];
    expect(inv.Subtotal).toBe('240.00');
    const line = inv.InvoiceLineRet[0];
    expect(line).toMatchObject({ Amount: '240.00', ItemRef: { FullName: 'Labor' } });
    const mod = one(file, `<InvoiceModRq><InvoiceMod><TxnID>${inv.TxnID}</TxnID><EditSequence>${inv.EditSequence}</EditSequence>`
      + `<InvoiceLineMod><TxnLineID>-1</TxnLineID><ItemRef><FullName>Mulch</FullName></ItemRef><Quantity>2</Quantity><Rate>10</Rate></InvoiceLineMod>`
      + '</InvoiceMod></InvoiceModRq>').body.InvoiceRet[0];
    expect(mod.InvoiceLineRet).toHaveLength(1);
    expect(mod.InvoiceLineRet[0].ItemRef.FullName).toBe('Mulch');
    expect(mod.Subtotal).toBe('20.00');
    // Header-only Mod keeps lines.
    const memo = one(file, `<InvoiceModRq><InvoiceMod><TxnID>${inv.TxnID}</TxnID><EditSequence>${mod.EditSequence}</EditSequence><Memo>m</Memo></InvoiceMod></InvoiceModRq>`).body.InvoiceRet[0];
    expect(memo.InvoiceLineRet).toHaveLength(1);
  });

  it('estimates, payments, bills and purchase orders round-trip through Add / Query / Del', () => {
    const file = createCompanyFile();
    file.add('Customer', { Name: 'Acme' });
    file.add('Vendor', { Name: 'Supply Co' });
    file.add('ItemNonInventory', { Name: 'Mulch' });
    const inv = file.add('Invoice', { CustomerRef: { FullName: 'Acme' }, RefNumber: '7', InvoiceLineAdd: { ItemRef: { FullName: 'Mulch' }, Amount: '50.00' } });
    const [est, pay, bill, po] = responses(file.process(qbxml(
      '<EstimateAddRq requestID="e"><EstimateAdd><CustomerRef><FullName>Acme</FullName></CustomerRef><EstimateLineAdd><ItemRef><FullName>Mulch</FullName></ItemRef><Quantity>1</Quantity><Rate>9.5</Rate></EstimateLineAdd></EstimateAdd></EstimateAddRq>'
      + `<ReceivePaymentAddRq requestID="p"><ReceivePaymentAdd><CustomerRef><FullName>Acme</FullName></CustomerRef><TotalAmount>50.00</TotalAmount><AppliedToTxnAdd><TxnID>${inv.TxnID}</TxnID><PaymentAmount>50.00</PaymentAmount></AppliedToTxnAdd></ReceivePaymentAdd></ReceivePaymentAddRq>`
      + '<BillAddRq requestID="b"><BillAdd><VendorRef><FullName>Supply Co</FullName></VendorRef><RefNumber>B-1</RefNumber><ItemLineAdd><ItemRef><FullName>Mulch</FullName></ItemRef><Quantity>2</Quantity><Cost>4</Cost></ItemLineAdd></BillAdd></BillAddRq>'
      + '<PurchaseOrderAddRq requestID="o"><PurchaseOrderAdd><VendorRef><FullName>Supply Co</FullName></VendorRef><PurchaseOrderLineAdd><ItemRef><FullName>Mulch</FullName></ItemRef><Quantity>4</Quantity><Rate>2</Rate></PurchaseOrderLineAdd></PurchaseOrderAdd></PurchaseOrderAddRq>',
    )));
    expect([est, pay, bill, po].map((r) => r!.attrs.statusCode)).toEqual(['0', '0', '0', '0']);
    expect(est!.body.EstimateRet[0].TotalAmount).toBe('9.50');
    expect(pay!.body.ReceivePaymentRet[0].AppliedToTxnRet[0]).toMatchObject({ TxnID: inv.TxnID, RefNumber: '7', PaymentAmount: '50.00' });
    expect(bill!.body.BillRet[0].AmountDue).toBe('8.00');
    expect(po!.body.PurchaseOrderRet[0].TotalAmount).toBe('8.00');
    const q = one(file, '<BillQueryRq requestID="q"><RefNumber>B-1</RefNumber></BillQueryRq>');
    expect(q.body.BillRet[0].ItemLineRet).toBeUndefined(); // lines only with IncludeLineItems
    const del = one(file, `<TxnDelRq requestID="d"><TxnDelType>Bill</TxnDelType><TxnID>${bill!.body.BillRet[0].TxnID}</TxnID></TxnDelRq>`);
    expect(del.attrs.statusCode).toBe('0');
    expect(del.body.TxnDelType).toBe('Bill');
    expect(file.list('Bill')).toHaveLength(0);
    const badPay = one(file, '<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Acme</FullName></CustomerRef><AppliedToTxnAdd><TxnID>FFFF-1</TxnID><PaymentAmount>1</PaymentAmount></AppliedToTxnAdd></ReceivePaymentAdd></ReceivePaymentAddRq>');
    expect(badPay.attrs.statusCode).toBe('3140');
  });

  it('3210: a payment larger than what is still due on the invoice; balances follow the payments', () => {
    const file = createCompanyFile();
    file.add('Customer', { Name: 'Acme' });
    file.add('ItemService', { Name: 'Labor' });
    const inv = file.add('Invoice', { CustomerRef: { FullName: 'Acme' }, RefNumber: '9', InvoiceLineAdd: { ItemRef: { FullName: 'Labor' }, Amount: '100.00' } });
    const pay = (amount: string) => one(file, `<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Acme</FullName></CustomerRef><TotalAmount>${amount}</TotalAmount>`
      + `<AppliedToTxnAdd><TxnID>${inv.TxnID}</TxnID><PaymentAmount>${amount}</PaymentAmount></AppliedToTxnAdd></ReceivePaymentAdd></ReceivePaymentAddRq>`);
    const first = pay('60.00');
    expect(first.attrs.statusCode).toBe('0');
    expect(file.get('Invoice', String(inv.TxnID))!.BalanceRemaining).toBe('40.00');
    const over = pay('40.01');
    expect(over.attrs).toMatchObject({ statusCode: '3210', statusSeverity: 'Error' });
    expect(over.attrs.statusMessage).toBe('The "PaymentAmount" field has an invalid value "40.01". QuickBooks error message: You cannot pay more than the amount due.');
    expect(file.list('ReceivePayment')).toHaveLength(1);
    file.delete('ReceivePayment', String(first.body.ReceivePaymentRet[0].TxnID));
    expect(file.get('Invoice', String(inv.TxnID))!.BalanceRemaining).toBe('100.00');
  });

  it('lists: ListDelRq removes, Mod IsActive=false deactivates and hides it from default queries', () => {
    const file = createCompanyFile();
    const a = file.add('Customer', { Name: 'A' });
    const b = file.add('Customer', { Name: 'B' });
    const off = one(file, `<CustomerModRq><CustomerMod><ListID>${a.ListID}</ListID><EditSequence>${a.EditSequence}</EditSequence><IsActive>false</IsActive></CustomerMod></CustomerModRq>`);
    expect(off.body.CustomerRet[0].IsActive).toBe('false');
    expect(one(file, '<CustomerQueryRq/>').body.CustomerRet.map((r: any) => r.Name)).toEqual(['B']);
    expect(one(file, '<CustomerQueryRq><ActiveStatus>All</ActiveStatus></CustomerQueryRq>').body.CustomerRet).toHaveLength(2);
    expect(one(file, `<CustomerQueryRq><ListID>${a.ListID}</ListID></CustomerQueryRq>`).body.CustomerRet[0].IsActive).toBe('false');
    const del = one(file, `<ListDelRq><ListDelType>Customer</ListDelType><ListID>${b.ListID}</ListID></ListDelRq>`);
    expect(del.body).toMatchObject({ ListDelType: 'Customer', ListID: b.ListID, FullName: 'B' });
    expect(file.get('Customer', String(b.ListID))).toBeUndefined();
  });

  it('queries: id and name lists (500 for the missing one), RefNumber, no match (1), FromModifiedDate, MaxReturned, ItemQuery', () => {
    const c = clock();
    const file = createCompanyFile({ now: c.now });
    const a = file.add('Customer', { Name: 'Alpha' });
    c.advance(3600);
    file.add('Customer', { Name: 'Beta' });
    file.add('Customer', { Name: 'Gamma' });
    file.add('ItemService', { Name: 'Labor' });
    file.add('ItemNonInventory', { Name: 'Mulch' });
    const byId = one(file, `<CustomerQueryRq><ListID>${a.ListID}</ListID><ListID>80000077-1</ListID></CustomerQueryRq>`);
    expect(byId.attrs).toMatchObject({ statusCode: '500', statusSeverity: 'Warn' });
    expect(byId.attrs.statusMessage).toContain('"80000077-1"');
    expect(byId.body.CustomerRet).toHaveLength(1);
    expect(one(file, '<CustomerQueryRq><FullName>gamma</FullName></CustomerQueryRq>').body.CustomerRet[0].Name).toBe('Gamma');
    expect(one(file, '<InvoiceQueryRq><RefNumber>none</RefNumber></InvoiceQueryRq>').attrs).toMatchObject({ statusCode: '1', statusSeverity: 'Info' });
    const since = one(file, '<CustomerQueryRq><FromModifiedDate>2026-03-01T12:30:00</FromModifiedDate></CustomerQueryRq>');
    expect(since.body.CustomerRet.map((r: any) => r.Name)).toEqual(['Beta', 'Gamma']);
    file.modify('Customer', String(a.ListID), { Phone: '1' });
    const txnStyle = one(file, '<CustomerQueryRq><FromModifiedDate>2026-03-01T13:00:00+00:00</FromModifiedDate><MaxReturned>2</MaxReturned></CustomerQueryRq>');
    expect(txnStyle.body.CustomerRet.map((r: any) => r.Name)).toEqual(['Alpha', 'Beta']);
    const items = one(file, '<ItemQueryRq requestID="i"/>');
    expect(items.name).toBe('ItemQueryRs');
    expect(items.body.ItemServiceRet[0].Name).toBe('Labor');
    expect(items.body.ItemNonInventoryRet[0].Name).toBe('Mulch');
    const only = one(file, '<CustomerQueryRq><FullName>Beta</FullName><IncludeRetElement>ListID</IncludeRetElement><IncludeRetElement>EditSequence</IncludeRetElement></CustomerQueryRq>');
    expect(Object.keys(only.body.CustomerRet[0])).toEqual(['ListID', 'EditSequence']);
  });

  it('transaction queries: ModifiedDateRangeFilter, TxnDateRangeFilter, EntityFilter, IncludeLineItems', () => {
    const c = clock();
    const file = createCompanyFile({ now: c.now });
    file.add('Customer', { Name: 'Acme' });
    file.add('Customer', { Name: 'Bolt' });
    file.add('ItemService', { Name: 'Labor' });
    file.add('Invoice', { CustomerRef: { FullName: 'Acme' }, TxnDate: '2026-01-05', InvoiceLineAdd: { ItemRef: { FullName: 'Labor' }, Amount: '1.00' } });
    c.advance(86400);
    file.add('Invoice', { CustomerRef: { FullName: 'Bolt' }, TxnDate: '2026-02-05', InvoiceLineAdd: { ItemRef: { FullName: 'Labor' }, Amount: '2.00' } });
    const mod = one(file, '<InvoiceQueryRq><ModifiedDateRangeFilter><FromModifiedDate>2026-03-02</FromModifiedDate></ModifiedDateRangeFilter><IncludeLineItems>true</IncludeLineItems></InvoiceQueryRq>');
    expect(mod.body.InvoiceRet).toHaveLength(1);
    expect(mod.body.InvoiceRet[0].InvoiceLineRet[0].Amount).toBe('2.00');
    expect(one(file, '<InvoiceQueryRq><TxnDateRangeFilter><ToTxnDate>2026-01-31</ToTxnDate></TxnDateRangeFilter></InvoiceQueryRq>').body.InvoiceRet[0].CustomerRef.FullName).toBe('Acme');
    expect(one(file, '<InvoiceQueryRq><EntityFilter><FullName>Bolt</FullName></EntityFilter></InvoiceQueryRq>').body.InvoiceRet[0].TxnDate).toBe('2026-02-05');
  });

  it('iterators: Start, Continue with iteratorID until iteratorRemainingCount is 0', () => {
    const file = createCompanyFile();
    for (let i = 0; i < 25; i++) file.add('Customer', { Name: `Customer ${String(i).padStart(2, '0')}` });
    const first = one(file, '<CustomerQueryRq requestID="1" iterator="Start"><MaxReturned>10</MaxReturned></CustomerQueryRq>');
    expect(first.attrs).toMatchObject({ statusCode: '0', iteratorRemainingCount: '15' });
    expect(first.attrs.iteratorID).toMatch(/^\{[0-9A-F-]+\}$/);
    const names: string[] = first.body.CustomerRet.map((r: any) => r.Name);
    let remaining = 15;
    while (remaining > 0) {
      const next = one(file, `<CustomerQueryRq requestID="2" iterator="Continue" iteratorID="${first.attrs.iteratorID}"><MaxReturned>10</MaxReturned></CustomerQueryRq>`);
      expect(next.attrs.iteratorID).toBe(first.attrs.iteratorID);
      remaining = Number(next.attrs.iteratorRemainingCount);
      names.push(...next.body.CustomerRet.map((r: any) => r.Name));
    }
    expect(names).toHaveLength(25);
    expect(new Set(names).size).toBe(25);
    // A finished (or foreign) iterator is gone.
    const gone = one(file, `<CustomerQueryRq iterator="Continue" iteratorID="${first.attrs.iteratorID}"><MaxReturned>10</MaxReturned></CustomerQueryRq>`);
    expect(gone.attrs.statusSeverity).toBe('Error');
    // Iterators last one QuickBooks session.
    const started = one(file, '<CustomerQueryRq iterator="Start"><MaxReturned>5</MaxReturned></CustomerQueryRq>');
    file.endSession();
    expect(one(file, `<CustomerQueryRq iterator="Continue" iteratorID="${started.attrs.iteratorID}"><MaxReturned>5</MaxReturned></CustomerQueryRq>`).attrs.statusCode).toBe('3120');
  });

  it('stopOnError: the first error stops the set and the rest answer 3231; continueOnError runs everything', () => {
    const body = addCustomer('Acme', 'a') + addCustomer('Acme', 'b') + addCustomer('Other', 'c');
    const stop = createCompanyFile();
    const rs = responses(stop.process(qbxml(body, 'stopOnError')));
    expect(rs.map((r) => [r.attrs.requestID, r.attrs.statusCode])).toEqual([['a', '0'], ['b', '3100'], ['c', '3231']]);
    expect(rs[2]!.attrs).toMatchObject({ statusSeverity: 'Error', statusMessage: 'The request has not been processed.' });
    expect(stop.list('Customer').map((c) => c.Name)).toEqual(['Acme']);
    const go = createCompanyFile();
    expect(responses(go.process(qbxml(body))).map((r) => r.attrs.statusCode)).toEqual(['0', '3100', '0']);
  });

  it('1060: a requestID longer than 50 characters is refused on its own', () => {
    const file = createCompanyFile();
    const rs = responses(file.process(qbxml(addCustomer('A', 'x'.repeat(51)) + addCustomer('B', 'ok'))));
    expect(rs.map((r) => r.attrs.statusCode)).toEqual(['1060', '0']);
    expect(file.list('Customer').map((c) => c.Name)).toEqual(['B']);
  });

  it('answers Host, Company and Preferences queries in the shapes the Web Connector forwards', () => {
    const file = createCompanyFile({ companyName: 'Green Lawn LLC', dataExt: { ownerId: '{OWNER}', fileId: '{FILE}' } });
    const [host, company, prefs] = responses(file.process(qbxml('<HostQueryRq requestID="1"/><CompanyQueryRq requestID="2"/><PreferencesQueryRq requestID="3"/>')));
    expect(host!.body.HostRet[0]).toMatchObject({ Country: 'US', QBFileMode: 'SingleUser' });
    expect(host!.body.HostRet[0].SupportedQBXMLVersion).toContain('13.0');
    expect(company!.body.CompanyRet[0].CompanyName).toBe('Green Lawn LLC');
    expect(company!.body.CompanyRet[0].DataExtRet[0]).toMatchObject({ OwnerID: '{OWNER}', DataExtName: 'FileID', DataExtValue: '{FILE}' });
    expect(prefs!.body.PreferencesRet[0].AccountingPreferences).toBeDefined();
  });

  it('escapes every value it writes back and never echoes markup', () => {
    const file = createCompanyFile();
    const rs = one(file, '<CustomerAddRq requestID="&lt;x&gt;"><CustomerAdd><Name>&lt;/Name&gt;&lt;Evil&gt;</Name><Notes>a &amp;amp; b</Notes></CustomerAdd></CustomerAddRq>');
    expect(rs.attrs.requestID).toBe('<x>');
    expect(rs.body.CustomerRet[0].Name).toBe('</Name><Evil>');
    expect(rs.body.CustomerRet[0].Notes).toBe('a &amp; b');
  });

  describe('request processor errors (HRESULT, no response text)', () => {
    const hresultOf = (xml: string) => {
      try { createCompanyFile().process(xml); } catch (e) { return (e as RequestProcessorError).hresult; }
      return 'no error';
    };
    it('0x80040400 for text that is not well-formed, an unknown request or a missing Add aggregate', () => {
      expect(hresultOf('<QBXML><QBXMLMsgsRq onError="stopOnError"><CustomerAddRq>')).toBe('0x80040400');
      expect(hresultOf(qbxml('<FrobnicateRq/>'))).toBe('0x80040400');
      expect(hresultOf(qbxml('<CustomerAddRq requestID="1"><Name>x</Name></CustomerAddRq>'))).toBe('0x80040400');
      expect(hresultOf('<NotQBXML/>')).toBe('0x80040400');
    });
    it('0x80040423 for a qbXML version newer than the file supports', () => {
      expect(hresultOf(qbxml('<HostQueryRq/>').replace('13.0', '16.0'))).toBe('0x80040423');
    });
    it('refuses a billion-laughs DTD and an external entity without expanding anything', () => {
      const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>'
        + '<QBXML><QBXMLMsgsRq onError="stopOnError"><CustomerAddRq><CustomerAdd><Name>&lol2;</Name></CustomerAdd></CustomerAddRq></QBXMLMsgsRq></QBXML>';
      expect(hresultOf(laughs)).toBe('0x80040400');
      const external = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><QBXML><QBXMLMsgsRq><CustomerQueryRq><FullName>&xxe;</FullName></CustomerQueryRq></QBXMLMsgsRq></QBXML>';
      expect(hresultOf(external)).toBe('0x80040400');
      // An undeclared entity reference stays inert text.
      const inert = createCompanyFile().process(qbxml('<CustomerAddRq><CustomerAdd><Name>&xxe;</Name></CustomerAdd></CustomerAddRq>'));
      expect(inert).toContain('<Name>&amp;xxe;</Name>');
    });
  });

  it('answers a captured request set (fixture) the way QuickBooks does', () => {
    const file = createCompanyFile();
    const fixture = readFileSync(new URL('../fixtures/qbxml/customer-invoice-request.xml', import.meta.url), 'utf8');
    const rs = responses(file.process(fixture));
    expect(rs.map((r) => `${r.name}:${r.attrs.statusCode}`)).toEqual(['CustomerAddRs:0', 'ItemServiceAddRs:0', 'InvoiceAddRs:0', 'CustomerQueryRs:0']);
  });
});
