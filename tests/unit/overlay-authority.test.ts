// @vitest-environment node
// Node environment: the real reference server is reached with Node's fetch (happy-dom's enforces CORS).
/**
 * What a QuickBooks page may ask for and act on, against the real reference server: the
 * background decides which company a tab shows (the realm cookie wins over the URL), a content
 * script may Resync / Clear ID only an entity the background looked up for that tab's record,
 * replies to a content script carry no setting, and per-tab memory goes with the tab.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startServer, type RunningServer } from '@/server/app';
import type { BackgroundContext } from '@/lib/background/context';
import { createHandlers } from '@/lib/background/handlers';
import { pollNow } from '@/lib/background/poll-cycle';
import { createDb } from '@/lib/db/schema';
import { createLinkStore } from '@/lib/db/link-store';
import type { CommandName, PayloadOf, Reply, ReplyOf } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { withContentSafeErrors } from '@/lib/records/content-errors';
import { createOverlayHandlers } from '@/lib/records/overlay-handlers';
import { forgetTab, pruneClosedTabs, rememberLookup, rememberTabChoice, TAB_CHOICE_PREFIX, TAB_LOOKUPS_PREFIX, tabLookups } from '@/lib/records/tab-memory';
import { overlayFixture, REALM_A, REALM_B, REALM_UNFOLLOWED } from '../browser/fixtures/overlay-fixture';
import { oneService } from './one-service';

const TOKEN = 'authority-test-token';
const QBO = 'https://qbo.intuit.com';
let server: RunningServer;
let ctx: BackgroundContext;
let dir: string;
let serviceDown = false;
/** The realm the `qbo.currentcompanyid` cookie holds, as the cookies API reads it (null: no cookie). */
let cookie: string | null = REALM_A;

const fixture = {
  ...overlayFixture,
  companies: [...overlayFixture.companies, { id: 'cedar', name: 'Cedar Desktop', system: 'qbd', companyFile: 'C:\\Books\\cedar.qbw' }],
  unsynced: [
    ...overlayFixture.unsynced,
    {
      id: 'u-desk', companyId: 'cedar', entityType: 'Invoice', localId: 'd-1', qbId: '1002', name: 'Desktop invoice',
      errorCode: '3100', errorMessage: 'The name is not unique', firstFailedAt: new Date().toISOString(), attempts: 1,
    },
    {
      id: 'u-padded', companyId: 'evergreen', entityType: 'Invoice', localId: 'job-1009', qbId: '1009', name: 'Padded code',
      errorCode: '006240', errorMessage: 'Duplicate Document Number Error', firstFailedAt: new Date().toISOString(), attempts: 1,
    },
  ],
};

const self = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('') });
const pageSender = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('').replace(/\/$/, '') });
const tabSender = (tabId: number, path: string) => ({ id: fakeBrowser.runtime.id, origin: QBO, url: `${QBO}${path}`, tab: { id: tabId, url: `${QBO}${path}` }, frameId: 0 });

