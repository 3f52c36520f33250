import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { Summary, UnsyncedEntity } from '../../lib/api/schema.ts';
import { startServer } from '../../server/app.ts';
import { MIGRATIONS, migrate, schemaVersion } from '../../server/db/migrations.ts';
import { openSqlite } from '../../server/db/open.ts';
import type { SqliteDatabase } from '../../server/db/sqlite-database.ts';
import { SMALL_FIXTURE, startTestServer, testClock, TOKEN } from './helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'synclens-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const auth = { authorization: `Bearer ${TOKEN}` };

describe('migrations', () => {
  it('brings a fresh database to the latest version', () => {
    const db = openSqlite(':memory:');
    expect(schemaVersion(db.raw)).toBe(MIGRATIONS.length);
    db.raw.close();
  });

  it('migrates a database left at an older version and keeps its data', () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    migrate(old, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(old)).toBe(1);
    old.prepare("INSERT INTO companies (id, sort, name, system, connector_kind) VALUES ('old-co', 0, 'Old Co', 'qbo', 'qbo-api')").run();
    expect(() => old.prepare('SELECT * FROM idempotency_keys').all()).toThrow();
    old.close();
    const db = openSqlite(path).raw;
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Old Co']);
    expect(db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get()).toBe(0);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database from a newer server', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });
});

describe('a file database', () => {
  it('syncs every commit to disk (WAL with synchronous=FULL), so an acknowledged write survives a power loss', async () => {
    const SYNCHRONOUS_FULL = 2;
    const db = openSqlite(join(dir, 'durable.db')).raw;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
    db.close();
    // The running server uses the same connection settings.
    const server = await startServer({ port: 0, db: join(dir, 'durable-server.db'), token: TOKEN });
    try {
      expect((server.store.db as SqliteDatabase).raw.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
    } finally {
      await server.close();
    }
  });

  it('keeps acknowledged changes (and idempotency keys) across close and reopen', async () => {
    const path = join(dir, 'nested', 'folder', 'synclens.db');
    const first = await startServer({ port: 0, db: path, token: TOKEN, seed: SMALL_FIXTURE });
    const approve = await fetch(`${first.url}/api/v1/companies/acme-qbo/wizard/approve`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'persist-1' },
      body: JSON.stringify({ reviewedIds: ['w1', 'w2'], approveIds: ['w1'], unchecked: 'clear' }),
    });
    const approved = await approve.json();
    expect(approved).toMatchObject({ approved: 1, cleared: 1 });
    const summaryBefore = await (await fetch(`${first.url}/api/v1/summary`, { headers: auth })).json();
    await first.close();

    // Seeding again must not duplicate what the database already has.
    const second = await startServer({ port: 0, db: path, token: TOKEN, seed: SMALL_FIXTURE });
    const summaryAfter = v.parse(Summary, await (await fetch(`${second.url}/api/v1/summary`, { headers: auth })).json());
    expect(summaryAfter).toEqual(summaryBefore);
    expect(summaryAfter.pendingSyncs).toBe(1);
    const replay = await fetch(`${second.url}/api/v1/companies/acme-qbo/wizard/approve`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'persist-1' },
      body: JSON.stringify({ reviewedIds: ['w1', 'w2'], approveIds: ['w1'], unchecked: 'clear' }),
    });
    expect(await replay.json()).toEqual(approved);
    await second.close();
  });
});

describe('fixtures', () => {
  it('loads the small fixture', async () => {
    const t = await startTestServer();
    const companies = (await t.get('/companies')).json.items;
    expect(companies).toHaveLength(2);
    const u = (await t.get('/companies/acme-qbo/unsynced')).json.items.map((x: unknown) => v.parse(UnsyncedEntity, x));
    expect(u.map((x: UnsyncedEntity) => x.id).sort()).toEqual(['u1', 'u2']);
    await t.close();
  });

  it.each([
    ['a bad wizard direction', (f: any) => { f.wizard[3].direction = 'sideways'; }, /wizard\[3\]\.direction: Invalid/],
    ['an unknown key', (f: any) => { f.log[0].colour = 'red'; }, /log\[0\]\.colour/],
    ['an unknown company', (f: any) => { f.unsynced[1].companyId = 'ghost'; }, /unsynced\[1\]\.companyId: no company "ghost"/],
    ['a non-http link URL', (f: any) => { f.links[0].localUrl = 'javascript:alert(1)'; }, /links\[0\]\.localUrl/],
    ['a missing list', (f: any) => { delete f.companies; }, /companies/],
  ])('refuses a fixture with %s, naming the field, and loads nothing', async (_label, mutate, message) => {
    const fixture = JSON.parse(readFileSync(SMALL_FIXTURE, 'utf8'));
    mutate(fixture);
    const path = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(fixture));
    const dbPath = `${path}.db`;
    await expect(startServer({ port: 0, db: dbPath, token: TOKEN, seed: path })).rejects.toThrow(message);
    const db = openSqlite(dbPath).raw;
    expect(db.prepare('SELECT COUNT(*) FROM companies').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM wizard_items').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file that is not JSON', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ nope');
    await expect(startServer({ port: 0, token: TOKEN, seed: path })).rejects.toThrow(/Cannot read fixture/);
  });

  it('refuses to start without a token', async () => {
    await expect(startServer({ port: 0, token: '' })).rejects.toThrow(/token/);
  });
});

