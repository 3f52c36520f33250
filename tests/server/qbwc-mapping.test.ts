/**
 * The job app's records in qbXML and back: each Add built by qbxml-mapping.ts is processed by the
 * emulated QuickBooks Desktop company file (which checks element order and references like
 * QuickBooks), and its Ret maps back to the same record. References are QuickBooks ids here.
 */
import { describe, expect, it } from 'vitest';
import type { JobRecord, SyncedEntityType } from '../../lib/api/job-records.ts';
import { addRequest, modRequest, qbObjectFromRet, queryByKey, removeRequest } from '../../server/quickbooks/qbd/qbxml-mapping.ts';
import { buildXml, child, decodeEntities, el, parseXml, type XmlNode } from '../../server/quickbooks/qbd/xml.ts';
import { createCompanyFile } from '../../server/qbwc-sim/index.ts';

function roundTrip(file: ReturnType<typeof createCompanyFile>, request: XmlNode) {
  const text = buildXml(el('QBXML', [el('QBXMLMsgsRq', [request], { onError: 'continueOnError' })]), [{ name: 'qbxml', attrs: { version: '13.0' } }]);
  const rs = child(parseXml(file.process(text)), 'QBXMLMsgsRs')!.children![0]!;
  expect(rs.attrs, JSON.stringify(rs.attrs)).toMatchObject({ statusCode: '0', requestID: request.attrs!.requestID });
  const ret = rs.children!.find((c) => c.name.endsWith('Ret'));
  return ret ? qbObjectFromRet(ret) : null;
}

describe('qbXML mapping', () => {
  it('every entity type goes in as an Add and comes back as the same record, with ids and EditSequence', () => {
    const file = createCompanyFile({ companyName: 'Mapping Test' });
    const add = (entityType: SyncedEntityType, record: JobRecord) => {
      const obj = roundTrip(file, addRequest(entityType, record, `rq-${entityType}`))!;
      expect(obj.entityType).toBe(entityType);
      expect(obj.qbId).toMatch(/^[0-9A-F]+-\d+$/);
      expect(obj.syncToken).toMatch(/^\d+$/);
      expect(obj.record).toEqual(record);
      return obj.qbId;
    };
    const customer = add('Customer', {
      displayName: 'Hill & Dale <Estates>', companyName: 'Hill & Dale HOA', givenName: 'Ana', familyName: 'Ortiz', email: 'ana@example.com',
      phone: '555-0100', address: { line1: '1 Elm St', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
      notes: 'Gate code "4321"', active: true,
    });
    const vendor = add('Vendor', {
      displayName: 'Birch Supply', companyName: null, givenName: null, familyName: null, email: null, phone: null, address: null, notes: null, active: true,
    });
    const service = add('Item', { name: 'Mowing', kind: 'Service', description: 'Weekly mow', unitPrice: 45, active: true });
    const mulch = add('Item', { name: 'Mulch', kind: 'NonInventory', description: 'Per yard', unitPrice: 38.5, active: true });
    const invoice = add('Invoice', {
      customerId: customer, docNumber: 'L-1001', txnDate: '2026-03-01', dueDate: '2026-03-31', memo: 'Spring clean-up',
      lines: [
        { itemId: service, description: 'Weekly mow', quantity: 2, unitPrice: 45, amount: 90 },
        { itemId: mulch, description: null, quantity: 3, unitPrice: 38.5, amount: 115.5 },
      ],
    });
    add('Estimate', {
      customerId: customer, docNumber: 'E-7', txnDate: '2026-03-02', expirationDate: '2026-04-01', memo: null,
      lines: [{ itemId: service, description: 'Season', quantity: 20, unitPrice: 45, amount: 900 }],
    });
    add('Payment', {
      customerId: customer, txnDate: '2026-03-05', totalAmount: 90, appliedTo: [{ invoiceId: invoice, amount: 90 }], referenceNumber: 'CHK-55', memo: null,
    });
    add('Bill', {
      vendorId: vendor, docNumber: 'B-9', txnDate: '2026-03-03', dueDate: '2026-04-02', memo: 'Mulch order',
      lines: [{ itemId: mulch, description: 'Bulk mulch', quantity: 10, unitCost: 20, amount: 200 }],
    });
    add('PurchaseOrder', {
      vendorId: vendor, docNumber: 'PO-3', txnDate: '2026-03-03', memo: null,
      lines: [{ itemId: mulch, description: null, quantity: 5, unitCost: 20, amount: 100 }],
    });
  });

  it('a Mod names the id and EditSequence; list removal is IsActive false, transactions are deleted; look-ups by name', () => {
    const file = createCompanyFile({ companyName: 'Mapping Test' });
    const record = { displayName: 'Maple HOA', companyName: null, givenName: null, familyName: null, email: null, phone: null, address: null, notes: null, active: true };
    const created = roundTrip(file, addRequest('Customer', record, 'a'))!;
    const changed = { ...record, phone: '555-0101' };
    const modded = roundTrip(file, modRequest('Customer', changed, created.qbId, created.syncToken, 'b', ['phone']))!;
    expect(modded.record).toEqual(changed);
    expect(modded.syncToken).not.toBe(created.syncToken);
    const found = roundTrip(file, queryByKey('Customer', 'maple hoa', 'c'))!;
    expect(found.qbId).toBe(created.qbId);
    const item = roundTrip(file, addRequest('Item', { name: 'Mowing', kind: 'Service', description: null, unitPrice: 45, active: true }, 'e'))!;
    const inv = roundTrip(file, addRequest('Invoice', {
      customerId: created.qbId, docNumber: '9', txnDate: '2026-03-01', dueDate: null, memo: null,
      lines: [{ itemId: item.qbId, description: null, quantity: 1, unitPrice: 45, amount: 45 }],
    }, 'f'));
    const inactive = roundTrip(file, removeRequest('Customer', changed, created.qbId, modded.syncToken, 'd'))!;
    expect(inactive.active).toBe(false);
    roundTrip(file, removeRequest('Invoice', null, inv!.qbId, '', 'g'));
    expect(file.list('Invoice')).toHaveLength(0);
  });
});

describe('the XML toolkit', () => {
  it('decodes each predefined entity and character reference once, and leaves anything else as written', () => {
    expect(decodeEntities('a &lt;b&gt; &amp;amp; &#38;lt; &#x41; &quot;&apos;')).toBe('a <b> &amp; &lt; A "\'');
    expect(decodeEntities('&foo; & &; &#xZZ; &#0; &constructor;')).toBe('&foo; & &; &#xZZ; &#0; &constructor;');
  });

  it('escapes every value it writes, in text and attributes', () => {
    const text = buildXml(el('Name', 'A <b> & "c"', { requestID: '"><x' }));
    expect(text).toBe('<?xml version="1.0" encoding="utf-8"?><Name requestID="&quot;&gt;&lt;x">A &lt;b&gt; &amp; &quot;c&quot;</Name>');
    expect(parseXml(text)).toMatchObject({ name: 'Name', text: 'A <b> & "c"', attrs: { requestID: '"><x' } });
  });
});
