/**
 * The summary's counts are kept by triggers (migration 10) and a summary after a change re-reads
 * only the companies that change touched. On both engines: after any mix of inserts, moves and
 * deletes the kept counts equal a recount from the rows, and an instance that built its summary
 * step by step agrees with one that reads everything afresh, whichever instance made the change.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Counts } from '../../lib/api/schema.ts';
import { openDatabase } from '../../server/db/open.ts';
import type { SqlDatabase } from '../../server/db/sql-database.ts';
import { Store } from '../../server/store/store.ts';
import { createDatabaseAt } from '../support/postgres-cluster.ts';

const opened: SqlDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

/** Two handles on one database: two connection pools for PostgreSQL; two connections to one file for SQLite. */
async function twoInstances(engine: 'sqlite' | 'postgres'): Promise<[SqlDatabase, SqlDatabase]> {
  const target = engine === 'sqlite'
    ? join(mkdtempSync(join(tmpdir(), 'synclens-counts-')), 'db.sqlite')
    : await createDatabaseAt(inject('postgresAdminUrl'));
  const a = await openDatabase(target);
  opened.push(a);
  const b = await openDatabase(target);
  opened.push(b);
  return [a, b];
}

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const COMPANIES = ['c1', 'c2', 'c3'];
const AT = '2026-12-01T00:00:00.000Z';

/** Every company's counts, counted from the rows themselves. */
async function recount(db: SqlDatabase): Promise<Record<string, Counts>> {
  const out: Record<string, Counts> = {};
  for (const id of (await db.prepare('SELECT id FROM companies').pluck().all()) as string[]) {
    const n = async (sql: string) => Number(await db.prepare(`SELECT COUNT(*) FROM ${sql}`).pluck().get(id));
    out[id] = {
      pendingApprovals: {
        export: await n("wizard_items WHERE company_id = ? AND state = 'waiting' AND direction = 'export'"),
        import: await n("wizard_items WHERE company_id = ? AND state = 'waiting' AND direction = 'import'"),
      },
      pendingSyncs: await n("log_entries WHERE company_id = ? AND status = 'pending'"),
      failedSyncs: await n("unsynced WHERE company_id = ? AND state = 'failed'"),
      unsynced: await n('unsynced WHERE company_id = ?'),
    };
  }
  return out;
}

