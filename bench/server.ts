/**
 * Server benchmark: summary latency on a large database, a 2,000-item approval, the idle poll, and
 * what durable commits (synchronous=FULL) cost on a file database.
 * Standalone: npx tsx bench/server.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/app.ts';
import { bulkGenerate } from '../server/seed/bulk.ts';
import { registerChange } from '../server/store/wizard.ts';

export interface BenchRow { name: string; value: string; target: string; pass: boolean }

const TOKEN = 'bench-token';
const FIXTURE = fileURLToPath(new URL('../tests/fixtures/small.json', import.meta.url));

export async function benchServer(): Promise<BenchRow[]> {
  return [...await benchLargeDatabase(), ...await benchDurableWrites()];
}

async function benchLargeDatabase(): Promise<BenchRow[]> {
  const server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: FIXTURE });
  const headers = { authorization: `Bearer ${TOKEN}` };
  try {
    const { wizardIds } = bulkGenerate(server.store, { companyId: 'acme-qbo', logEntries: 100_000, unsynced: 10_000, wizardItems: 2_000 });
    const rows: BenchRow[] = [];

    // Warm up the connection and SQLite's page cache, then measure.
    for (let i = 0; i < 10; i++) await (await fetch(`${server.url}/api/v1/summary`, { headers })).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/v1/summary`, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    rows.push({ name: 'GET /summary median (100k log, 10k unsynced, 200 requests)', value: `${median.toFixed(2)} ms`, target: '≤ 5 ms', pass: median <= 5 });

    const body = JSON.stringify({ reviewedIds: wizardIds, approveIds: wizardIds, unchecked: 'keep' });
    const t0 = performance.now();
    const approve = await fetch(`${server.url}/api/v1/companies/acme-qbo/wizard/approve`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body,
    });
    const result = (await approve.json()) as { approved?: number };
    const approveMs = performance.now() - t0;
    rows.push({ name: 'Approve 2,000 items in one request (100k log)', value: `${approveMs.toFixed(1)} ms (${result.approved ?? 0} approved)`,
      target: '≤ 200 ms', pass: approve.status === 200 && result.approved === 2000 && approveMs <= 200 });

    const first = await fetch(`${server.url}/api/v1/summary`, { headers });
    await first.arrayBuffer();
    const idle = await fetch(`${server.url}/api/v1/summary`, { headers: { ...headers, 'if-none-match': first.headers.get('etag') ?? '' } });
    const idleBody = await idle.text();
    rows.push({ name: 'Idle poll with If-None-Match', value: `${idle.status}, ${idleBody.length} bytes`, target: '304, 0 bytes',
      pass: idle.status === 304 && idleBody.length === 0 });
    return rows;
  } finally {
    await server.close();
  }
}

/**
 * One-item approvals over HTTP on a file database, alternating synchronous=FULL (what the server
 * uses: the WAL is synced at every commit, so an acknowledged write survives a power loss) and
 * NORMAL (survives a killed process only), so both see the same disk and the same database size.
 */
export async function benchDurableWrites(count = 200): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'synclens-bench-'));
  const server = await startServer({ port: 0, db: join(dir, 'bench.db'), token: TOKEN, seed: FIXTURE });
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  try {
    const db = server.store.db;
    const ids = Array.from({ length: count * 2 + 10 }, (_, i) => registerChange(server.store, {
      companyId: 'acme-qbo', direction: 'export', entityType: 'Customer', localId: `durable-${i}`, name: `Client ${i}`, change: 'create',
    }).id);
    const approveOne = async (id: string) => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/v1/companies/acme-qbo/wizard/approve`, {
        method: 'POST', headers: { ...headers, 'idempotency-key': `bench-${id}` },
        body: JSON.stringify({ reviewedIds: [id], approveIds: [id], unchecked: 'keep' }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`approve answered ${res.status}`);
      return performance.now() - t0;
    };
    for (const id of ids.slice(0, 10)) await approveOne(id); // warm-up
    const full: number[] = [];
    const normal: number[] = [];
    for (let i = 0; i < count; i++) {
      db.pragma('synchronous = FULL');
      full.push(await approveOne(ids[10 + 2 * i]!));
      db.pragma('synchronous = NORMAL');
      normal.push(await approveOne(ids[11 + 2 * i]!));
    }
    db.pragma('synchronous = FULL');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
    const f = median(full);
    const n = median(normal);
    return [
      { name: `Acknowledged one-item approval on a file database, synchronous=FULL (median of ${count}; p95 ${p95(full).toFixed(2)} ms)`,
        value: `${f.toFixed(2)} ms`, target: 'for reference', pass: true },
      { name: `Same with synchronous=NORMAL, not durable on power loss (median of ${count}; p95 ${p95(normal).toFixed(2)} ms)`,
        value: `${n.toFixed(2)} ms (FULL costs ${(f - n).toFixed(2)} ms more per write)`, target: 'for reference', pass: true },
    ];
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchServer();
  for (const r of rows) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.value} (target ${r.target})`);
  process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
}
