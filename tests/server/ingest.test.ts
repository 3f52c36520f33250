/** The ingestion API over HTTP: the job app's records become Export wizard items by the diff rules. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOB_RECORD_SCHEMAS, SYNCED_ENTITY_TYPES, canonicalJson, recordAmount, type SyncedEntityType } from '../../lib/api/job-records.ts';
import { RECORD_EXAMPLES } from '../../scripts/openapi.ts';
import { snapshot, startTestServer, type TestServer } from './helpers/server.ts';

let t: TestServer;
beforeEach(async () => { t = await startTestServer(); });
afterEach(async () => { await t.close(); });

const COMPANY = 'acme-qbo';
const recordPath = (type: string, localId: string) => `/companies/${COMPANY}/records/${type}/${localId}`;
const put = (type: string, localId: string, body: unknown, headers?: Record<string, string>) =>
  t.call('PUT', recordPath(type, localId), { body, headers });
const del = (type: string, localId: string) => t.call('DELETE', recordPath(type, localId));

async function exportItems() {
  const r = await t.get(`/companies/${COMPANY}/wizard?direction=export&limit=500`);
  expect(r.status).toBe(200);
  return r.json.items as { id: string; entityType: string; localId: string; qbId: string | null; change: string; changedFields: string[] | null; name: string; amount: number | null }[];
}
const itemFor = async (type: string, localId: string) => (await exportItems()).find((i) => i.entityType === type && i.localId === localId);

async function storedRow(type: string, localId: string) {
  return (await t.server.store.db.prepare('SELECT * FROM records WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .get(COMPANY, type, localId)) as Record<string, unknown> | undefined;
}

/**
 * The sync engine is built in parallel; until it is, "QuickBooks has this copy" is set up by writing
 * what the engine writes after a successful sync (qb_id, synced_copy, the item approved) straight
 * into the test database.
 */
async function markSynced(type: string, localId: string, qbId: string) {
  const db = t.server.store.db;
  await db.prepare('UPDATE records SET qb_id = ?, synced_copy = data WHERE company_id = ? AND entity_type = ? AND local_id = ?')
    .run(qbId, COMPANY, type, localId);
  await db.prepare("UPDATE wizard_items SET state = 'approved' WHERE company_id = ? AND entity_type = ? AND local_id = ? AND state = 'waiting'")
    .run(COMPANY, type, localId);
}

