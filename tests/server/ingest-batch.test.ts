/** POST /companies/{id}/records/batch: checked as a whole, applied in order in one transaction, fast. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceRecord } from '../../lib/api/job-records.ts';
import { RECORD_EXAMPLES } from '../../scripts/openapi.ts';
import { snapshot, startTestServer, type TestServer } from './helpers/server.ts';

const invoice = (n: number, lines = 3, description = 'Pruning and cleanup'): InvoiceRecord => ({
  customerId: `cust-${n % 50}`, docNumber: `B${n}`, txnDate: '2026-03-02', memo: `Job ${n}`, dueDate: null,
  lines: Array.from({ length: lines }, (_, i) => ({ itemId: `item-${i}`, description, quantity: 1 + i, unitPrice: 40, amount: 40 * (1 + i) })),
});
const putInvoice = (n: number, record = invoice(n)) => ({ op: 'put', entityType: 'Invoice', localId: `inv-${n}`, record });

describe('batch on the small fixture', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(); });
  afterAll(async () => { await t.close(); });
  const batch = (items: unknown[], headers?: Record<string, string>) => t.post('/companies/acme-qbo/records/batch', { items }, headers);

  it('applies puts and deletes in order, the same record twice included, with a result per item and counts', async () => {
    const r = await batch([
      { op: 'put', entityType: 'Customer', localId: 'c-1', record: RECORD_EXAMPLES.Customer },
      { op: 'put', entityType: 'Customer', localId: 'c-1', record: { ...RECORD_EXAMPLES.Customer, phone: '555-0001' } },
      { op: 'put', entityType: 'Item', localId: 'i-1', record: RECORD_EXAMPLES.Item, localUrl: 'https://jobs.example.com/items/1' },
      { op: 'delete', entityType: 'Item', localId: 'i-1' },
      { op: 'put', entityType: 'Customer', localId: 'c-1', record: { ...RECORD_EXAMPLES.Customer, phone: '555-0001' } },
      { op: 'delete', entityType: 'Bill', localId: 'never-sent' },
    ]);
    expect(r.status).toBe(200);
    const wizardId = r.json.results[0].wizardItemId;
    expect(wizardId).toMatch(/^wz-/);
    expect(r.json.results).toEqual([
      { status: 'created', wizardItemId: wizardId },
      { status: 'updated', wizardItemId: wizardId },
      { status: 'created', wizardItemId: expect.stringMatching(/^wz-/) },
      { status: 'forgotten', wizardItemId: null },
      { status: 'unchanged', wizardItemId: null },
      { status: 'unchanged', wizardItemId: null },
    ]);
    expect(r.json).toMatchObject({ created: 2, updated: 1, unchanged: 2, deleted: 0, forgotten: 1, restored: 0 });
    const items = (await t.get('/companies/acme-qbo/wizard?direction=export')).json.items as { id: string; localId: string }[];
    expect(items.filter((i) => i.localId === 'c-1').map((i) => i.id)).toEqual([wizardId]);
    expect(items.some((i) => i.localId === 'i-1')).toBe(false);
  });

  it('one bad item refuses the whole batch with its path, and nothing is written', async () => {
    const before = await snapshot(t, 'acme-qbo');
    const bad = { ...invoice(3), lines: [{ itemId: 'item-1', amount: 'lots' }] };
    const r = await batch([putInvoice(1), putInvoice(2), putInvoice(3, bad as never), putInvoice(4)]);
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('validation-failed');
    expect(r.json.errors).toEqual([{ path: 'items[2].record.lines[0].amount', message: expect.any(String) }]);
    expect(r.json.detail).toContain('items[2].record.lines[0].amount');
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('refuses an unknown op or entity type, an empty batch and more than 1,000 items', async () => {
    const before = await snapshot(t, 'acme-qbo');
    const r = await batch([
      { op: 'upsert', entityType: 'Invoice', localId: 'x', record: {} },
      { op: 'put', entityType: 'TimeActivity', localId: 'x', record: {} },
      { op: 'delete', entityType: 'Invoice', localId: 'bad id' },
    ]);
    expect(r.status).toBe(422);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['items[0].op', 'items[1].entityType', 'items[2].localId']);
    expect((await batch([])).json.errors).toEqual([expect.objectContaining({ path: 'items' })]);
    const tooMany = await batch(Array.from({ length: 1001 }, (_, i) => ({ op: 'delete', entityType: 'Invoice', localId: `inv-${i}` })));
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.errors).toEqual([{ path: 'items', message: expect.stringContaining('at most 1000') }]);
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('many bad items: the reply lists the first 50 and says how many there were', async () => {
    const bad = Array.from({ length: 80 }, (_, i) => putInvoice(i, { ...invoice(i), txnDate: 'soon' }));
    const r = await batch(bad);
    expect(r.status).toBe(422);
    expect(r.json.errors).toHaveLength(50);
    expect(r.json.detail).toMatch(/and 75 more.*first 50/);
  });

  it('malformed JSON → 400 invalid-json', async () => {
    const r = await t.call('POST', '/companies/acme-qbo/records/batch', { raw: '{"items": [' });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('invalid-json');
  });

  it('a retried batch with the same Idempotency-Key returns the first reply and is not applied twice', async () => {
    const items = [putInvoice(500), { op: 'delete', entityType: 'Invoice', localId: 'inv-500' }, putInvoice(500)];
    const first = await batch(items, { 'idempotency-key': 'batch-500' });
    expect(first.json.results.map((x: { status: string }) => x.status)).toEqual(['created', 'forgotten', 'created']);
    const seq = (await t.server.store.changeState()).seq;
    const replay = await batch(items, { 'idempotency-key': 'batch-500' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
    expect((await t.server.store.changeState()).seq).toBe(seq);
  });
});

describe('batch on the demo database', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer({ seed: 'demo' }); });
  afterAll(async () => { await t.close(); });

  // How fast is measured by `npm run bench` (docs/benchmarks.md), not here.
  it('1,000 invoices in one request; sending them again changes nothing', async () => {
    const items = Array.from({ length: 1000 }, (_, n) => putInvoice(n));
    const r = await t.post('/companies/evergreen/records/batch', { items });
    expect(r.status).toBe(200);
    expect(r.json.created).toBe(1000);
    const listed = (await t.get('/companies/evergreen/summary')).json.pendingApprovals.export;
    expect(listed).toBeGreaterThanOrEqual(1000);

    const etag = (await t.get('/summary')).headers.get('etag');
    const again = await t.post('/companies/evergreen/records/batch', { items });
    expect(again.json.unchanged).toBe(1000);
    expect((await t.get('/summary', { 'if-none-match': etag! })).status).toBe(304);
  });

  it('takes bodies past 2 MB on the batch route (up to 8 MB), and refuses more with 413', async () => {
    // 1,000 invoices with long line descriptions: about 3.5 MB.
    const long = 'Remove the storm-damaged limbs over the driveway, grind the stump and haul everything away. '.repeat(12);
    const items = Array.from({ length: 1000 }, (_, n) => putInvoice(10_000 + n, invoice(n, 3, long.slice(0, 1000))));
    const body = JSON.stringify({ items });
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(body.length).toBeLessThan(8 * 1024 * 1024);
    const ok = await t.call('POST', '/companies/evergreen/records/batch', { raw: body });
    expect(ok.status).toBe(200);
    expect(ok.json.created).toBe(1000);

    const before = (await t.server.store.changeState()).seq;
    const tooBig = await t.call('POST', '/companies/evergreen/records/batch', { raw: `{"items":[],"pad":"${'x'.repeat(8 * 1024 * 1024)}"}` });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.code).toBe('payload-too-large');
    expect((await t.server.store.changeState()).seq).toBe(before);
  });
});
