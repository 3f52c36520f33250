/**
 * QuickBooks Online over the wire (issue 10's bars): 1,000 approved invoices reaching the emulator
 * within its limits and in few requests; a webhook turning into a listed Import item; ingesting
 * 1,000 records in one batch on the demo database.
 */
import { startQboWorld, COMPANY, REALM } from '../tests/server/helpers/qbo-world';
import { startTestServer } from '../tests/server/helpers/server';
import type { BenchRow } from './run';

const INVOICES = 1000;

export async function benchQboOnline(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The emulator's default limits (500 a minute, 10 at once) with a little latency, so a connector
  // that ignored the concurrency limit would be caught.
  const w = await startQboWorld({ emulator: { latencyMs: 20 } });
  try {
    if ((await w.connect()).status !== 200) throw new Error('connecting the company failed');
    const today = new Date().toISOString().slice(0, 10);
    const customers = Array.from({ length: 50 }, (_, i) => ({ op: 'put', entityType: 'Customer', localId: `c-${i}`, record: { displayName: `Bench Customer ${i}` } }));
    const items = Array.from({ length: 10 }, (_, i) => ({ op: 'put', entityType: 'Item', localId: `i-${i}`, record: { name: `Bench Service ${i}`, unitPrice: 100 + i } }));
    const invoices = Array.from({ length: INVOICES }, (_, i) => ({
      op: 'put', entityType: 'Invoice', localId: `inv-${i}`,
      record: { customerId: `c-${i % 50}`, docNumber: String(10_000 + i), txnDate: today, lines: [
        { itemId: `i-${i % 10}`, quantity: 1, unitPrice: 100 + (i % 10), amount: 100 + (i % 10) },
        { itemId: `i-${(i + 3) % 10}`, description: 'Second visit', quantity: 2, unitPrice: 50, amount: 100 },
      ] },
    }));

    // Ingesting 1,000 records in one batch (the invoices; lists go first in their own batch).
    if ((await w.api('POST', `/companies/${COMPANY}/records/batch`, { items: [...customers, ...items] })).status !== 200) throw new Error('ingesting lists failed');
    const ingested = await w.api('POST', `/companies/${COMPANY}/records/batch`, { items: invoices });
    if (ingested.status !== 200) throw new Error(`ingest failed: ${ingested.status} ${ingested.text.slice(0, 200)}`);
    rows.push(await benchIngestOnDemoDatabase(customers, items, invoices));

    // Lists first (their own run), then count only the invoices' requests.
    await approveDirection(w, 'export', (i) => i.entityType !== 'Invoice');
    await w.run();
    await w.admin('DELETE', '/requests');
    await approveDirection(w, 'export', () => true);
    const t1 = performance.now();
    const run = (await w.run()).json;
    const runMs = performance.now() - t1;
    const log = (await w.admin('GET', '/requests')).json;
    const requests = log.requests as { path: string; status: number; inFlightPeak: number }[];
    const v3 = requests.filter((r) => r.path.includes('/v3/'));
    const throttled = v3.filter((r) => r.status === 429).length;
    const peak = Math.max(0, ...v3.map((r) => r.inFlightPeak ?? 0));
    const held = ((await w.admin('GET', `/realms/${REALM}/invoice`)).json as unknown[] | { items: unknown[] });
    const heldCount = Array.isArray(held) ? held.length : held.items.length;
    rows.push({
      name: `${INVOICES} approved invoices sent to the QuickBooks Online emulator (${run.succeeded} succeeded, ${heldCount} held, ${(runMs / 1000).toFixed(1)} s)`,
      value: `${v3.length} requests, at most ${peak} at once, ${throttled} throttled`, target: '≤ 40 requests, ≤ 10 at once, all within limits',
      pass: v3.length <= 40 && peak <= 10 && throttled === 0 && run.succeeded === INVOICES && heldCount === INVOICES,
    });

    // Webhook received → Import item listed.
    const timings: number[] = [];
    for (let i = 0; i < 7; i++) {
      const invoiceId = await qbIdOf(w, `inv-${i}`, String(10_000 + i));
      const before = await importCount(w);
      const t = performance.now();
      await w.admin('PATCH', `/realms/${REALM}/invoice/${invoiceId}`, { PrivateNote: `Changed in QuickBooks ${i}` });
      while ((await importCount(w)) === before) {
        if (performance.now() - t > 5000) throw new Error('no Import item within 5 s of the webhook');
        await new Promise((r) => setTimeout(r, 5));
      }
      timings.push(performance.now() - t);
    }
    const median = timings.sort((a, b) => a - b)[Math.floor(timings.length / 2)]!;
    rows.push({ key: 'webhook-to-import', figure: { value: median, unit: 'ms' }, name: 'Change in QuickBooks → webhook → Import item listed (median of 7, polling every 5 ms)', value: `${median.toFixed(0)} ms`, target: '≤ 1000 ms', pass: median <= 1000 });
  } finally {
    await w.close();
  }
  return rows;
}

/** The job app's batch on the demo database (its 100,000-row-scale tables), HTTP round trip included; median of 5 fresh batches. */
async function benchIngestOnDemoDatabase(customers: unknown[], items: unknown[], invoices: { localId: string; record: object }[]): Promise<BenchRow> {
  const t = await startTestServer({ seed: 'demo' });
  try {
    const company = 'evergreen';
    await t.post(`/companies/${company}/records/batch`, { items: [...customers, ...items] });
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const batch = invoices.map((i) => ({ ...i, localId: `${i.localId}-r${round}` }));
      const t0 = performance.now();
      const r = await t.post(`/companies/${company}/records/batch`, { items: batch });
      times.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`ingest failed: ${r.status} ${r.text.slice(0, 200)}`);
    }
    const median = times.sort((a, b) => a - b)[2]!;
    return { key: 'ingest-batch', figure: { value: median, unit: 'ms' }, name: `Ingest ${invoices.length} invoices in one batch on the demo database (HTTP round trip included, median of 5)`, value: `${median.toFixed(0)} ms`, target: '≤ 500 ms', pass: median <= 500 };
  } finally {
    await t.close();
  }
}

async function approveDirection(w: Awaited<ReturnType<typeof startQboWorld>>, direction: 'export' | 'import', pick: (i: { entityType: string }) => boolean) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: { id: string; entityType: string }[]; nextCursor: string | null } } =
      await w.api('GET', `/companies/${COMPANY}/wizard?direction=${direction}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.json.items.filter(pick).map((i) => i.id));
    cursor = page.json.nextCursor;
  } while (cursor);
  await w.api('POST', `/companies/${COMPANY}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
}

async function importCount(w: Awaited<ReturnType<typeof startQboWorld>>): Promise<number> {
  return (await w.api('GET', `/companies/${COMPANY}/summary`)).json.pendingApprovals.import;
}

async function qbIdOf(w: Awaited<ReturnType<typeof startQboWorld>>, localId: string, docNumber: string): Promise<string> {
  const log = await w.api('GET', `/companies/${COMPANY}/log?status=success&q=${docNumber}&entityType=Invoice`);
  const entry = (log.json.items as { localId: string; qbId: string }[]).find((e) => e.localId === localId);
  if (entry) return entry.qbId;
  throw new Error(`no synced invoice ${localId}`);
}
