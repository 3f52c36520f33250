import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifySender, type SenderInfo } from '@/lib/messaging/guard';
import { createRouter, registerRouter, ReplyError, unregisterRouter, type HandlerMap } from '@/lib/messaging/router';

const self = { id: 'our-extension-id', origin: 'chrome-extension://our-extension-id/' };
const popup: SenderInfo = { id: self.id, origin: 'chrome-extension://our-extension-id', url: 'chrome-extension://our-extension-id/popup.html' };
const contentTop: SenderInfo = { id: self.id, origin: 'https://qbo.intuit.com', url: 'https://qbo.intuit.com/app/invoices', tab: { id: 7 }, frameId: 0 };

const emptySettings = { connections: [], pollMinutes: 5 };

function handlersWithSpies() {
  const spies = {
    'settings.get': vi.fn(async () => emptySettings),
    'unsynced.resync': vi.fn(async () => {
      throw new ReplyError('queued', 'will retry');
    }),
    'wizard.cached': vi.fn(async () => null),
  };
  return { spies, handlers: spies as unknown as HandlerMap };
}

describe('classifySender', () => {
  it('recognises our extension pages by origin', () => {
    expect(classifySender(popup, self)).toBe('page');
  });

  it('falls back to sender.url only when origin is missing', () => {
    expect(classifySender({ id: self.id, url: 'chrome-extension://our-extension-id/options.html' }, self)).toBe('page');
  });

  it('recognises our content script in the top frame', () => {
    expect(classifySender(contentTop, self)).toBe('content');
  });

  it('refuses other extensions, subframes and look-alike origins', () => {
    expect(classifySender({ ...popup, id: 'someone-else' }, self)).toBeNull();
    expect(classifySender({ ...contentTop, frameId: 3 }, self)).toBeNull();
    expect(classifySender({ id: self.id, origin: 'chrome-extension://our-extension-idX' }, self)).toBeNull();
    expect(classifySender({ id: self.id, origin: 'https://evil.example' }, self)).toBeNull();
  });

  it('never trusts a content script that claims an extension URL: origin decides', () => {
    // A page cannot change sender.origin; its url is what the page is showing.
    const forged: SenderInfo = { id: self.id, origin: 'https://qbo.intuit.com', url: 'chrome-extension://our-extension-id/popup.html', tab: { id: 1 }, frameId: 0 };
    expect(classifySender(forged, self)).toBe('content');
  });
});

describe('router', () => {
  it('runs the handler and wraps the result for a valid page command', async () => {
    const { spies, handlers } = handlersWithSpies();
    const route = createRouter(handlers, () => self);
    expect(await route({ command: 'settings.get', payload: {} }, popup)).toEqual({ ok: true, data: emptySettings });
    expect(spies['settings.get']).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['unknown command', { command: 'settings.delete', payload: {} }, popup],
    ['not an envelope', 'settings.get', popup],
    ['extra envelope fields', { command: 'settings.get', payload: {}, token: 'x' }, popup],
    ['malformed payload', { command: 'wizard.cached', payload: { companyId: '' } }, popup],
    ['extra payload fields', { command: 'settings.get', payload: { sneaky: true } }, popup],
    ['other extension', { command: 'settings.get', payload: {} }, { ...popup, id: 'other' }],
    ['content script asking for a page-only command', { command: 'settings.get', payload: {} }, contentTop],
    ['subframe content script', { command: 'unsynced.resync', payload: { companyId: 'c1', unsyncedId: 'u1' } }, { ...contentTop, frameId: 2 }],
    ['web page with no id', { command: 'settings.get', payload: {} }, { url: 'https://evil.example' }],
  ])('refuses %s without running any handler', async (_label, message, sender) => {
    const { spies, handlers } = handlersWithSpies();
    const route = createRouter(handlers, () => self);
    const reply = await route(message, sender as SenderInfo);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('rejected');
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
  });

  it('lets the content script send the commands it is allowed', async () => {
    const { spies, handlers } = handlersWithSpies();
    const route = createRouter(handlers, () => self);
    const reply = await route({ command: 'unsynced.resync', payload: { companyId: 'c1', unsyncedId: 'u1' } }, contentTop);
    expect(spies['unsynced.resync']).toHaveBeenCalledWith({ companyId: 'c1', unsyncedId: 'u1' }, expect.objectContaining({ from: 'content', tab: expect.objectContaining({ id: 7 }) }));
    expect(reply).toEqual({ ok: false, error: { code: 'queued', message: 'will retry' } });
  });

  it('refuses a known command that has no handler', async () => {
    const route = createRouter({}, () => self);
    const reply = await route({ command: 'settings.get', payload: {} }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('turns an unexpected handler crash into an error reply, not a rejection of the promise', async () => {
    const route = createRouter({ 'settings.get': async () => { throw new TypeError('boom'); } }, () => self);
    const reply = await route({ command: 'settings.get', payload: {} }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'server-error' } });
  });
});

describe('registerRouter', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => unregisterRouter());

  it('listens on runtime.onMessage with our own identity, and refuses a second registration', async () => {
    const { spies, handlers } = handlersWithSpies();
    registerRouter(handlers);
    expect(() => registerRouter(handlers)).toThrow(/already registered/);
    const sender = { id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('').replace(/\/$/, '') };
    const replies = await fakeBrowser.runtime.onMessage.trigger({ command: 'settings.get', payload: {} }, sender, () => undefined);
    expect(replies).toContainEqual({ ok: true, data: emptySettings });
    expect(spies['settings.get']).toHaveBeenCalledTimes(1);
  });
});