describe('demo seed', () => {
  it('is deterministic for a given clock', async () => {
    const clock = testClock('2026-11-26T09:00:00.000Z');
    const a = await startServer({ port: 0, token: TOKEN, seed: 'demo', now: clock.now });
    const b = await startServer({ port: 0, token: TOKEN, seed: 'demo', now: clock.now });
    const get = async (s: typeof a, p: string) => (await fetch(`${s.url}/api/v1${p}`, { headers: auth })).text();
    for (const p of ['/summary', '/companies/evergreen/wizard', '/companies/cedar-ridge/unsynced', '/companies/evergreen/log?limit=500']) {
      expect(await get(a, p)).toBe(await get(b, p));
    }
    await a.close();
    await b.close();
  });

  it('has realistic volume and the promised error codes, and the emulator reproduces them', async () => {
    const t = await startTestServer({ seed: 'demo', now: testClock('2026-11-26T09:00:00.000Z').now });
    const s = v.parse(Summary, (await t.get('/summary')).json);
    expect(s.companies.map((c) => c.companyName)).toEqual(['Evergreen Tree & Landscape', 'Cedar Ridge Lawn Care']);
    const approvals = s.pendingApprovals.export + s.pendingApprovals.import;
    expect(approvals).toBeGreaterThanOrEqual(20);
    expect(approvals).toBeLessThanOrEqual(30);
    expect(s.companies[0]!.pendingApprovals.export + s.companies[0]!.pendingApprovals.import).toBeGreaterThan(approvals / 2);
    expect(s.companies.map((c) => c.connector.state)).toEqual(['ok', 'ok']);
    const db = t.server.store.db;
    expect(await db.prepare("SELECT COUNT(*) FROM records WHERE company_id = 'evergreen' AND entity_type = 'Invoice'").pluck().get()).toBeGreaterThanOrEqual(200);

    const unsynced = async (company: string) => (await t.get(`/companies/${company}/unsynced?limit=500`)).json.items as UnsyncedEntity[];
    const codes = async (company: string) => (await unsynced(company)).map((u) => u.errorCode).sort();
    expect(await codes('evergreen')).toEqual(['2500', '3200', '5010', '610', '6000', '6140', '6210', '6240'].sort());
    expect(await codes('cedar-ridge')).toEqual(['0x80040408', '3100', '3120', '3140', '3180', '3200'].sort());
    for (const u of [...(await unsynced('evergreen')), ...(await unsynced('cedar-ridge'))]) {
      expect(u.localUrl).toMatch(/^https:\/\//);
      expect(u.errorMessage.length).toBeGreaterThan(5);
    }

    // Plain Resync of everything: transient failures clear, the ones with a real cause fail again with the same code.
    for (const company of ['evergreen', 'cedar-ridge']) {
      const ids = (await unsynced(company)).map((u) => u.id);
      expect((await t.post(`/companies/${company}/unsynced/resync`, { ids })).json.queued).toBe(ids.length);
      await t.post(`/companies/${company}/connector/run`);
    }
    expect(await codes('evergreen')).toEqual(['2500', '610', '6000', '6140', '6210', '6240'].sort());
    expect(await codes('cedar-ridge')).toEqual(['3100', '3120', '3140'].sort());

    // Clear ID + Resync fixes the "deleted in QuickBooks" ones.
    for (const [company, code] of [['evergreen', '610'], ['cedar-ridge', '3120']] as const) {
      const target = (await unsynced(company)).find((u) => u.errorCode === code)!;
      await t.post(`/companies/${company}/unsynced/${target.id}/clear-id`);
      await t.post(`/companies/${company}/unsynced/${target.id}/resync`);
      await t.post(`/companies/${company}/connector/run`);
      expect((await codes(company))).not.toContain(code);
    }

    // Seeded links answer "synced" with the job app's URL.
    const qbIds = (await db.prepare("SELECT qb_id FROM records WHERE company_id = 'evergreen' AND entity_type = 'Customer' AND qb_id IS NOT NULL ORDER BY qb_id LIMIT 5").pluck().all()) as string[];
    const links = (await t.get(`/companies/evergreen/links?entityType=Customer&qbIds=${qbIds.join(',')}`)).json.items;
    expect(links.filter((l: { status: string }) => l.status === 'synced').length).toBeGreaterThanOrEqual(4);
    expect(links[0].localUrl).toMatch(/^https:\/\/app\.example-jobs\.com\/clients\/\d+$/);

    // Approving everything in the wizard and running the connector syncs it all.
    for (const company of ['evergreen', 'cedar-ridge']) {
      const ids = (await t.get(`/companies/${company}/wizard`)).json.items.map((i: { id: string }) => i.id);
      await t.post(`/companies/${company}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
      const run = await t.post(`/companies/${company}/connector/run`);
      expect(run.json.failed, company).toBe(0);
      expect(run.json.succeeded).toBe(ids.length);
    }
    await t.close();
  });
});