async function countsOf(store: Store): Promise<Record<string, Counts>> {
  const summary = await store.summary();
  return Object.fromEntries(summary.companies.map((c) => [c.companyId, {
    pendingApprovals: c.pendingApprovals, pendingSyncs: c.pendingSyncs, failedSyncs: c.failedSyncs, unsynced: c.unsynced,
  }]));
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (engine) => {
  it('keeps every count equal to a recount through inserts, moves between states and companies, and deletes', async () => {
    const [dbA, dbB] = await twoInstances(engine);
    const stores = [new Store(dbA), new Store(dbB)];
    const watcher = new Store(dbA);
    for (const [i, id] of COMPANIES.entries()) {
      await stores[0]!.write(() => dbA.prepare("INSERT INTO companies (id, sort, name, system, connector_kind) VALUES (?, ?, ?, 'qbo', 'qbo-api')")
        .run(id, i, `Company ${id}`));
    }
    const next = random(12);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    let made = 0;
    const ops: Record<string, (db: SqlDatabase) => Promise<unknown>> = {
      addWizard: (db) => db.prepare(`INSERT INTO wizard_items (id, company_id, direction, entity_type, local_id, name, change, detected_at, state)
        VALUES (?, ?, ?, 'Customer', ?, 'Client', 'create', ?, ?)`)
        .run(`wz-${++made}`, pick(COMPANIES), pick(['export', 'import']), `cust-${made}`, AT, pick(['waiting', 'kept', 'cleared', 'approved'])),
      moveWizard: (db) => db.prepare(`UPDATE wizard_items SET state = ?, direction = ?, company_id = ?
        WHERE id = (SELECT id FROM wizard_items ORDER BY seq LIMIT 1 OFFSET ?)`)
        .run(pick(['waiting', 'kept', 'approved']), pick(['export', 'import']), pick(COMPANIES), Math.floor(next() * 5)),
      dropWizard: (db) => db.prepare('DELETE FROM wizard_items WHERE id = (SELECT id FROM wizard_items ORDER BY seq DESC LIMIT 1)').run(),
      addLog: (db) => db.prepare(`INSERT INTO log_entries (id, company_id, direction, entity_type, local_id, name, name_lower, change, status, at, attempt)
        VALUES (?, ?, 'export', 'Invoice', ?, 'Invoice', 'invoice', 'create', ?, ?, 1)`)
        .run(`log-${++made}`, pick(COMPANIES), `inv-${made}`, pick(['pending', 'success', 'failed']), AT),
      settleLog: (db) => db.prepare(`UPDATE log_entries SET status = ? WHERE id = (SELECT id FROM log_entries ORDER BY seq LIMIT 1 OFFSET ?)`)
        .run(pick(['pending', 'success', 'failed']), Math.floor(next() * 5)),
      // A column the counts do not depend on: nothing to count again.
      touchLog: (db) => db.prepare("UPDATE log_entries SET qb_id = 'qb-1' WHERE id = (SELECT id FROM log_entries ORDER BY seq LIMIT 1)").run(),
      dropLog: (db) => db.prepare('DELETE FROM log_entries WHERE id = (SELECT id FROM log_entries ORDER BY seq LIMIT 1)').run(),
      addUnsynced: (db) => db.prepare(`INSERT INTO unsynced (id, company_id, entity_type, local_id, name, name_lower, error_code, error_message,
        first_failed_at, last_attempt_at, attempts, state) VALUES (?, ?, 'Invoice', ?, 'Invoice', 'invoice', '6240', 'Duplicate', ?, ?, 1, ?)`)
        .run(`un-${++made}`, pick(COMPANIES), `inv-${made}`, AT, AT, pick(['failed', 'resync-queued'])),
      requeueUnsynced: (db) => db.prepare(`UPDATE unsynced SET state = ? WHERE id = (SELECT id FROM unsynced ORDER BY seq LIMIT 1 OFFSET ?)`)
        .run(pick(['failed', 'resync-queued']), Math.floor(next() * 5)),
      dropUnsynced: (db) => db.prepare('DELETE FROM unsynced WHERE id = (SELECT id FROM unsynced ORDER BY seq LIMIT 1)').run(),
    };
    for (let step = 0; step < 300; step++) {
      const instance = Math.floor(next() * 2);
      const db = instance === 0 ? dbA : dbB;
      const steps = 1 + Math.floor(next() * 3);
      await stores[instance]!.write(async () => {
        for (let i = 0; i < steps; i++) await ops[pick(Object.keys(ops))]!(db);
      });
      // The watcher builds its summary change by change; it must always match a recount.
      if (step % 7 === 0 || step > 290) expect(await countsOf(watcher), `after step ${step}`).toEqual(await recount(dbA));
      else await watcher.summary();
    }
    const fresh = new Store(dbB);
    expect(await fresh.summary()).toEqual(await watcher.summary());
    expect((await watcher.summary()).pendingSyncs).toBeGreaterThan(0);
  });

  it('shows a company renamed or added by another instance, in the summary order', async () => {
    const [dbA, dbB] = await twoInstances(engine);
    const [a, b] = [new Store(dbA), new Store(dbB)];
    const addCompany = (id: string, sort: number) => b.write(() =>
      dbB.prepare("INSERT INTO companies (id, sort, name, system, connector_kind) VALUES (?, ?, ?, 'qbo', 'qbo-api')").run(id, sort, `Company ${id}`));
    await addCompany('c2', 2);
    await addCompany('c4', 4);
    expect((await a.summary()).companies.map((c) => c.companyName)).toEqual(['Company c2', 'Company c4']);
    await addCompany('c3', 3);
    await b.write(() => dbB.prepare("UPDATE companies SET name = 'Renamed' WHERE id = 'c4'").run());
    const summary = await a.summary();
    expect(summary.companies.map((c) => c.companyName)).toEqual(['Company c2', 'Company c3', 'Renamed']);
    expect(summary.generatedAt).toBe((await b.changeState()).changedAt);
    expect(await a.summary()).toBe(summary); // nothing changed since: the same object
  });
});
