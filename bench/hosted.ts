/**
 * A hosted service's scale (issue 12): 1,000 companies and 1,000,000 log entries. Idle polls
 * (`GET /summary` answered 304) against one SQLite instance and against two instances sharing one
 * PostgreSQL database, side by side in one run, each server in a process of its own; and the
 * median of a full `GET /summary` on PostgreSQL at that size. PostgreSQL is a throwaway cluster
 * from Debian's package (tests/support/postgres-cluster.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db/open.ts';
import type { SqlDatabase } from '../server/db/sql-database.ts';
import { startPostgresCluster } from '../tests/support/postgres-cluster.ts';
import { runServerProcess, type ServerProcess } from '../tests/support/server-process.ts';
import { LOAD_MS, loadTest as load, type LoadResult } from './http-load.ts';
import { median, percentile, type BenchRow } from './report.ts';

const TOKEN = 'bench-hosted-token';
const COMPANIES = 1_000;
const LOG_ENTRIES = 1_000_000;
const WIZARD_PER_COMPANY = 5;
const UNSYNCED_PER_COMPANY = 10;
const CLIENTS = [10, 100] as const;
const ROUNDS = 3;
const SUMMARY_SAMPLES = 100;

/** `FROM` clause giving rows i = 1..n on either engine. */
function series(db: SqlDatabase, n: number): { with: string; from: string } {
  return db.dialect === 'postgres'
    ? { with: '', from: `generate_series(1, ${n}) AS series(i)` }
    : { with: `WITH RECURSIVE series(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM series WHERE i < ${n})`, from: 'series' };
}

