/**
 * The chip feature on a QuickBooks record page, with the background answered by the test: its
 * preference goes through the background (never browser.storage), data-changing clicks wait for
 * the clickjacking guard, a tab opened before the company list waits for it, and the background's
 * "companies changed" notice runs the overlay again.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Link } from '@/lib/api/schema';
import type { OverlayContext, RecordStatus } from '@/lib/messaging/overlay-commands';
import { forgetOverlayContext, resolveCompany } from '@/lib/overlay/company';
import { createDomWatch } from '@/lib/overlay/dom-watch';
import { createFeatureRegistry } from '@/lib/overlay/feature-registry';
import { recordStatusChip } from '@/lib/overlay/features/record-status-chip';
import type { OverlayServices } from '@/lib/overlay/overlay-services';
import { listenForCompanyChanges } from '@/lib/overlay/start-overlay';
import type { VisibilityGuard, VisibilityState } from '@/lib/overlay/visibility';
import { detectPage } from '@/lib/qbo/page-detect';

const URL_1002 = 'https://qbo.intuit.com/app/invoice?txnId=1002';
type Handler = (payload: any) => unknown;

const context = (over: Partial<OverlayContext> = {}): OverlayContext => ({
  configured: true,
  loading: false,
  companies: [{ id: 'evergreen', name: 'Evergreen Tree', realmId: '9130357766542011' }],
  choice: { kind: 'company', companyId: 'evergreen', how: 'cookie' },
  ...over,
});
const failedLink: Link = { entityType: 'Invoice', qbId: '1002', localId: 'job-1002', name: 'Riverside Church', status: 'failed', unsyncedId: 'u-6240', errorCode: '6240', errorMessage: 'Duplicate Name Exists Error' };
const status = (link: Link = failedLink): RecordStatus => ({
  companyId: 'evergreen',
  system: 'qbo',
  connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null },
  link,
  explanation: null,
  fetchedAt: new Date().toISOString(),
});

function fakeServices(handlers: Record<string, Handler>) {
  const calls: { command: string; payload: any }[] = [];
  const services = {
    ctx: { isValid: true } as OverlayServices['ctx'],
    domWatch: createDomWatch(document.body, 5),
    async ask(command: string, payload: unknown) {
      calls.push({ command, payload });
      const handler = handlers[command];
      if (!handler) return { ok: false, error: { code: 'rejected', message: `no ${command}` } };
      const data = await handler(payload);
      return data && typeof data === 'object' && 'ok' in data ? data : { ok: true, data };
    },
  } as unknown as OverlayServices;
  return { services, calls, of: (command: string) => calls.filter((c) => c.command === command) };
}

function fakeGuard(initial: VisibilityState): VisibilityGuard & { set(s: VisibilityState): void; watched: (Element | null)[] } {
  let state = initial;
  const watched: (Element | null)[] = [];
  return { watch: (el) => void watched.push(el), state: () => state, stop: () => {}, set: (s) => (state = s), watched };
}

const chipRoot = () => document.querySelector('synclens-chip')?.shadowRoot ?? null;
const inChip = (testId: string) => chipRoot()?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;
function trustedClick(el: Element) {
  const event = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => void el.dispatchEvent(event));
}

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  forgetOverlayContext();
  const header = document.createElement('div');
  header.dataset.automationId = 'RethinkLayout_header';
  header.textContent = 'Invoice 1002';
  document.body.append(header);
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function runChip(services: OverlayServices, guard: VisibilityGuard) {
  const feature = recordStatusChip(services, { visibility: () => guard });
  await feature.run({ page: detectPage(URL_1002), url: URL_1002, signal: controller.signal });
}

describe('the chip’s preference', () => {
  it('is read and written through the background; the content script never touches browser.storage', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const bg = fakeServices({
      'overlay.context': () => context(),
      'overlay.prefs': () => ({ chipCollapsed: true }),
      'overlay.setPrefs': (p) => ({ chipCollapsed: p.chipCollapsed }),
      'record.status': () => status(),
    });
    await runChip(bg.services, fakeGuard('visible'));
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('failed'));
    await vi.waitFor(() => expect(chipRoot()!.querySelector('[aria-expanded]')!.getAttribute('aria-expanded')).toBe('false'));
    act(() => (chipRoot()!.querySelector('[aria-expanded]') as HTMLButtonElement).click());
    expect(bg.of('overlay.setPrefs').map((c) => c.payload)).toEqual([{ chipCollapsed: false }]);
    expect(get).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
  });
});

describe('clickjacking guard', () => {
  const handlers = (resync: Handler) => ({
    'overlay.context': () => context(),
    'overlay.prefs': () => ({ chipCollapsed: false }),
    'record.status': () => status(),
    'unsynced.resync': resync,
  });

  it('does not act while the chip is covered or faded, and says why', async () => {
    const resync = vi.fn(() => ({ unsynced: {} }));
    const bg = fakeServices(handlers(resync));
    const guard = fakeGuard('obscured');
    await runChip(bg.services, guard);
    await vi.waitFor(() => expect(inChip('chip-resync')).not.toBeNull());
    expect(guard.watched.at(-1)).toBe(inChip('synclens-chip')); // the guard watches the chip itself
    trustedClick(inChip('chip-resync')!);
    await vi.waitFor(() => expect(chipRoot()!.querySelector('[role="status"]')?.textContent).toMatch(/covers or fades/));
    expect(resync).not.toHaveBeenCalled();

    trustedClick(inChip('chip-clear-id')!);
    expect(inChip('clear-id-confirm')).toBeNull(); // not even the confirmation

    guard.set('unsupported');
    trustedClick(inChip('chip-resync')!);
    await vi.waitFor(() => expect(chipRoot()!.querySelector('[role="status"]')?.textContent).toMatch(/Sync Center/));
    expect(resync).not.toHaveBeenCalled();
  });

  it('acts once the chip is fully visible', async () => {
    const resync = vi.fn(() => ({ unsynced: {} }));
    const bg = fakeServices(handlers(resync));
    await runChip(bg.services, fakeGuard('visible'));
    await vi.waitFor(() => expect(inChip('chip-resync')).not.toBeNull());
    trustedClick(inChip('chip-resync')!);
    await vi.waitFor(() => expect(resync).toHaveBeenCalledWith({ companyId: 'evergreen', unsyncedId: 'u-6240' }));
  });

  it('asks the background again after a refusal, so the chip shows the record as it is now', async () => {
    const bg = fakeServices(handlers(() => ({ ok: false, error: { code: 'rejected', message: 'SyncLens acts only on the record this tab shows.' } })));
    await runChip(bg.services, fakeGuard('visible'));
    await vi.waitFor(() => expect(inChip('chip-resync')).not.toBeNull());
    expect(bg.of('record.status')).toHaveLength(1);
    trustedClick(inChip('chip-resync')!);
    await vi.waitFor(() => expect(bg.of('record.status')).toHaveLength(2));
  });
});

describe('a tab opened before SyncLens has its company list', () => {
  it('waits and asks again while the background says "loading", then finds the company', async () => {
    let asked = 0;
    const bg = fakeServices({
      // The first poll answers while the tab waits: the third ask finds the companies.
      'overlay.context': () => (++asked < 3 ? context({ loading: true, companies: [], choice: { kind: 'hidden', reason: 'no-qbo-company' } }) : context()),
      'overlay.prefs': () => ({ chipCollapsed: false }),
      'record.status': () => status({ ...failedLink, status: 'synced', unsyncedId: null, errorCode: null, errorMessage: null }),
    });
    expect(await resolveCompany(bg.services, URL_1002, controller.signal, [5, 5, 5, 5])).toMatchObject({ kind: 'company', company: { id: 'evergreen' } });
    expect(bg.of('overlay.context')).toHaveLength(3);
  });

  it('gives up quietly after its retries, and stops waiting when the run is stopped', async () => {
    const bg = fakeServices({ 'overlay.context': () => context({ loading: true, companies: [] }) });
    expect(await resolveCompany(bg.services, URL_1002, controller.signal, [1, 1])).toEqual({ kind: 'hidden', reason: 'still-loading' });
    expect(bg.of('overlay.context')).toHaveLength(3);
    const stopped = resolveCompany(bg.services, URL_1002, controller.signal, [60_000]);
    controller.abort();
    expect(await stopped).toEqual({ kind: 'aborted' });
  });

  it('runs the overlay again when the background says the followed companies changed', async () => {
    const onChange = vi.fn();
    const invalidated: (() => void)[] = [];
    listenForCompanyChanges({ onInvalidated: (cb: () => void) => void invalidated.push(cb) } as never, onChange);
    // From the page (a sender with a tab) it is ignored; from our background it is heard.
    await fakeBrowser.runtime.onMessage.trigger({ notice: 'overlay.companiesChanged' }, { id: fakeBrowser.runtime.id, tab: { id: 1 } } as never, () => {});
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger({ notice: 'overlay.companiesChanged' }, { id: fakeBrowser.runtime.id } as never, () => {});
    expect(onChange).toHaveBeenCalledOnce();
    invalidated.forEach((cb) => cb());
  });

  it('the registry re-runs the current page’s features on refresh', () => {
    const runs: AbortSignal[] = [];
    const registry = createFeatureRegistry([{ id: 'x', appliesTo: () => true, run: ({ signal }) => void runs.push(signal) }], detectPage);
    registry.refresh(); // nothing shown yet: nothing to re-run
    registry.show(URL_1002);
    registry.refresh();
    expect(runs).toHaveLength(2);
    expect(runs[0]!.aborted).toBe(true);
    expect(runs[1]!.aborted).toBe(false);
  });
});

describe('coming back to a record seen a moment ago', () => {
  const synced: Link = { ...failedLink, status: 'synced', unsyncedId: null, errorCode: null, errorMessage: null };

  /** A background whose `record.status` answers only when the test says so. */
  function slowBackground(resync: Handler = () => ({ unsynced: {} })) {
    const pending: ((reply: unknown) => void)[] = [];
    const bg = fakeServices({
      'overlay.context': () => context(),
      'overlay.prefs': () => ({ chipCollapsed: false }),
      'record.status': () => new Promise((resolve) => pending.push(resolve)),
      'unsynced.resync': resync,
    });
    return { ...bg, answer: (reply: unknown) => pending.shift()!(reply), waiting: () => pending.length };
  }

  /** One chip feature (one tab) shown on the record several times, as route changes do. */
  function tab(services: OverlayServices, guard: VisibilityGuard = fakeGuard('visible')) {
    const feature = recordStatusChip(services, { visibility: () => guard });
    let run: AbortController | null = null;
    return (signal?: AbortSignal) => {
      run?.abort();
      run = new AbortController();
      controller.signal.addEventListener('abort', () => run?.abort());
      void feature.run({ page: detectPage(URL_1002), url: URL_1002, signal: signal ?? run.signal });
    };
  }

  it('shows the remembered status at once, then the background’s answer', async () => {
    const bg = slowBackground();
    const show = tab(bg.services);
    show();
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    expect(inChip('synclens-chip')?.dataset.status).toBe('unknown'); // nothing remembered yet
    bg.answer(status());
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('failed'));

    show(); // away and back
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    // Asked first (the question leaves before the chip is up), shown before the background answers.
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('failed'));
    bg.answer(status(synced)); // it was fixed meanwhile: the answer wins
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('synced'));
    expect(bg.of('record.status')).toHaveLength(2); // still asked every time
  });

  it('remembers nothing from a failed lookup, and nothing of a record it just acted on', async () => {
    const bg = slowBackground();
    const show = tab(bg.services);
    show();
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    bg.answer(status());
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('failed'));
    show();
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    bg.answer({ ok: false, error: { code: 'network', message: 'The sync service did not answer.' } });
    await vi.waitFor(() => expect(chipRoot()?.textContent).toMatch(/did not answer/));
    show();
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    expect(inChip('synclens-chip')?.dataset.status).toBe('unknown');
    bg.answer(status());
    await vi.waitFor(() => expect(inChip('chip-resync')).not.toBeNull());

    trustedClick(inChip('chip-resync')!);
    await vi.waitFor(() => expect(bg.of('unsynced.resync')).toHaveLength(1));
    await vi.waitFor(() => expect(bg.waiting()).toBe(1)); // the chip asks again after the action
    show(); // the user moves on and back before that answer: the failure from before is not shown
    await vi.waitFor(() => expect(bg.waiting()).toBe(2));
    expect(inChip('synclens-chip')?.dataset.status).toBe('unknown');
    bg.answer(status()); // the answer to the stopped run is dropped
    bg.answer(status({ ...failedLink, status: 'pending' }));
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('pending'));
    // The answer after the action is remembered; what was shown before it is not.
    show();
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('pending'));
  });

  it('an action clicked on a remembered status waits for the background, and does not act if the record moved on', async () => {
    const resync = vi.fn(() => ({ unsynced: {} }));
    const bg = slowBackground(resync);
    const show = tab(bg.services);
    show();
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    bg.answer(status());
    await vi.waitFor(() => expect(inChip('chip-resync')).not.toBeNull());
    show();
    await vi.waitFor(() => expect(bg.waiting()).toBe(1));
    await vi.waitFor(() => expect(inChip('chip-resync')).not.toBeNull());
    trustedClick(inChip('chip-resync')!); // on the remembered failure
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resync).not.toHaveBeenCalled();
    bg.answer(status(synced)); // fixed meanwhile: nothing left to resync
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('synced'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resync).not.toHaveBeenCalled();
  });

  it('starts folded when the last chip on this tab was folded, before the background says so', async () => {
    let folded = false;
    const bg = fakeServices({
      'overlay.context': () => context(),
      'overlay.prefs': () => new Promise(() => {}), // never answers
      'overlay.setPrefs': (p) => ({ chipCollapsed: (folded = p.chipCollapsed) }),
      'record.status': () => status(),
    });
    const show = tab(bg.services);
    show();
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('failed'));
    act(() => (chipRoot()!.querySelector('[aria-expanded]') as HTMLButtonElement).click());
    expect(folded).toBe(true);
    show();
    await vi.waitFor(() => expect(inChip('synclens-chip')?.dataset.status).toBe('failed'));
    expect(chipRoot()!.querySelector('[aria-expanded]')!.getAttribute('aria-expanded')).toBe('false');
  });
});