describe('PUT /companies/{id}/records/{entityType}/{localId}', () => {
  it.each(SYNCED_ENTITY_TYPES)('takes a %s, stores the canonical copy and lists a create in the Export wizard', async (type) => {
    const localId = `ex-${type.toLowerCase()}`;
    const record = RECORD_EXAMPLES[type];
    const r = await put(type, localId, { record, localUrl: `https://jobs.example.com/${localId}` });
    expect(r.status).toBe(201);
    expect(r.json.status).toBe('created');
    expect(r.json.wizardItem).toMatchObject({ direction: 'export', entityType: type, localId, change: 'create', changedFields: null, qbId: null });
    const listed = await itemFor(type, localId);
    expect(listed).toEqual(r.json.wizardItem);
    expect(listed!.amount).toBe(recordAmount(type, record));
    const row = (await storedRow(type, localId))!;
    expect(row.data).toBe(canonicalJson(record));
    expect(row).toMatchObject({ name: listed!.name, local_url: `https://jobs.example.com/${localId}`, refs: '[]', deleted_at: null, synced_copy: null });
  });

  it('names the record as people know it and keeps the display columns in step', async () => {
    await put('Invoice', 'inv-77', { record: RECORD_EXAMPLES.Invoice });
    expect((await storedRow('Invoice', 'inv-77'))).toMatchObject({ name: 'Invoice 1043', doc_number: '1043', txn_date: '2026-03-02', amount: 670 });
    await put('Payment', 'pay-1', { record: RECORD_EXAMPLES.Payment });
    expect((await storedRow('Payment', 'pay-1'))).toMatchObject({ name: 'Payment of 2026-03-10', amount: 670, doc_number: null });
  });

  it('the same record sent again changes nothing: no new item, same summary ETag, whatever the key order', async () => {
    await put('Customer', 'cust-40', { record: RECORD_EXAMPLES.Customer });
    const before = await snapshot(t, COMPANY);
    const etag = (await t.get('/summary')).headers.get('etag');
    // Same values, other key order, and the default `active: true` left out.
    const { active: _default, ...rest } = RECORD_EXAMPLES.Customer;
    const reordered = Object.fromEntries(Object.entries(rest).reverse());
    const again = await put('Customer', 'cust-40', { record: reordered });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ status: 'unchanged', wizardItem: null });
    expect(await snapshot(t, COMPANY)).toEqual(before);
    const revalidated = await t.get('/summary', { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
  });

  it('edits before the first sync keep one create item, refreshed', async () => {
    const first = await put('Item', 'item-stump', { record: RECORD_EXAMPLES.Item });
    const second = await put('Item', 'item-stump', { record: { ...RECORD_EXAMPLES.Item, unitPrice: 300 } });
    expect(second.status).toBe(200);
    expect(second.json.status).toBe('updated');
    expect(second.json.wizardItem).toMatchObject({ id: first.json.wizardItem.id, change: 'create', changedFields: null });
    expect((await exportItems()).filter((i) => i.localId === 'item-stump')).toHaveLength(1);
  });

  it('a synced record: an update naming the changed fields; back to the synced copy clears the item', async () => {
    await put('Customer', 'cust-41', { record: RECORD_EXAMPLES.Customer });
    await markSynced('Customer', 'cust-41', '141');
    expect(await itemFor('Customer', 'cust-41')).toBeUndefined();

    const phone = await put('Customer', 'cust-41', { record: { ...RECORD_EXAMPLES.Customer, phone: '555-0100' } });
    expect(phone.json.status).toBe('updated');
    expect(phone.json.wizardItem).toMatchObject({ change: 'update', changedFields: ['phone'], qbId: '141' });

    const address = { ...RECORD_EXAMPLES.Customer.address!, line2: 'Unit 4' };
    const both = await put('Customer', 'cust-41', { record: { ...RECORD_EXAMPLES.Customer, phone: '555-0100', address } });
    expect(both.json.wizardItem).toMatchObject({ id: phone.json.wizardItem.id, change: 'update', changedFields: ['phone', 'address'] });
    expect((await itemFor('Customer', 'cust-41'))!.changedFields).toEqual(['phone', 'address']);

    const undone = await put('Customer', 'cust-41', { record: RECORD_EXAMPLES.Customer });
    expect(undone.json).toEqual({ status: 'updated', wizardItem: null });
    expect(await itemFor('Customer', 'cust-41')).toBeUndefined();
    expect((await storedRow('Customer', 'cust-41'))!.data).toBe(canonicalJson(RECORD_EXAMPLES.Customer));
  });

  it('a record linked before copies were kept (no synced copy) is an update of every field', async () => {
    // cust-1 is linked to QuickBooks 101 in the fixture, with a waiting update item w2 (Phone).
    const r = await put('Customer', 'cust-1', { record: { displayName: 'Maple Street HOA', phone: '555-0111' } });
    expect(r.json.status).toBe('updated');
    expect(r.json.wizardItem).toMatchObject({ id: 'w2', change: 'update', qbId: '101' });
    expect(r.json.wizardItem.changedFields).toEqual(expect.arrayContaining(Object.keys(JOB_RECORD_SCHEMAS.Customer.entries)));
  });

  it('keeps the stored link when localUrl is left out, and replaces or removes it when given', async () => {
    await put('Vendor', 'vend-1', { record: RECORD_EXAMPLES.Vendor, localUrl: 'https://jobs.example.com/vendors/1' });
    await put('Vendor', 'vend-1', { record: { ...RECORD_EXAMPLES.Vendor, phone: '555-0000' } });
    expect((await storedRow('Vendor', 'vend-1'))!.local_url).toBe('https://jobs.example.com/vendors/1');
    // Only the link changed: nothing for QuickBooks, no change counted, but the new link is kept.
    const seq = (await t.server.store.changeState()).seq;
    const moved = await put('Vendor', 'vend-1', { record: { ...RECORD_EXAMPLES.Vendor, phone: '555-0000' }, localUrl: 'https://jobs.example.com/v/1' });
    expect(moved.json.status).toBe('unchanged');
    expect((await t.server.store.changeState()).seq).toBe(seq);
    expect((await storedRow('Vendor', 'vend-1'))!.local_url).toBe('https://jobs.example.com/v/1');
    await put('Vendor', 'vend-1', { record: RECORD_EXAMPLES.Vendor, localUrl: null });
    expect((await storedRow('Vendor', 'vend-1'))!.local_url).toBeNull();
  });

  it('a retried PUT with the same Idempotency-Key gets the first reply back', async () => {
    const headers = { 'idempotency-key': 'put-est-1' };
    const first = await put('Estimate', 'est-1', { record: RECORD_EXAMPLES.Estimate }, headers);
    const replay = await put('Estimate', 'est-1', { record: RECORD_EXAMPLES.Estimate }, headers);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
  });
});