/** Fills an empty, migrated database with the hosted-scale data set, in SQL (seconds, not minutes). */
export async function fillHostedScale(db: SqlDatabase): Promise<void> {
  const at = "'2026-11-30T12:00:00.000Z'";
  const company = (expr: string) => `'co-' || ((${expr}) % ${COMPANIES} + 1)`;
  const insert = async (n: number, into: string, select: string) => {
    const s = series(db, n);
    await db.exec(`${s.with} INSERT INTO ${into} SELECT ${select} FROM ${s.from}`);
  };
  // Bulk load, then index, as anyone loading a million rows would: the log's secondary indexes are
  // dropped for the load and created again from their own definitions.
  const indexes = (await db.prepare(db.dialect === 'postgres'
    ? "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = 'log_entries' AND indexdef NOT LIKE '%UNIQUE%'"
    : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'log_entries' AND sql IS NOT NULL").all()) as { name: string; sql: string }[];
  for (const index of indexes) await db.exec(`DROP INDEX ${index.name}`);
  await db.transaction(async () => {
    await insert(COMPANIES, 'companies (id, sort, name, system, connector_kind, last_contact_at, last_run_at)',
      `'co-' || i, i, 'Company ' || i, CASE WHEN i % 4 = 0 THEN 'qbd' ELSE 'qbo' END,
       CASE WHEN i % 4 = 0 THEN 'web-connector' ELSE 'qbo-api' END, ${at}, ${at}`);
    await insert(LOG_ENTRIES, `log_entries (seq, id, company_id, direction, entity_type, local_id, qb_id, name, name_lower, change,
      status, at, error_code, error_message, attempt)`,
      `i, 'log-' || i, ${company('i')}, CASE WHEN i % 5 = 0 THEN 'import' ELSE 'export' END, 'Invoice', 'inv-' || i, 'qb-' || i,
       'Invoice ' || i, 'invoice ' || i, 'update',
       CASE WHEN i % 997 = 0 THEN 'pending' WHEN i % 50 = 0 THEN 'failed' ELSE 'success' END, ${at},
       CASE WHEN i % 50 = 0 THEN '6240' ELSE NULL END, CASE WHEN i % 50 = 0 THEN 'Duplicate Name Exists Error' ELSE NULL END, 1`);
    await insert(COMPANIES * WIZARD_PER_COMPANY, `wizard_items (seq, id, company_id, direction, entity_type, local_id, name, change,
      detected_at, state)`,
      `i, 'wz-' || i, ${company('i')}, CASE WHEN i % 3 = 0 THEN 'import' ELSE 'export' END, 'Customer', 'cust-' || i,
       'Client ' || i, 'create', ${at}, 'waiting'`);
    await insert(COMPANIES * UNSYNCED_PER_COMPANY, `unsynced (seq, id, company_id, entity_type, local_id, name, name_lower, error_code,
      error_message, first_failed_at, last_attempt_at, attempts, state)`,
      `i, 'un-' || i, ${company('i')}, 'Invoice', 'inv-' || i, 'Invoice ' || i, 'invoice ' || i, '6240',
       'Duplicate Name Exists Error', ${at}, ${at}, 1, 'failed'`);
    if (db.dialect === 'postgres') {
      for (const table of ['log_entries', 'wizard_items', 'unsynced']) {
        await db.exec(`SELECT setval(pg_get_serial_sequence('${table}', 'seq'), (SELECT MAX(seq) FROM ${table}))`);
      }
    }
  });
  for (const index of indexes) await db.exec(index.sql);
  // What autovacuum (PostgreSQL) or a long-running server would have done by now.
  await db.exec(db.dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
}

/**
 * Times full `GET /summary` answers one at a time. With `afterChange`, each is preceded (untimed) by
 * a change through the ingestion API, so no cached summary can answer it: what a poll costs right
 * after something happened. Without it, the summary built for the first request answers the rest.
 */
async function summaryTimes(url: string, samples: number, afterChange: boolean): Promise<number[]> {
  const times: number[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < samples; i++) {
    if (afterChange) {
      const put = await fetch(`${url}/api/v1/companies/co-1/records/Customer/bench-change`, {
        method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ record: { displayName: `Bench change ${i}` } }),
      });
      if (put.status >= 300) throw new Error(`the change before a summary failed: ${put.status} ${await put.text()}`);
    }
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const req = request(`${url}/api/v1/summary`, { agent, headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`summary answered ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end();
    });
    times.push(performance.now() - t0);
  }
  agent.destroy();
  return times;
}

async function etagOf(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/summary`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const body = (await res.json()) as { companies: unknown[] };
  if (body.companies.length !== COMPANIES) throw new Error(`expected ${COMPANIES} companies, got ${body.companies.length}`);
  return res.headers.get('etag') ?? '';
}

export async function benchHosted(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'synclens-hosted-'));
  const cluster = await startPostgresCluster();
  const servers: ServerProcess[] = [];
  try {
    const sqlitePath = join(dir, 'hosted.db');
    const pgUrl = await cluster.createDatabase();
    const fillStarted = performance.now();
    for (const target of [sqlitePath, pgUrl]) {
      const db = await openDatabase(target);
      try {
        await fillHostedScale(db);
      } finally {
        await db.close();
      }
    }
    console.log(`  filled both databases in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
    const start = (db: string) => {
      const server = runServerProcess(['--port', '0', '--db', db], { SYNCLENS_TOKEN: TOKEN });
      servers.push(server);
      return server.url;
    };
    const sqliteUrl = await start(sqlitePath);
    const pgUrls = [await start(pgUrl), await start(pgUrl)];
    const etags = { sqlite: await etagOf(sqliteUrl), postgres: await etagOf(pgUrls[0]!) };
    if (etags.postgres !== (await etagOf(pgUrls[1]!))) throw new Error('the two PostgreSQL instances gave different ETags for the same data');

    const rows: BenchRow[] = [];
    for (const clients of CLIENTS) {
      const one: LoadResult[] = [];
      const two: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const auth = { authorization: `Bearer ${TOKEN}` };
        one.push(await load([`${sqliteUrl}/api/v1/summary`], { ...auth, 'if-none-match': etags.sqlite }, 304, clients));
        two.push(await load(pgUrls.map((u) => `${u}/api/v1/summary`), { ...auth, 'if-none-match': etags.postgres }, 304, clients));
      }
      const sqlite = { rps: median(one.map((r) => r.perSecond)), p99: median(one.map((r) => r.p99)) };
      const postgres = { rps: median(two.map((r) => r.perSecond)), p99: median(two.map((r) => r.p99)) };
      const wrong = [...one, ...two].reduce((n, r) => n + r.wrongStatus, 0);
      rows.push({
        key: `hosted-idle-poll-${clients}`,
        name: `Idle poll (304) at ${COMPANIES.toLocaleString('en-US')} companies and ${LOG_ENTRIES.toLocaleString('en-US')} log entries, ` +
          `${clients} concurrent clients, keep-alive (median of ${ROUNDS} × ${LOAD_MS / 1000} s, interleaved; ${wrong} answer(s) with another status)`,
        value: `two PostgreSQL instances: ${Math.round(postgres.rps).toLocaleString('en-US')} requests/s, p99 ${postgres.p99.toFixed(1)} ms`,
        baseline: `one SQLite instance, same data and clients: ${Math.round(sqlite.rps).toLocaleString('en-US')} requests/s, p99 ${sqlite.p99.toFixed(1)} ms`,
        ratio: sqlite.rps / postgres.rps,
        figure: { value: sqlite.rps / postgres.rps, unit: '×' },
        target: 'reported side by side (no bar); ratio = time per request against one SQLite instance; every answer 304',
        pass: wrong === 0,
      });
    }

    for (const afterChange of [true, false]) {
      const pgTimes = await summaryTimes(pgUrls[0]!, SUMMARY_SAMPLES, afterChange);
      const sqliteTimes = await summaryTimes(sqliteUrl, SUMMARY_SAMPLES, afterChange);
      const pgMedian = median(pgTimes);
      const what = afterChange
        ? 'each right after a change (an ingested record, untimed), so built afresh'
        : 'nothing changed in between, so the summary built for the first answers the rest';
      rows.push({
        key: afterChange ? 'hosted-summary-postgres' : 'hosted-summary-postgres-unchanged',
        name: `GET /summary on PostgreSQL at ${COMPANIES.toLocaleString('en-US')} companies and ${LOG_ENTRIES.toLocaleString('en-US')} log entries, ` +
          `full 200 answer, ${what} (median of ${SUMMARY_SAMPLES}, one request at a time; p95 ${percentile(pgTimes, 95).toFixed(2)} ms)`,
        value: `${pgMedian.toFixed(2)} ms`,
        baseline: `the same on one SQLite instance: ${median(sqliteTimes).toFixed(2)} ms`,
        ratio: pgMedian / median(sqliteTimes),
        figure: { value: pgMedian, unit: 'ms' },
        target: afterChange ? '≤ 10 ms (absolute, from issue 12)' : 'for reference',
        pass: afterChange ? pgMedian <= 10 : true,
      });
    }
    return rows;
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