function router() {
  const { forgetCompany, ...overlay } = createOverlayHandlers(ctx, createLinkStore(ctx.db));
  ctx.onRecordsChanged = forgetCompany;
  return createRouter(withContentSafeErrors({ ...createHandlers(ctx), ...overlay }), self);
}
async function send<C extends CommandName>(command: C, payload: PayloadOf<C>, sender: object = pageSender()): Promise<Reply<ReplyOf<C>>> {
  return (await router()({ command, payload }, sender)) as Reply<ReplyOf<C>>;
}
async function ok<C extends CommandName>(command: C, payload: PayloadOf<C>, sender?: object): Promise<ReplyOf<C>> {
  const reply = await send(command, payload, sender);
  if (!reply.ok) throw new Error(`${command} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}
async function serverUnsynced(companyId: string, id: string) {
  const res = await fetch(`${server.url}/api/v1/companies/${companyId}/unsynced?limit=500`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { items: { id: string; state: string; qbId: string | null }[] }).items.find((u) => u.id === id);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'synclens-authority-'));
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify(fixture));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  fakeBrowser.reset();
  serviceDown = false;
  cookie = REALM_A;
  vi.spyOn(fakeBrowser.cookies, 'get').mockImplementation((async () => (cookie === null ? null : { name: 'qbo.currentcompanyid', value: cookie })) as never);
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: join(dir, 'fixture.json') });
  ctx = {
    db: createDb(`authority-${Math.random()}`),
    now: () => new Date(),
    random: () => 0.5,
    fetch: async (input, init) => {
      if (serviceDown) throw new TypeError('fetch failed');
      return fetch(input, init);
    },
  };
  await ok('settings.save', oneService(server.url, TOKEN));
});
afterEach(async () => {
  vi.restoreAllMocks();
  ctx.db.close();
  await Dexie.delete(ctx.db.name);
  await server.close();
});

describe('which company a tab shows (decided by the background)', () => {
  it('the realm cookie wins over a crafted link whose URL names another company', async () => {
    const crafted = tabSender(5, `/app/invoice?txnId=1004&companyId=${REALM_B}`);
    const context = await ok('overlay.context', {}, crafted);
    expect(context.choice).toEqual({ kind: 'company', companyId: 'evergreen', how: 'cookie' });
    // Asking about the URL's company from that tab is refused, and so is acting on it.
    expect(await send('record.status', { companyId: 'birchwood', entityType: 'Invoice', qbId: '1004' }, crafted)).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await send('records.status', { companyId: 'birchwood', records: [{ entityType: 'Invoice', qbId: '1004' }] }, crafted)).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('a cookie naming a company SyncLens does not follow shows nothing, whatever the URL says', async () => {
    cookie = REALM_UNFOLLOWED;
    const context = await ok('overlay.context', {}, tabSender(5, `/app/invoice?txnId=1001&companyId=${REALM_A}`));
    expect(context.choice).toEqual({ kind: 'hidden', reason: 'realm-not-followed' });
  });

  it('the URL decides only when there is no cookie', async () => {
    cookie = null;
    const context = await ok('overlay.context', {}, tabSender(5, `/app/homepage?companyId=${REALM_B}`));
    expect(context.choice).toEqual({ kind: 'company', companyId: 'birchwood', how: 'url' });
  });

  it('a tab may pick only among the companies it may show', async () => {
    cookie = null;
    const tab = tabSender(8, '/app/invoice?txnId=1001');
    const choice = (await ok('overlay.context', {}, tab)).choice;
    expect(choice.kind === 'picker' && [...choice.candidateIds].sort()).toEqual(['birchwood', 'evergreen']);
    await ok('overlay.pickCompany', { companyId: 'birchwood' }, tab);
    expect((await ok('overlay.context', {}, tab)).choice).toEqual({ kind: 'company', companyId: 'birchwood', how: 'stored' });
    // With the cookie back, the stored pick cannot override it.
    cookie = REALM_A;
    expect(await send('overlay.pickCompany', { companyId: 'birchwood' }, tab)).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect((await ok('overlay.context', {}, tab)).choice).toEqual({ kind: 'company', companyId: 'evergreen', how: 'cookie' });
  });
});

describe('a content script acts only on what its tab was shown', () => {
  const tab = () => tabSender(7, '/app/invoice?txnId=1002');

  it('refuses Resync and Clear ID for an entity the background never looked up for the tab, sending nothing', async () => {
    for (const command of ['unsynced.resync', 'unsynced.clearId'] as const) {
      expect(await send(command, { companyId: 'evergreen', unsyncedId: 'u-6240' }, tab())).toMatchObject({ ok: false, error: { code: 'rejected' } });
    }
    expect(await ctx.db.outbox.count()).toBe(0);
    expect((await serverUnsynced('evergreen', 'u-6240'))?.state).toBe('failed');
  });

  it('accepts Resync for the entity record.status answered for the record the tab shows', async () => {
    const status = await ok('record.status', { companyId: 'evergreen', entityType: 'Invoice', qbId: '1002' }, tab());
    expect(status.link.unsyncedId).toBe('u-6240');
    expect(await tabLookups(7)).toMatchObject([{ companyId: 'evergreen', entityType: 'Invoice', qbId: '1002', unsyncedId: 'u-6240' }]);
    const resync = await ok('unsynced.resync', { companyId: 'evergreen', unsyncedId: 'u-6240' }, tab());
    expect(resync.unsynced.state).toBe('resync-queued');
    expect((await serverUnsynced('evergreen', 'u-6240'))?.state).toBe('resync-queued');
  });

  it('refuses what another tab looked up, what the tab no longer shows, and another company after a switch', async () => {
    await ok('record.status', { companyId: 'evergreen', entityType: 'Invoice', qbId: '1002' }, tab());
    // Another tab never looked it up.
    expect(await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: 'u-6240' }, tabSender(9, '/app/invoice?txnId=1002'))).toMatchObject({ ok: false });
    // The same tab has moved on to another record.
    expect(await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: 'u-6240' }, tabSender(7, '/app/invoice?txnId=1001'))).toMatchObject({ ok: false });
    // A customer's unsynced entity named from the invoice's tab.
    expect(await send('unsynced.clearId', { companyId: 'evergreen', unsyncedId: 'u-610' }, tab())).toMatchObject({ ok: false });
    // QuickBooks switched the tab to another company (the cookie changed).
    cookie = REALM_B;
    expect(await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: 'u-6240' }, tab())).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await ctx.db.outbox.count()).toBe(0);
    expect((await serverUnsynced('evergreen', 'u-6240'))?.state).toBe('failed');
  });

  it('refuses a QuickBooks Desktop company from a QuickBooks Online tab', async () => {
    expect(await send('record.status', { companyId: 'cedar', entityType: 'Invoice', qbId: '1002' }, tab())).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await send('unsynced.resync', { companyId: 'cedar', unsyncedId: 'u-desk' }, tab())).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect((await serverUnsynced('cedar', 'u-desk'))?.state).toBe('failed');
  });

  it('a later lookup of the record that names no entity takes the permission back', async () => {
    const link = { entityType: 'Invoice', qbId: '1002', localId: 'job-1002', name: 'Riverside Church', status: 'failed' as const, unsyncedId: 'u-6240' };
    await rememberLookup(7, 'evergreen', link, 1);
    await rememberLookup(7, 'evergreen', { ...link, qbId: '1001', unsyncedId: 'u-other' }, 2);
    expect((await tabLookups(7)).map((l) => l.unsyncedId)).toEqual(['u-other', 'u-6240']);
    await rememberLookup(7, 'evergreen', { ...link, status: 'synced', unsyncedId: null }, 3);
    expect((await tabLookups(7)).map((l) => l.unsyncedId)).toEqual(['u-other']);
    expect(await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: 'u-6240' }, tab())).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('extension pages keep full access', async () => {
    const cleared = await ok('unsynced.clearId', { companyId: 'evergreen', unsyncedId: 'u-610' }, pageSender());
    expect(cleared.nextSyncCreatesNewRecord).toBe(true);
  });
});

describe('replies that reach a QuickBooks page', () => {
  it('never carry the sync service address, whatever failed', async () => {
    const tab = tabSender(4, '/app/invoice?txnId=1001');
    serviceDown = true;
    const reply = await send('record.status', { companyId: 'evergreen', entityType: 'Invoice', qbId: '1001' }, tab);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('unreachable');
    expect(reply.error.message).toBe('SyncLens could not reach your sync service; open the SyncLens popup for details.');
    const host = new URL(server.url).host;
    expect(reply.error.message).not.toContain(host);
    expect(reply.error.message).not.toMatch(/https?:\/\//);
    // The raw error an extension page gets for the same failure does name the address.
    const page = await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: 'u-6240' });
    expect(page).toMatchObject({ ok: false, error: { code: 'unreachable', message: expect.stringContaining(host) } });
  });

  it('keep our own refusals, which name no setting', async () => {
    const reply = await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: 'u-6240' }, tabSender(4, '/app/invoice?txnId=1002'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringMatching(/only on the record this tab shows/) } });
  });
});

describe('list-row markers', () => {
  it('get the code as the lookup reads it: a zero-padded "006240" from the service is 6240 (issue 8 §6)', async () => {
    const { links } = await ok('records.status', { companyId: 'evergreen', records: [{ entityType: 'Invoice', qbId: '1009' }] }, tabSender(7, '/app/invoices'));
    expect(links).toMatchObject([{ qbId: '1009', status: 'failed', errorCode: '6240' }]);
  });
});

describe('per-tab memory', () => {
  it('goes when the tab closes, and a sweep drops what closed tabs left', async () => {
    await ok('record.status', { companyId: 'evergreen', entityType: 'Invoice', qbId: '1002' }, tabSender(7, '/app/invoice?txnId=1002'));
    await rememberTabChoice(7, 'evergreen');
    await rememberTabChoice(11, 'birchwood');
    await fakeBrowser.storage.session.set({ unrelated: 1 });
    await forgetTab(7);
    let keys = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(keys).not.toContain(`${TAB_CHOICE_PREFIX}7`);
    expect(keys).not.toContain(`${TAB_LOOKUPS_PREFIX}7`);
    expect(keys).toContain(`${TAB_CHOICE_PREFIX}11`);
    expect(await pruneClosedTabs(new Set([3]))).toBe(1);
    keys = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(keys).toEqual(['unrelated']);
  });

  it('the background entrypoint forgets a tab when tabs.onRemoved fires (registered at once)', async () => {
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session]) {
      vi.spyOn(area as unknown as { setAccessLevel(details: object): Promise<void> }, 'setAccessLevel').mockResolvedValue(undefined);
    }
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(true);
    await rememberTabChoice(21, 'evergreen');
    await fakeBrowser.tabs.onRemoved.trigger(21, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(`${TAB_CHOICE_PREFIX}21`)).toEqual({}));
  });
});

describe('the chip preferences and the first company list', () => {
  it('keeps the chip collapsed flag in the background', async () => {
    const tab = tabSender(4, '/app/invoice?txnId=1001');
    expect(await ok('overlay.prefs', {}, tab)).toEqual({ chipCollapsed: false });
    expect(await ok('overlay.setPrefs', { chipCollapsed: true }, tab)).toEqual({ chipCollapsed: true });
    expect(await ok('overlay.prefs', {}, tab)).toEqual({ chipCollapsed: true });
  });

  it('says "loading" while no company list has arrived, instead of "no company"', async () => {
    await ctx.db.companies.clear();
    const tab = tabSender(4, '/app/invoice?txnId=1001');
    expect(await ok('overlay.context', {}, tab)).toMatchObject({ configured: true, loading: true });
    await pollNow(ctx, 'user');
    expect(await ok('overlay.context', {}, tab)).toMatchObject({ loading: false, choice: { kind: 'company', companyId: 'evergreen' } });
  });
});
