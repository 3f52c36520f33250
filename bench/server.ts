/**
 * Server benchmark: summary latency on a large database, a 2,000-item approval, the idle poll
 * (correctness, then throughput and p99 under 1, 10 and 100 concurrent clients beside a trivial
 * request measured the same way), and what durable commits (synchronous=FULL) cost on a file
 * database.
 * Standalone: npx tsx bench/server.ts (or npx tsx bench/run.ts server)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/app.ts';
import { SqliteDatabase } from '../server/db/sqlite-database.ts';
import { bulkGenerate } from '../server/seed/bulk.ts';
import { registerChange } from '../server/store/wizard.ts';

import { LOAD_MS, loadTest as load, type LoadResult } from './http-load.ts';
import { median, percentile, times, type BenchRow } from './report.ts';

export type { BenchRow } from './report.ts';

const TOKEN = 'bench-token';
const APPROVE_ROUNDS = 7;
const FIXTURE = fileURLToPath(new URL('../tests/fixtures/small.json', import.meta.url));

export async function benchServer(): Promise<BenchRow[]> {
  return [...await benchLargeDatabase(), ...await benchIdlePollLoad(), ...await benchDurableWrites()];
}

async function benchLargeDatabase(): Promise<BenchRow[]> {
  const server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: FIXTURE });
  const headers = { authorization: `Bearer ${TOKEN}` };
  try {
    const { wizardIds } = await bulkGenerate(server.store, { companyId: 'acme-qbo', logEntries: 100_000, unsynced: 10_000, wizardItems: 2_000 });
    const rows: BenchRow[] = [];

    // Warm up the connection and SQLite's page cache, then measure.
    for (let i = 0; i < 10; i++) await (await fetch(`${server.url}/api/v1/summary`, { headers })).arrayBuffer();
    // Interleaved with the trivial request measured the same way (one connection, one at a time).
    const timed = async (path: string, h: Record<string, string>) => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: h });
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    const summaryTimes: number[] = [];
    const healthTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      healthTimes.push(await timed('/api/v1/health', {}));
      summaryTimes.push(await timed('/api/v1/summary', headers));
    }
    const summaryMs = median(summaryTimes);
    const healthMs = median(healthTimes);
    rows.push({ key: 'summary', name: 'GET /summary (100k log, 10k unsynced; median of 200, one request at a time)', value: `${summaryMs.toFixed(2)} ms`,
      baseline: `GET /api/v1/health, same way, interleaved: ${healthMs.toFixed(2)} ms`, ratio: summaryMs / healthMs, figure: { value: summaryMs / healthMs, unit: '×' },
      target: '≤ 5 ms (absolute, from issue 2)', pass: summaryMs <= 5 });

    // Each round approves 2,000 items the round before did not touch (new records), so every
    // round does the same work on a log that grows by 2,000 a round.
    const approveOnce = async (ids: string[]) => {
      const body = JSON.stringify({ reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
      const t0 = performance.now();
      const approve = await fetch(`${server.url}/api/v1/companies/acme-qbo/wizard/approve`, {
        method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body,
      });
      const result = (await approve.json()) as { approved?: number };
      return { ms: performance.now() - t0, ok: approve.status === 200 && result.approved === ids.length };
    };
    const approvals = [await approveOnce(wizardIds)];
    for (let round = 1; round < APPROVE_ROUNDS; round++) {
      const fresh = await bulkGenerate(server.store, { companyId: 'acme-qbo', wizardItems: 2_000, wizardLocalIdPrefix: `bulk-wizard-r${round}` });
      approvals.push(await approveOnce(fresh.wizardIds));
    }
    const approveMs = median(approvals.map((a) => a.ms));
    const allApproved = approvals.every((a) => a.ok);
    rows.push({ key: 'approve-2000', figure: { value: approveMs, unit: 'ms' },
      name: `Approve 2,000 items in one request (a 100k log growing by 2,000 a round; median of ${APPROVE_ROUNDS} rounds, each on 2,000 new items)`,
      value: `${approveMs.toFixed(1)} ms (${allApproved ? 'all' : 'not all'} approved)`,
      target: '≤ 200 ms', pass: allApproved && approveMs <= 200 });

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

const LOAD_CLIENTS = [1, 10, 100];
const LOAD_ROUNDS = 5;
/**
 * Idle-poll throughput: `GET /summary` with the current ETag (answered 304) on the 100,000-row
 * database, beside `GET /health` (a trivial 200) measured the same way, interleaved, at 1, 10 and
 * 100 concurrent clients. The server runs in its own process so the load generator does not share
 * its thread. Medians of LOAD_ROUNDS rounds.
 */
