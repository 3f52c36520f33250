/** Scoped API tokens over HTTP: each route family needs its scope; tokens are hashed at rest and can be revoked. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken, listApiTokens, revokeApiToken } from '../../server/auth/api-tokens.ts';
import type { Scope } from '../../server/auth/scopes.ts';
import { routeScope } from '../../server/auth/route-scopes.ts';
import { RECORD_EXAMPLES } from '../../scripts/openapi.ts';
import { startTestServer, TOKEN, type TestServer } from './helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'synclens-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let t: TestServer;
beforeEach(async () => { t = await startTestServer(); });
afterEach(async () => { await t.close(); });

const tokenWith = async (...scopes: Scope[]) => (await createApiToken(t.server.store, { scopes, label: `test ${scopes.join('+')}` })).token;

/** One request of each route family, as the extension, the job app and an admin make them. */
const FAMILIES: Record<string, { scope: Scope; send: (token: string) => ReturnType<TestServer['call']> }> = {
  'GET /companies': { scope: 'read', send: (token) => t.call('GET', '/companies', { token }) },
  'GET /summary': { scope: 'read', send: (token) => t.call('GET', '/summary', { token }) },
  'GET /wizard': { scope: 'read', send: (token) => t.call('GET', '/companies/acme-qbo/wizard', { token }) },
  'GET /links': { scope: 'read', send: (token) => t.call('GET', '/companies/acme-qbo/links?entityType=Customer&qbIds=101', { token }) },
  'POST /wizard/approve': {
    scope: 'approve',
    send: (token) => t.call('POST', '/companies/acme-qbo/wizard/approve', { token, body: { reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' } }),
  },
  'POST /unsynced/resync': { scope: 'approve', send: (token) => t.call('POST', '/companies/acme-qbo/unsynced/resync', { token, body: { ids: ['u1'] } }) },
  'POST /unsynced/{uid}/clear-id': { scope: 'approve', send: (token) => t.call('POST', '/companies/acme-qbo/unsynced/u2/clear-id', { token }) },
  'PUT /records': { scope: 'ingest', send: (token) => t.call('PUT', '/companies/acme-qbo/records/Item/i-1', { token, body: { record: RECORD_EXAMPLES.Item } }) },
  'DELETE /records': { scope: 'ingest', send: (token) => t.call('DELETE', '/companies/acme-qbo/records/Item/i-2', { token }) },
  'POST /records/batch': {
    scope: 'ingest',
    send: (token) => t.call('POST', '/companies/acme-qbo/records/batch', { token, body: { items: [{ op: 'delete', entityType: 'Item', localId: 'i-3' }] } }),
  },
};

describe('scopes per route family', () => {
  it.each(['read', 'approve', 'ingest', 'admin'] as const)('a token with only "%s" is let into its own family and refused (403) elsewhere', async (scope) => {
    const token = await tokenWith(scope);
    for (const [name, family] of Object.entries(FAMILIES)) {
      const r = await family.send(token);
      if (family.scope === scope) {
        expect(r.status, name).toBeLessThan(300);
      } else {
        expect(r.status, name).toBe(403);
        expect(r.headers.get('content-type')).toBe('application/problem+json');
        expect(r.json).toMatchObject({ status: 403, code: 'insufficient-scope' });
        expect(r.json.detail, name).toContain(`"${family.scope}"`);
        expect(r.text).not.toContain(token);
      }
    }
  });

  it('the extension\'s token (read + approve) reads and approves but cannot send records; the job app\'s cannot read the wizard', async () => {
    const extension = await tokenWith('read', 'approve');
    expect((await FAMILIES['GET /wizard']!.send(extension)).status).toBe(200);
    expect((await FAMILIES['POST /wizard/approve']!.send(extension)).status).toBe(200);
    expect((await FAMILIES['PUT /records']!.send(extension)).status).toBe(403);
    const jobApp = await tokenWith('ingest');
    expect((await FAMILIES['PUT /records']!.send(jobApp)).status).toBe(201);
    expect((await FAMILIES['GET /wizard']!.send(jobApp)).status).toBe(403);
    expect((await t.call('GET', '/health', { token: jobApp })).status).toBe(200);
  });

  it('the server token keeps every scope', async () => {
    for (const [name, family] of Object.entries(FAMILIES)) expect((await family.send(TOKEN)).status, name).toBeLessThan(300);
  });

  it('a refused request writes nothing, and the scope is checked before the company is looked up', async () => {
    const seq = (await t.server.store.changeState()).seq;
    const r = await t.call('PUT', '/companies/no-such-company/records/Item/i-1', { token: await tokenWith('read', 'approve'), body: { record: RECORD_EXAMPLES.Item } });
    expect(r.status).toBe(403);
    expect((await t.server.store.changeState()).seq).toBe(seq);
  });

  it('writes not given a scope need admin, so a new route is closed to other tokens until it is given one', async () => {
    expect(routeScope('GET', '/api/v1/companies/a/anything')).toBe('read');
    expect(routeScope('POST', '/api/v1/companies/a/wizard/approve')).toBe('approve');
    expect(routeScope('POST', '/api/v1/companies/a/unsynced/u1/resync')).toBe('approve');
    expect(routeScope('POST', '/api/v1/companies/a/connector/run')).toBe('approve');
    expect(routeScope('GET', '/api/v1/companies/a/records/Item/x')).toBe('ingest');
    expect(routeScope('POST', '/api/v1/companies/a/settings')).toBe('admin');
    expect(routeScope('DELETE', '/api/v1/companies/a/qbo/connection')).toBe('admin');
  });
});

describe('authentication', () => {
  it('an unknown, malformed or revoked token gets 401 with WWW-Authenticate', async () => {
    const { id, token } = await createApiToken(t.server.store, { scopes: ['read'] });
    expect((await t.call('GET', '/companies', { token })).status).toBe(200);
    expect(await revokeApiToken(t.server.store, id)).toBe('revoked');
    expect(await revokeApiToken(t.server.store, id)).toBe('already-revoked');
    expect(await revokeApiToken(t.server.store, 'tok_missing')).toBe('not-found');
    for (const bad of [token, `${token}x`, 'sl_', 'not-a-token']) {
      const r = await t.call('GET', '/companies', { token: bad });
      expect(r.status, bad).toBe(401);
      expect(r.json.code).toBe('unauthorized');
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await t.call('GET', '/companies', { token: null })).status).toBe(401);
  });

  it('notes the last use at most once a minute, without changing the summary or its ETag', async () => {
    const { id, token } = await createApiToken(t.server.store, { scopes: ['read'] });
    const lastUsed = async () => (await listApiTokens(t.server.store)).find((x) => x.id === id)!.lastUsedAt;
    expect((await lastUsed())).toBeNull();
    const first = await t.call('GET', '/summary', { token });
    expect((await lastUsed())).toBe(t.clock.now().toISOString());
    const usedAt = await lastUsed();
    t.clock.advance(30_000);
    const second = await t.call('GET', '/summary', { token, headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(second.status).toBe(304);
    expect((await lastUsed())).toBe(usedAt);
    t.clock.advance(31_000);
    await t.call('GET', '/companies', { token });
    expect((await lastUsed())).toBe(t.clock.now().toISOString());
    expect((await t.call('GET', '/summary', { token, headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
  });
});

describe('tokens at rest', () => {
  it('only the SHA-256 hash is stored: the plaintext is in no row and nowhere in the database files', async () => {
    const db = join(dir, 'hashed.db');
    const f = await startTestServer({ db });
    let token: string;
    try {
      const created = await createApiToken(f.server.store, { scopes: ['ingest', 'read'], label: 'Job app' });
      token = created.token;
      expect(token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
      expect((await f.call('PUT', '/companies/acme-qbo/records/Item/i-9', { token, body: { record: RECORD_EXAMPLES.Item } })).status).toBe(201);
      const rows = (await f.server.store.db.prepare('SELECT * FROM api_tokens').all()) as Record<string, unknown>[];
      expect(rows).toEqual([expect.objectContaining({
        id: created.id, scopes: 'read,ingest', label: 'Job app', token_hash: createHash('sha256').update(token).digest('hex'), revoked_at: null,
      })]);
      expect(JSON.stringify(rows)).not.toContain(token.slice(3));
      expect(await listApiTokens(f.server.store)).toEqual([expect.not.objectContaining({ token_hash: expect.anything() })]);
    } finally {
      await f.close();
    }
    // The main file and anything SQLite left beside it (WAL, shared memory).
    const files = readdirSync(dir).filter((name) => name.startsWith('hashed.db'));
    expect(files).toContain('hashed.db');
    for (const name of files) expect(readFileSync(join(dir, name)).includes(token!.slice(3)), name).toBe(false);
  });

  it('refuses to create a token without a known scope or with a bad label', async () => {
    await expect(createApiToken(t.server.store, { scopes: [] })).rejects.toThrow(/at least one known scope/);
    await expect(createApiToken(t.server.store, { scopes: ['write' as Scope] })).rejects.toThrow(/known scope/);
    await expect(createApiToken(t.server.store, { scopes: ['read'], label: 'x'.repeat(101) })).rejects.toThrow(/at most 100/);
    await expect(createApiToken(t.server.store, { scopes: ['read'], label: 'tab\there' })).rejects.toThrow(/control characters/);
    expect(await listApiTokens(t.server.store)).toEqual([]);
  });
});
