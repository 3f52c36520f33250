// @vitest-environment node
// Node environment: the real reference server is reached with Node's fetch (happy-dom's enforces CORS).
/**
 * `connector.qwcFile` in the background: it fetches GET /companies/{id}/connector/qwc with the
 * token (pages never hold it), hands back the file's text, refuses what is not a Web Connector
 * file, and turns the service's 404 / 409 into sentences the office can act on. One test gets the
 * real server's file; the others set what the service answers on that route, and every other
 * request reaches the real server.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startServer, type RunningServer } from '@/server/app';
import { createCenterHandlers } from '@/lib/background/center-handlers';
import type { BackgroundContext } from '@/lib/background/context';
import { createHandlers } from '@/lib/background/handlers';
import { createDb } from '@/lib/db/schema';
import type { CommandName, PayloadOf, Reply, ReplyOf } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { oneService } from './one-service';

const TOKEN = 'qwc-test-token';
const WEB_CONNECTOR = { userName: 'cedar-qbwc', password: 'mow-the-lawn-2026' };
const QWC = '<?xml version="1.0"?>\n<QBWCXML>\n  <AppName>SyncLens (Cedar Ridge Lawn Care)</AppName>\n  <AppURL>http://127.0.0.1/qbwc</AppURL>\n</QBWCXML>\n';
let server: RunningServer;
let ctx: BackgroundContext;
/** What the service answers for the .qwc route in the current test. */
let qwcReply: (() => Response) | null;
let qwcRequests: { path: string; authorization: string | null }[];

const self = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('') });
const pageSender = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('').replace(/\/$/, '') });

async function send<C extends CommandName>(command: C, payload: PayloadOf<C>): Promise<Reply<ReplyOf<C>>> {
  const route = createRouter({ ...createHandlers(ctx), ...createCenterHandlers(ctx) }, self);
  return (await route({ command, payload }, pageSender())) as Reply<ReplyOf<C>>;
}
const problem = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}), code: status === 404 ? 'not-found' : 'conflict' }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

beforeEach(async () => {
  fakeBrowser.reset();
  qwcRequests = [];
  qwcReply = () => new Response(QWC, { headers: { 'Content-Type': 'application/xml', 'Content-Disposition': 'attachment; filename="cedar-ridge.qwc"' } });
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: 'demo', webConnector: WEB_CONNECTOR });
  ctx = {
    db: createDb(`qwc-${Math.random()}`),
    now: () => new Date(),
    random: () => 0.5,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/connector/qwc')) {
        qwcRequests.push({ path: url.pathname, authorization: new Headers(init?.headers).get('Authorization') });
        if (qwcReply) return qwcReply();
      }
      return fetch(input, init);
    },
  };
  const saved = await send('settings.save', oneService(server.url, TOKEN, { followed: ['cedar-ridge'] }));
  expect(saved.ok).toBe(true);
});
afterEach(async () => {
  ctx.db.close();
  await Dexie.delete(ctx.db.name);
  await server.close();
});

describe('connector.qwcFile', () => {
  it("fetches the company's file with the token and answers its text", async () => {
    const reply = await send('connector.qwcFile', { companyId: 'cedar-ridge' });
    expect(reply).toEqual({ ok: true, data: { text: QWC } });
    expect(qwcRequests).toEqual([{ path: '/api/v1/companies/cedar-ridge/connector/qwc', authorization: `Bearer ${TOKEN}` }]);
  });

  it("hands back the reference server's own file, pointing the Web Connector at its /qbwc", async () => {
    qwcReply = null;
    const reply = await send('connector.qwcFile', { companyId: 'cedar-ridge' });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.text).toContain(`<AppURL>${server.url}/qbwc</AppURL>`);
    expect(reply.data.text).toContain(`<UserName>${WEB_CONNECTOR.userName}</UserName>`);
    expect(reply.data.text).not.toContain(WEB_CONNECTOR.password);
  });

  it('says plainly that the service offers no file (404)', async () => {
    qwcReply = () => problem(404, 'Not Found', 'Company evergreen has no Web Connector.');
    const reply = await send('connector.qwcFile', { companyId: 'cedar-ridge' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'server-error', message: 'This sync service does not offer a Web Connector file for this company. Ask whoever runs the sync service to set the Web Connector up for it.' },
    });
  });

  it("passes on why the service cannot make the file yet (409), or says what to ask for when it gives no reason", async () => {
    qwcReply = () => problem(409, 'Conflict', 'No Web Connector password is set for this company.');
    expect(await send('connector.qwcFile', { companyId: 'cedar-ridge' })).toMatchObject({
      ok: false,
      error: { message: 'The sync service cannot make the Web Connector file yet: No Web Connector password is set for this company.' },
    });
    qwcReply = () => new Response('conflict', { status: 409 });
    const bare = await send('connector.qwcFile', { companyId: 'cedar-ridge' });
    expect(bare.ok || bare.error.message).toContain('set a Web Connector user name and password for this company');
  });

  it("refuses a page that is not a Web Connector file (a proxy's or portal's page)", async () => {
    qwcReply = () => new Response('<!doctype html><title>Sign in to the Wi-Fi</title>', { headers: { 'Content-Type': 'text/html' } });
    const reply = await send('connector.qwcFile', { companyId: 'cedar-ridge' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-reply', message: `The service at ${server.url} did not send a Web Connector file.` } });
  });

  it('answers only for followed companies, and only to extension pages', async () => {
    const notFollowed = await send('connector.qwcFile', { companyId: 'evergreen' });
    expect(notFollowed).toMatchObject({ ok: false, error: { code: 'rejected' } });
    const route = createRouter({ ...createCenterHandlers(ctx) }, self);
    const fromContent = await route(
      { command: 'connector.qwcFile', payload: { companyId: 'cedar-ridge' } },
      { id: fakeBrowser.runtime.id, url: 'https://c15.qbo.intuit.com/app/homepage', tab: { id: 7, url: 'https://c15.qbo.intuit.com/app/homepage' }, frameId: 0 } as never,
    );
    expect(fromContent).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(qwcRequests).toEqual([]);
  });
});