describe('DELETE /companies/{id}/records/{entityType}/{localId}', () => {
  it('forgets a record QuickBooks never had, with its waiting item', async () => {
    await put('Estimate', 'est-9', { record: RECORD_EXAMPLES.Estimate });
    expect(await itemFor('Estimate', 'est-9')).toBeDefined();
    const r = await del('Estimate', 'est-9');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'forgotten', wizardItem: null });
    expect((await storedRow('Estimate', 'est-9'))).toBeUndefined();
    expect(await itemFor('Estimate', 'est-9')).toBeUndefined();
  });

  it('a linked record is kept as deleted with a delete item; deleting again or an unknown record is unchanged', async () => {
    await put('Bill', 'bill-5', { record: RECORD_EXAMPLES.Bill });
    await markSynced('Bill', 'bill-5', '505');
    const r = await del('Bill', 'bill-5');
    expect(r.json.status).toBe('deleted');
    expect(r.json.wizardItem).toMatchObject({ change: 'delete', qbId: '505', entityType: 'Bill', localId: 'bill-5', docNumber: 'B-5521', amount: 390 });
    expect(await itemFor('Bill', 'bill-5')).toEqual(r.json.wizardItem);
    expect((await storedRow('Bill', 'bill-5'))!.deleted_at).toBe(t.clock.now().toISOString());

    const seq = (await t.server.store.changeState()).seq;
    expect((await del('Bill', 'bill-5')).json).toEqual({ status: 'unchanged', wizardItem: null });
    expect((await del('Bill', 'no-such-bill')).json).toEqual({ status: 'unchanged', wizardItem: null });
    expect((await t.server.store.changeState()).seq).toBe(seq);
  });

  it('a PUT brings a deleted record back: restored, the delete item turns into the update it now is', async () => {
    await put('PurchaseOrder', 'po-77', { record: RECORD_EXAMPLES.PurchaseOrder });
    await markSynced('PurchaseOrder', 'po-77', '77');
    const deleted = await del('PurchaseOrder', 'po-77');
    const changed = { ...RECORD_EXAMPLES.PurchaseOrder, memo: 'Mulch for May' };
    const back = await put('PurchaseOrder', 'po-77', { record: changed });
    expect(back.status).toBe(200);
    expect(back.json.status).toBe('restored');
    expect(back.json.wizardItem).toMatchObject({ id: deleted.json.wizardItem.id, change: 'update', changedFields: ['memo'] });
    expect((await storedRow('PurchaseOrder', 'po-77'))!.deleted_at).toBeNull();

    // Deleted and restored exactly as QuickBooks has it: nothing left to send.
    await del('PurchaseOrder', 'po-77');
    const same = await put('PurchaseOrder', 'po-77', { record: RECORD_EXAMPLES.PurchaseOrder });
    expect(same.json).toEqual({ status: 'restored', wizardItem: null });
    expect(await itemFor('PurchaseOrder', 'po-77')).toBeUndefined();
  });

  it('takes no body but nothing, {} or null', async () => {
    expect((await t.call('DELETE', recordPath('Bill', 'b1'), { raw: '{}' })).status).toBe(200);
    expect((await t.call('DELETE', recordPath('Bill', 'b1'), { raw: 'null' })).status).toBe(200);
    const r = await t.call('DELETE', recordPath('Bill', 'b1'), { body: { force: true } });
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([expect.objectContaining({ path: 'force' })]);
  });
});