export async function benchIdlePollLoad(): Promise<BenchRow[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server-load-child.ts', import.meta.url)), TOKEN], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.on('exit', (code) => reject(new Error(`the load-test server exited (${code})`)));
    });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const first = await fetch(`${url}/api/v1/summary`, { headers: auth });
    await first.arrayBuffer();
    const poll = { ...auth, 'if-none-match': first.headers.get('etag') ?? '' };
    const rows: BenchRow[] = [];
    for (const clients of LOAD_CLIENTS) {
      const polls: LoadResult[] = [];
      const health: LoadResult[] = [];
      for (let round = 0; round < LOAD_ROUNDS; round++) {
        health.push(await load(`${url}/api/v1/health`, {}, 200, clients));
        polls.push(await load(`${url}/api/v1/summary`, poll, 304, clients));
      }
      const rps = median(polls.map((r) => r.perSecond));
      const p99 = median(polls.map((r) => r.p99));
      const baseRps = median(health.map((r) => r.perSecond));
      const baseP99 = median(health.map((r) => r.p99));
      const wrong = [...polls, ...health].reduce((n, r) => n + r.wrongStatus, 0);
      // As a cost: how many trivial requests one idle poll is worth (time per request, inverse throughput).
      const ratio = baseRps / rps;
      rows.push({
        key: `idle-poll-${clients}`,
        name: `Idle poll (304) throughput at ${clients} concurrent client${clients > 1 ? 's' : ''}, keep-alive (median of ${LOAD_ROUNDS} × ${LOAD_MS / 1000} s; ` +
          `ratio = time per request against the baseline's; ${wrong} answer(s) with another status)`,
        value: `${Math.round(rps).toLocaleString('en-US')} requests/s, p99 ${p99.toFixed(2)} ms (p99 ${times(p99 / baseP99)} the baseline's)`,
        baseline: `GET /api/v1/health, same clients, interleaved: ${Math.round(baseRps).toLocaleString('en-US')} requests/s, p99 ${baseP99.toFixed(2)} ms`,
        ratio,
        figure: { value: ratio, unit: '×' },
        target: 'reported (no bar); every answer 304 / 200',
        pass: wrong === 0,
      });
    }
    return rows;
  } finally {
    child.kill('SIGTERM');
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
    if (!(server.store.db instanceof SqliteDatabase)) throw new Error('the durable-write benchmark needs a SQLite file database');
    const db = server.store.db.raw;
    const ids: string[] = [];
    for (let i = 0; i < count * 2 + 10; i++) {
      ids.push((await registerChange(server.store, {
        companyId: 'acme-qbo', direction: 'export', entityType: 'Customer', localId: `durable-${i}`, name: `Client ${i}`, change: 'create',
      })).id);
    }
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
    const p95 = (xs: number[]) => percentile(xs, 95);
    const f = median(full);
    const n = median(normal);
    return [
      { key: 'approve-one-full', name: `Acknowledged one-item approval on a file database, synchronous=FULL (median of ${count}; p95 ${p95(full).toFixed(2)} ms)`,
        value: `${f.toFixed(2)} ms (FULL costs ${(f - n).toFixed(2)} ms more per write)`, baseline: `the same with synchronous=NORMAL (not durable on power loss), interleaved: ${n.toFixed(2)} ms (p95 ${p95(normal).toFixed(2)} ms)`,
        ratio: f / n, figure: { value: f / n, unit: '×' }, target: 'for reference', pass: true },
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
