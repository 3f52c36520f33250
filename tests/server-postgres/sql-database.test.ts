/**
 * The database layer on both engines: the same statements, transactions that join and roll back,
 * writes from two connections pools ("instances") that never interleave, id blocks and company
 * leases. SQLite runs in memory; PostgreSQL on the run's throwaway cluster.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../server/db/open.ts';
import { numberPlaceholders } from '../../server/db/postgres-database.ts';
import type { SqlDatabase } from '../../server/db/sql-database.ts';
import { Store } from '../../server/store/store.ts';
import { CompanyBusyError, CompanyLeases, LeaseLostError } from '../../server/sync/company-leases.ts';
import { assertWriteAllowed } from '../../server/quickbooks/write-guard.ts';
import { createDatabaseAt } from '../support/postgres-cluster.ts';

const opened: SqlDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

async function open(target: string): Promise<SqlDatabase> {
  const db = await openDatabase(target);
  opened.push(db);
  return db;
}

/** Two handles on one database: two instances for PostgreSQL; for SQLite in memory, the same one twice. */
async function pair(engine: 'sqlite' | 'postgres'): Promise<[SqlDatabase, SqlDatabase]> {
  if (engine === 'sqlite') {
    const db = await open(':memory:');
    return [db, db];
  }
  const url = await createDatabaseAt(inject('postgresAdminUrl'));
  return [await open(url), await open(url)];
}

async function withCompany(db: SqlDatabase, id = 'c1'): Promise<void> {
  await db.prepare("INSERT INTO companies (id, sort, name, system, connector_kind) VALUES (?, 0, 'Test', 'qbo', 'qbo')").run(id);
}

it('numbers placeholders outside quoted text and comments', () => {
  expect(numberPlaceholders("SELECT ? , '?', \"a?\" -- ?\n, ?")).toBe("SELECT $1 , '?', \"a?\" -- ?\n, $2");
  expect(numberPlaceholders("SELECT 'it''s ?', ?")).toBe("SELECT 'it''s ?', $1");
});

