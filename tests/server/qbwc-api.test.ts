/**
 * The Web Connector's API routes: setting a Desktop company's login (admin only, the password never
 * echoed) and downloading its .qwc file (approve or admin), with an address the Web Connector accepts.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import type { Scope } from '../../server/auth/scopes.ts';
import { createCompanyFile, runWebConnectorSession } from '../../server/qbwc-sim/index.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let t: TestServer;
afterEach(async () => {
  await t?.close();
});

const tokenWith = async (...scopes: Scope[]) => (await createApiToken(t.server.store, { scopes, label: scopes.join('+') })).token;
const CREDS = '/companies/acme-qbd/connector/web-connector-credentials';
const QWC = '/companies/acme-qbd/connector/qwc';

function qwcFields(text: string) {
  return new XMLParser({ parseTagValue: false }).parse(text).QBWCXML as Record<string, any>;
}

describe('PUT …/connector/web-connector-credentials', () => {
  it('sets the login for the Web Connector: admin only, 8+ characters, the password never in the reply', async () => {
    t = await startTestServer();
    const body = { userName: 'lawn-office', password: 'hedge trimmer 42' };
    expect((await t.call('PUT', CREDS, { body, token: await tokenWith('read', 'approve') })).status).toBe(403);
    const short = await t.call('PUT', CREDS, { body: { ...body, password: 'short' } });
    expect(short.status).toBe(422);
    expect(short.text).not.toContain('short"');
    const ok = await t.call('PUT', CREDS, { body, token: await tokenWith('admin') });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ companyId: 'acme-qbd', userName: 'lawn-office' });
    expect(ok.json.fileId).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(ok.text).not.toContain(body.password);
    expect(JSON.stringify((await t.server.store.db.prepare('SELECT * FROM qbwc_companies').all()))).not.toContain(body.password);

    // The Web Connector logs in with it; the old password stops working after a change.
    const file = createCompanyFile({ companyName: 'Acme Lawn Care', now: t.clock.now });
    const run = (password: string) => runWebConnectorSession({ url: `${t.server.url}/qbwc`, userName: 'lawn-office', password, company: file });
    expect((await run(body.password)).outcome).toBe('none');
    expect((await t.call('PUT', CREDS, { body: { ...body, password: 'a new password' } })).status).toBe(200);
    expect((await run(body.password)).outcome).toBe('nvu');
    expect((await run('a new password')).outcome).toBe('none');
  });

  it('refuses an Online company', async () => {
    t = await startTestServer();
    const online = await t.call('PUT', '/companies/acme-qbo/connector/web-connector-credentials', { body: { userName: 'x', password: '12345678' } });
    expect(online.status).toBe(409);
    expect(online.json.detail).toMatch(/QuickBooks Online/);
  });

  it('SYNCLENS_QBWC_USER / SYNCLENS_QBWC_PASSWORD (StartOptions.webConnector) log every Desktop company in', async () => {
    t = await startTestServer({ webConnector: { userName: 'office', password: 'start-up password' } });
    const qwc = await t.get(QWC);
    expect(qwcFields(qwc.text).UserName).toBe('office');
  });
});

describe('GET …/connector/qwc', () => {
  it('downloads the .qwc file: attachment, app URL on this server, the login, stable OwnerID and FileID, the schedule', async () => {
    t = await startTestServer({ webConnector: { userName: 'office', password: 'start-up password' } });
    expect((await t.call('GET', QWC, { token: await tokenWith('read') })).status).toBe(403);
    const r = await t.call('GET', QWC, { token: await tokenWith('approve') });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="synclens-acme-qbd.qwc"');
    expect(r.text.startsWith('<?xml')).toBe(true);
    const q = qwcFields(r.text);
    expect(Object.keys(q)).toEqual(['AppName', 'AppID', 'AppURL', 'AppDescription', 'AppSupport', 'UserName', 'OwnerID', 'FileID', 'QBType', 'Scheduler', 'IsReadOnly']);
    expect(q).toMatchObject({
      AppName: 'SyncLens – Acme Lawn Care', AppURL: `${t.server.url}/qbwc`, AppSupport: `${t.server.url}/qbwc/support`, UserName: 'office',
      QBType: 'QBFS', Scheduler: { RunEveryNMinutes: '60' }, IsReadOnly: 'false',
    });
    expect(q.AppDescription.length).toBeLessThanOrEqual(80);
    expect(q.OwnerID).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(q.FileID).toMatch(/^\{[0-9A-F-]{36}\}$/);
    const again = qwcFields((await t.call('GET', QWC, { token: await tokenWith('admin') })).text);
    expect([again.OwnerID, again.FileID]).toEqual([q.OwnerID, q.FileID]);
    expect((await fetch(q.AppSupport)).status).toBe(200);
  });

  it('names the public https address when one is set, and refuses plain http off this machine', async () => {
    t = await startTestServer({ publicUrl: 'https://sync.example.com/synclens' });
    // No Web Connector login yet: the file would carry no user name, so it is refused with the way out.
    const noLogin = await t.get(QWC);
    expect(noLogin.status).toBe(409);
    expect(noLogin.json.detail).toMatch(/web-connector-credentials/);
    await t.server.close();
    t = await startTestServer({ publicUrl: 'https://sync.example.com/synclens', webConnector: { userName: 'office', password: 'long enough pw' } });
    const q = qwcFields((await t.get(QWC)).text);
    expect(q.AppURL).toBe('https://sync.example.com/synclens/qbwc');
    expect(q.AppSupport).toBe('https://sync.example.com/synclens/qbwc/support');
    await t.close();

    t = await startTestServer({ publicUrl: 'http://sync.example.com', webConnector: { userName: 'office', password: 'long enough pw' } });
    const refused = await t.get(QWC);
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toMatch(/https/);
  });
});