describe('refusals write nothing', () => {
  it('an entity type the server does not sync → 404 unknown-entity-type listing the supported ones', async () => {
    const r = await put('TimeActivity', 'ta-1', { record: { hours: 2 } });
    expect(r.status).toBe(404);
    expect(r.json.code).toBe('unknown-entity-type');
    for (const type of SYNCED_ENTITY_TYPES) expect(r.json.detail).toContain(type);
    expect((await del('Widget', 'w-1')).json.code).toBe('unknown-entity-type');
  });

  it('a bad record id → 400 naming localId; an unknown company → 404', async () => {
    const r = await put('Customer', 'has%20space', { record: RECORD_EXAMPLES.Customer });
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([expect.objectContaining({ path: 'localId' })]);
    expect((await put('Customer', 'x'.repeat(65), { record: RECORD_EXAMPLES.Customer })).status).toBe(400);
    const company = await t.call('PUT', '/companies/nope/records/Customer/c1', { body: { record: RECORD_EXAMPLES.Customer } });
    expect(company.status).toBe(404);
    expect(company.json.code).toBe('not-found');
  });

  it('a record that breaks its shape → 422 with the path of each bad field', async () => {
    const before = await snapshot(t, COMPANY);
    const bad = {
      ...RECORD_EXAMPLES.Invoice,
      txnDate: '2026-02-31x',
      lines: [{ itemId: 'item-1', amount: 'ten' }, { itemId: 'bad id', amount: 5 }],
      discount: 5,
    };
    const r = await put('Invoice', 'inv-bad', { record: bad, localUrl: 'javascript:alert(1)' });
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('validation-failed');
    const paths = (r.json.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['record.txnDate', 'record.lines[0].amount', 'record.lines[1].itemId', 'record.discount', 'localUrl']));
    expect(r.json.detail).toContain('record.');
    // A Customer's shape is not an Invoice's.
    const wrongType = await put('Invoice', 'inv-bad', { record: RECORD_EXAMPLES.Customer });
    expect(wrongType.status).toBe(422);
    expect(await put('Customer', 'c-empty', { record: { displayName: '   ' } })).toMatchObject({ status: 422 });
    expect(await put('Customer', 'c-none', {})).toMatchObject({ status: 422 });
    expect(await snapshot(t, COMPANY)).toEqual(before);
    expect((await storedRow('Invoice', 'inv-bad'))).toBeUndefined();
  });

  it('malformed JSON → 400 invalid-json; a body over 2 MB → 413', async () => {
    const before = await snapshot(t, COMPANY);
    const broken = await t.call('PUT', recordPath('Customer', 'c1'), { raw: '{"record": {"displayName": "A"' });
    expect(broken.status).toBe(400);
    expect(broken.json.code).toBe('invalid-json');
    const huge = { record: { ...RECORD_EXAMPLES.Customer, notes: 'x'.repeat(2 * 1024 * 1024) } };
    const tooBig = await put('Customer', 'c1', huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.code).toBe('payload-too-large');
    expect(await snapshot(t, COMPANY)).toEqual(before);
  });
});

describe('every example in the docs is a valid record', () => {
  it.each(SYNCED_ENTITY_TYPES)('%s', async (type: SyncedEntityType) => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/sync-api.md', import.meta.url), 'utf8');
    // Each entity type's example sits under a "#### <Type>" heading in the ingestion section.
    const section = doc.split(`#### ${type}\n`)[1]?.split('\n#### ')[0];
    expect(section, `docs/sync-api.md has an example for ${type}`).toBeDefined();
    const json = /```json\n([\s\S]*?)\n```/.exec(section!)?.[1];
    expect(json).toBeDefined();
    const body = JSON.parse(json!) as { record: unknown };
    const r = await put(type, 'doc-example', body);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  });
});