/** Two instances' lease keepers for company c1 (30 s leases) on one clock the test moves. */
async function twoLeaseHolders(engine: 'sqlite' | 'postgres') {
  const [a, b] = await pair(engine);
  await withCompany(a);
  let t = Date.parse('2026-06-01T00:00:00Z');
  const now = () => new Date(t);
  return {
    first: new CompanyLeases(new Store(a, now), { holder: 'instance-a', ttlMs: 30_000 }),
    second: new CompanyLeases(new Store(b, now), { holder: 'instance-b', ttlMs: 30_000 }),
    advance: (ms: number) => { t += ms; },
  };
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (engine) => {
  it('runs the migrations and answers with the same shapes', async () => {
    const [db] = await pair(engine);
    expect(db.dialect).toBe(engine);
    expect(await db.ping()).toBe(true);
    const row = await db.prepare('SELECT seq, changed_at AS "changedAt" FROM change_state WHERE id = ?').get(1);
    expect(row).toEqual({ seq: 0, changedAt: '1970-01-01T00:00:00.000Z' });
    await withCompany(db);
    expect(await db.prepare('SELECT COUNT(*) AS n FROM companies').get()).toEqual({ n: 1 });
    expect(await db.prepare('SELECT name FROM companies WHERE id = ?').pluck().get('c1')).toBe('Test');
    expect(await db.prepare('SELECT id FROM companies WHERE id = ?').pluck().get('none')).toBeUndefined();
  });

  it('joins nested transactions and rolls the whole of one back on error', async () => {
    const [db] = await pair(engine);
    const store = new Store(db);
    await withCompany(db);
    await expect(store.write(async () => {
      await db.prepare("UPDATE companies SET name = 'Changed' WHERE id = 'c1'").run();
      await store.write(async () => {
        expect(db.inTransaction).toBe(true);
        await db.prepare("UPDATE companies SET sort = 5 WHERE id = 'c1'").run();
      });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await db.prepare('SELECT name, sort FROM companies').get()).toEqual({ name: 'Test', sort: 0 });
    expect((await store.changeState()).seq).toBe(0);
    await store.write(async () => db.prepare("UPDATE companies SET name = 'Kept' WHERE id = 'c1'").run());
    expect(await db.prepare('SELECT name FROM companies').pluck().get()).toBe('Kept');
    expect((await store.changeState()).seq).toBe(1);
  });

  it('runs work a transaction left for later outside it, once it has ended', async () => {
    const [db] = await pair(engine);
    await withCompany(db);
    let later!: Promise<{ inside: boolean; name: unknown }>;
    await db.transaction(async () => {
      later = new Promise((resolve, reject) => setTimeout(() => {
        const inside = db.inTransaction;
        db.prepare("UPDATE companies SET name = 'Later' WHERE id = 'c1'").run()
          .then(() => db.prepare("SELECT name FROM companies WHERE id = 'c1'").pluck().get())
          .then((name) => resolve({ inside, name }), reject);
      }, 20));
    });
    expect(await later).toEqual({ inside: false, name: 'Later' });
  });

  it('a write inside a plain transaction still counts as a change', async () => {
    const [db] = await pair(engine);
    const store = new Store(db);
    await withCompany(db);
    await db.transaction(async () => {
      await store.write(async () => {
        await store.write(async () => db.prepare("UPDATE companies SET sort = 1 WHERE id = 'c1'").run());
      });
    });
    expect((await store.changeState()).seq).toBe(1);
  });

  it('never interleaves two writers: each sees every earlier write', async () => {
    const [a, b] = await pair(engine);
    await withCompany(a);
    const stores = [new Store(a), new Store(b)];
    // Read-modify-write with a pause in between: lost updates would show as a smaller total.
    const bump = (store: Store) => store.write(async () => {
      const sort = Number(await store.db.prepare("SELECT sort FROM companies WHERE id = 'c1'").pluck().get());
      await new Promise((r) => setTimeout(r, 2));
      await store.db.prepare("UPDATE companies SET sort = ? WHERE id = 'c1'").run(sort + 1);
    });
    await Promise.all(Array.from({ length: 40 }, (_, i) => bump(stores[i % 2]!)));
    expect(await a.prepare("SELECT sort FROM companies WHERE id = 'c1'").pluck().get()).toBe(40);
    expect((await stores[0]!.changeState()).seq).toBe(40);
  });

  it('keeps a query from another request out of an open transaction', async () => {
    const [db] = await pair(engine);
    const store = new Store(db);
    await withCompany(db);
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    const writing = store.write(async () => {
      await db.prepare("UPDATE companies SET name = 'Uncommitted' WHERE id = 'c1'").run();
      await paused;
      throw new Error('rolled back');
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = db.prepare("SELECT name FROM companies WHERE id = 'c1'").pluck().get();
    release();
    await expect(writing).rejects.toThrow('rolled back');
    expect(await outside).toBe('Test');
  });

  it('reserves consecutive id blocks that never repeat', async () => {
    const [a, b] = await pair(engine);
    await withCompany(a);
    const insert = (db: SqlDatabase, seq: number) => db.prepare(`INSERT INTO unsynced (seq, id, company_id, entity_type, local_id, name,
      name_lower, error_code, error_message, first_failed_at, last_attempt_at, attempts, state)
      VALUES (?, ?, 'c1', 'Invoice', ?, 'n', 'n', '1', 'm', 't', 't', 1, 'failed')`).run(seq, `u-${seq}`, `l-${seq}`);
    const seen: number[] = [];
    await Promise.all([a, b, a, b].map((db) => {
      const store = new Store(db);
      return store.write(async () => {
        const first = await store.nextSeq('unsynced', 3);
        for (let i = 0; i < 3; i++) {
          await insert(db, first + i);
          seen.push(first + i);
        }
      });
    }));
    expect(new Set(seen).size).toBe(12);
    await new Store(a).write(async () => {
      await a.prepare('DELETE FROM unsynced').run();
    });
    const next = await new Store(b).write(() => new Store(b).nextSeq('unsynced'));
    expect(next).toBeGreaterThan(Math.max(...seen));
  });

  it('leases a company to one instance at a time, and lets another take over once it expires', async () => {
    const { first, second, advance } = await twoLeaseHolders(engine);
    expect(await first.acquire('c1')).toBe(true);
    expect(await first.acquire('c1')).toBe(true);
    expect(await second.acquire('c1')).toBe(false);
    await expect(second.hold('c1', async () => 'ran', { wait: false })).rejects.toBeInstanceOf(CompanyBusyError);
    expect(await second.holderOf('c1')).toBe('instance-a');
    advance(29_000);
    expect(await first.renew('c1')).toBe(true);
    advance(29_000);
    expect(await second.acquire('c1')).toBe(false);
    advance(2_000); // 31 s after the renewal: instance A is presumed dead
    expect(await second.acquire('c1')).toBe(true);
    expect(await first.renew('c1')).toBe(false);
    await second.release('c1');
    expect(await first.hold('c1', async () => 'ran')).toBe('ran');
    expect(await second.holderOf('c1')).toBeNull();
  });

  it('tells work whose lease was taken over to stop, and leaves the lease with its new holder', async () => {
    const { first, second, advance } = await twoLeaseHolders(engine);
    const confirmed: string[] = [];
    const work = first.hold('c1', async (lease) => {
      await lease.confirm();
      confirmed.push('before the pause');
      assertWriteAllowed(); // the QuickBooks client's check before a write: still ours
      advance(31_000); // instance A stalls past its lease; instance B takes the company over
      expect(await second.acquire('c1')).toBe(true);
      // Before any database call, the client's check alone already stops A's next write.
      expect(() => assertWriteAllowed()).toThrow(LeaseLostError);
      await lease.confirm();
      confirmed.push('after the pause');
    });
    const lost = await work.catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(LeaseLostError);
    expect(lost).toBeInstanceOf(CompanyBusyError); // answered 503 with Retry-After like any busy company
    expect((lost as Error).message).toContain('instance-b');
    expect(confirmed).toEqual(['before the pause']);
    expect(await first.holderOf('c1')).toBe('instance-b');
    expect(() => assertWriteAllowed()).not.toThrow(); // outside leased work there is nothing to check
  });

  it('leasing leaves the change counter (and so the summary ETag) alone', async () => {
    const [db] = await pair(engine);
    await withCompany(db);
    const store = new Store(db);
    await new CompanyLeases(store).hold('c1', async () => {});
    expect((await store.changeState()).seq).toBe(0);
  });
});
