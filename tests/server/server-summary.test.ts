import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanySummary, Summary } from '../../lib/api/schema.ts';
import { registerChange } from '../../server/store/wizard.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let t: TestServer;
beforeAll(async () => { t = await startTestServer(); });
afterAll(async () => { await t.close(); });

describe('GET /summary', () => {
  it('counts what is listed now, per company and in total', async () => {
    const s = v.parse(Summary, (await t.get('/summary')).json);
    const qbo = s.companies.find((c) => c.companyId === 'acme-qbo')!;
    expect(qbo.pendingApprovals).toEqual({ export: 3, import: 1 });
    expect(qbo.unsynced).toBe(2);
    expect(qbo.failedSyncs).toBe(2);
    expect(qbo.pendingSyncs).toBe(0);
    expect(s.pendingApprovals).toEqual({ export: 4, import: 1 });
    expect(s.unsynced).toBe(2);
  });

  it('answers 304 with no body to an idle poll, even after time passes', async () => {
    const first = await t.get('/summary');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/); // strong
    t.clock.advance(5 * 60_000);
    const again = await t.get('/summary', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('gives a new ETag and generatedAt after a change', async () => {
    const before = await t.get('/summary');
    t.clock.advance(60_000);
    await registerChange(t.server.store, { companyId: 'acme-qbo', direction: 'export', entityType: 'Customer', localId: 'cust-77', name: 'New Client', change: 'create' });
    const after = await t.get('/summary', { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.json.generatedAt).toBe(t.clock.now().toISOString());
    expect(after.json.pendingApprovals.export).toBe(before.json.pendingApprovals.export + 1);
  });

  it('changes the body when a web connector turns stale (state is derived from time)', async () => {
    const before = await t.get('/summary');
    t.clock.advance(3 * 60 * 60_000);
    const after = await t.get('/summary', { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.json.companies.find((c: { companyId: string }) => c.companyId === 'acme-qbd').connector.state).toBe('stale');
  });
});

describe('GET /companies/{id}/summary', () => {
  it('returns one company with its own ETag and honours If-None-Match', async () => {
    const r = await t.get('/companies/acme-qbd/summary');
    const s = v.parse(CompanySummary, r.json);
    expect(s.companyName).toBe('Acme Lawn Care');
    expect(s.system).toBe('qbd');
    expect(s.pendingApprovals).toEqual({ export: 1, import: 0 });
    const again = await t.get('/companies/acme-qbd/summary', { 'if-none-match': `W/"x", ${r.headers.get('etag')}` });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });
});
