import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogPage, UnsyncedPage, WizardPage } from '../../lib/api/schema.ts';
import { bulkGenerate } from '../../server/seed/bulk.ts';
import { queryPlan } from './helpers/query-plan.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await bulkGenerate(t.server.store, { companyId: 'acme-qbo', logEntries: 1234, unsynced: 321, wizardItems: 250 });
});
afterAll(async () => { await t.close(); });

async function walk(path: string, limit: number, schema: v.GenericSchema = LogPage) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const r = await t.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status).toBe(200);
    const page = v.parse(schema, r.json) as { items: { id: string }[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('cursor pagination', () => {
  it('walks every log page with no duplicates and no gaps', async () => {
    const { ids, pages } = await walk('/companies/acme-qbo/log', 500);
    expect(ids.length).toBe(1234 + 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(3);
  });

  it('defaults to 100 items per page', async () => {
    const r = await t.get('/companies/acme-qbo/log');
    expect(r.json.items.length).toBe(100);
    expect(r.json.nextCursor).toEqual(expect.any(String));
  });

  it('walks unsynced and wizard lists too', async () => {
    const uns = await walk('/companies/acme-qbo/unsynced', 100, UnsyncedPage);
    expect(uns.ids.length).toBe(321 + 2);
    expect(new Set(uns.ids).size).toBe(uns.ids.length);
    const wiz = await walk('/companies/acme-qbo/wizard', 64, WizardPage);
    expect(wiz.ids.length).toBe(250 + 4);
    expect(new Set(wiz.ids).size).toBe(wiz.ids.length);
  });

  it('keeps filters across pages', async () => {
    const failed = await walk('/companies/acme-qbo/log?status=failed', 20);
    const expected = Math.ceil(1234 / 17) + 1; // every 17th bulk entry plus log-b from the fixture
    expect(failed.ids.length).toBe(expected);
  });

  it('refuses limit above 500 and broken or foreign cursors', async () => {
    expect((await t.get('/companies/acme-qbo/log?limit=501')).status).toBe(400);
    const bad = await t.get('/companies/acme-qbo/log?cursor=garbage!');
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('bad-request');
    expect(bad.json.errors[0].path).toBe('cursor');
    const wizardCursor = (await t.get('/companies/acme-qbo/wizard?limit=1')).json.nextCursor as string;
    const foreign = await t.get(`/companies/acme-qbo/log?cursor=${wizardCursor}`);
    expect(foreign.status).toBe(400);
  });
});

describe('filters', () => {
  it('filters the log by status, entity type and text', async () => {
    const byType = (await t.get('/companies/acme-qbo/log?entityType=Payment&limit=500')).json.items as { entityType: string }[];
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.every((e) => e.entityType === 'Payment')).toBe(true);
    const q = (await t.get('/companies/acme-qbo/log?q=RILEY')).json.items as { id: string }[];
    expect(q.map((e) => e.id)).toEqual(['log-b']);
    const byDoc = (await t.get('/companies/acme-qbo/log?q=100015')).json.items as { docNumber: string }[];
    expect(byDoc.map((e) => e.docNumber)).toContain('100015');
    const wildcard = (await t.get('/companies/acme-qbo/log?q=%25')).json.items;
    expect(wildcard).toEqual([]); // "%" is matched literally, not as a wildcard
  });

  it('filters unsynced by entity type, code and text', async () => {
    const byCode = (await t.get('/companies/acme-qbo/unsynced?code=610&limit=500')).json.items as { errorCode: string }[];
    expect(byCode.length).toBe(Math.ceil((321 - 2) / 6) + 1);
    expect(byCode.every((u) => u.errorCode === '610')).toBe(true);
    const byType = (await t.get('/companies/acme-qbo/unsynced?entityType=Customer&limit=500')).json.items as { entityType: string }[];
    expect(byType.every((u) => u.entityType === 'Customer')).toBe(true);
    expect((await t.get('/companies/acme-qbo/unsynced?q=riley')).json.items.map((u: { id: string }) => u.id)).toEqual(['u1']);
  });

  it('filters the wizard by direction', async () => {
    const imports = (await t.get('/companies/acme-qbo/wizard?direction=import&limit=500')).json.items as { direction: string }[];
    expect(imports.length).toBe(Math.ceil(250 / 4) + 1);
    expect(imports.every((i) => i.direction === 'import')).toBe(true);
  });

  it('uses an index for every list filter', async () => {
    const db = t.server.store.db;
    for (const [sql, params] of [
      ["SELECT * FROM log_entries WHERE company_id = ? AND status = ? ORDER BY seq DESC LIMIT 10", ['acme-qbo', 'failed']],
      ["SELECT * FROM log_entries WHERE company_id = ? AND entity_type = ? ORDER BY seq DESC LIMIT 10", ['acme-qbo', 'Invoice']],
      ["SELECT * FROM unsynced WHERE company_id = ? AND error_code = ? ORDER BY seq DESC LIMIT 10", ['acme-qbo', '610']],
      ["SELECT * FROM unsynced WHERE company_id = ? AND entity_type = ? ORDER BY seq DESC LIMIT 10", ['acme-qbo', 'Invoice']],
      ["SELECT * FROM wizard_items WHERE company_id = ? AND state = 'waiting' AND direction = ? ORDER BY seq LIMIT 10", ['acme-qbo', 'export']],
    ] as const) {
      const plan = await queryPlan(db, sql, ...params);
      expect(plan.usesIndex, `${sql}\n${plan.text}`).toBe(true);
      expect(plan.sortsInMemory, `${sql}\n${plan.text}`).toBe(false);
    }
  });
});
