/**
 * The popup with a fake background: each command answers from a handler the test controls, so the
 * tests can hold a reply back (cache paint before refresh) or fail it (offline, signed-out).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApproveResult, Company, Summary, WizardItem } from '@/lib/api/schema';
import type { CommandName, PayloadOf, PublicConnection, Reply, ReplyOf, Snapshot, WizardSnapshot } from '@/lib/messaging/protocol';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupStore, HEAD_ROWS, LAST_COMPANY_KEY, LAST_PAINT_KEY, LAST_PAINT_REST_KEY, type PopupStore } from '@/components/popup/store';
import { recordingSend } from './fake-background';
import type { OutboxSubscribe } from '@/lib/outbox/outbox-subscribe';
import type { ActionState } from '@/lib/messaging/action-commands';

// ------------------------------------------------------------------ fixtures

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function company(id: string, name: string, system: 'qbo' | 'qbd' = 'qbo', state: Company['connector']['state'] = 'ok'): Company {
  return {
    id,
    name,
    system,
    connector: {
      kind: system === 'qbd' ? 'web-connector' : 'qbo-api',
      state,
      lastContactAt: minutesAgo(30),
      lastRunAt: minutesAgo(30),
    },
  };
}

function item(id: string, direction: 'export' | 'import', extra: Partial<WizardItem> = {}): WizardItem {
  return {
    id,
    companyId: 'co-1',
    direction,
    entityType: 'Invoice',
    name: `Client ${id}`,
    docNumber: null,
    change: 'create',
    amount: null,
    detectedAt: minutesAgo(120),
    ...extra,
  };
}

function summaryFor(companies: Company[], unsynced: Record<string, number> = {}): Summary {
  const zero = { pendingApprovals: { export: 0, import: 0 }, pendingSyncs: 0, failedSyncs: 0 };
  return {
    ...zero,
    unsynced: Object.values(unsynced).reduce((a, b) => a + b, 0),
    generatedAt: NOW.toISOString(),
    companies: companies.map((c) => ({
      ...zero,
      unsynced: unsynced[c.id] ?? 0,
      companyId: c.id,
      companyName: c.name,
      system: c.system,
      connector: c.connector,
      generatedAt: NOW.toISOString(),
    })),
  };
}

/** One sync service, the `primary` connection: its companies keep their plain ids. */
function primary(over: Partial<PublicConnection> = {}): PublicConnection {
  return { id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [], ...over };
}

function snapshot(companies: Company[], over: Partial<Snapshot> = {}, unsynced: Record<string, number> = {}): Snapshot {
  const base = {
    status: { state: 'ok' as const, lastSuccessAt: minutesAgo(5), failingSince: null, message: null, nextPollAt: null },
    summary: summaryFor(companies, unsynced),
    companies,
    settings: { connections: [primary()], pollMinutes: 5 },
    ...over,
  };
  // The one service's own status is the combined one.
  return { connections: base.settings.connections.map((c) => ({ ...c, status: base.status })), ...base };
}

const wizardOf = (companyId: string, items: WizardItem[]): WizardSnapshot => ({
  companyId,
  items: items.map((i) => ({ ...i, companyId })),
  fetchedAt: minutesAgo(1),
});

// ------------------------------------------------------------------ fake background

type Handler<C extends CommandName> = (payload: PayloadOf<C>) => Reply<ReplyOf<C>> | Promise<Reply<ReplyOf<C>>>;
type Handlers = { [C in CommandName]?: Handler<C> };

interface Call {
  command: CommandName;
  payload: unknown;
}

function fakeBackground(handlers: Handlers) {
  const { send, calls } = recordingSend(handlers);
  return { send, calls, handlers };
}

const ok = <T,>(data: T) => ({ ok: true as const, data });
const fail = (code: 'unreachable' | 'signed-out' | 'unconfigured' | 'queued' | 'server-error', message: string) => ({
  ok: false as const,
  error: { code, message },
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A background with one QBO company and the given items; state.refresh and wizard.load echo the cache. */
function standardHandlers(items: WizardItem[], companies = [company('co-1', 'Oak & Elm Tree Care')]): Handlers {
  const snap = snapshot(companies);
  return {
    'state.get': () => ok(snap),
    'state.refresh': () => ok(snap),
    'wizard.cached': ({ companyId }) => ok(wizardOf(companyId, items.filter((i) => i.companyId === companyId || companyId === 'co-1'))),
    'wizard.load': ({ companyId }) => ok(wizardOf(companyId, items.filter((i) => i.companyId === companyId || companyId === 'co-1'))),
    'wizard.approve': ({ approveIds, reviewedIds, unchecked }) =>
      ok<ApproveResult>({
        approved: approveIds.length,
        kept: unchecked === 'keep' ? reviewedIds.length - approveIds.length : 0,
        cleared: unchecked === 'clear' ? reviewedIds.length - approveIds.length : 0,
        skipped: 0,
        pendingLogIds: approveIds.map((id) => `log-${id}`),
      }),
    'actions.list': () => ok({ actions: [] }),
  };
}

// ------------------------------------------------------------------ rendering helpers

let container: HTMLElement;
let storage: Map<string, string>;
const memoryStorage = () => ({
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  storage = new Map();
});
afterEach(() => {
  render(null, container);
  container.remove();
});

type MountOptions = { openOptions?: () => void; subscribeOutbox?: OutboxSubscribe };

async function mount(handlers: Handlers, opts: MountOptions = {}) {
  const bg = fakeBackground(handlers);
  const store = createPopupStore({ send: bg.send, openOptions: opts.openOptions ?? (() => {}), storage: memoryStorage(), subscribeOutbox: opts.subscribeOutbox });
  await act(() => {
    render(<PopupApp store={store} />, container);
  });
  let started!: Promise<void>;
  await act(() => {
    started = store.start();
  });
  return { store, bg, started };
}

/** Mounts and waits until every start-up command has answered. */
async function mountSettled(handlers: Handlers, opts: MountOptions = {}) {
  const m = await mount(handlers, opts);
  await act(async () => {
    await m.started;
  });
  return m;
}

const $ = <T extends Element = HTMLElement>(testId: string, root: ParentNode = container) =>
  root.querySelector<T & Element>(`[data-testid="${testId}"]`) as unknown as T | null;
const $$ = (testId: string, root: ParentNode = container) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
const rowIds = (root: ParentNode = container) => $$('wizard-row', root).map((r) => r.getAttribute('data-item-id'));
const rowCheckbox = (id: string) =>
  container.querySelector<HTMLInputElement>(`[data-testid="wizard-row"][data-item-id="${id}"] [data-testid="wizard-row-checkbox"]`)!;

async function click(el: Element | null) {
  expect(el).not.toBeNull();
  await act(() => {
    (el as HTMLElement).click();
  });
}

async function choose(select: HTMLSelectElement | null, value: string) {
  expect(select).not.toBeNull();
  await act(() => {
    select!.value = value;
    select!.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function approveAndSettle(store: PopupStore) {
  await click($('approve-checked'));
  await vi.waitFor(() => expect(store.approving.value).toBe(false));
  await act(async () => {});
}

/** What each approval sent, without its action key (a random UUID per request, checked here once). */
const approveCalls = (calls: Call[]) =>
  calls
    .filter((c) => c.command === 'wizard.approve')
    .map((c) => {
      const { actionKey, ...rest } = c.payload as Record<string, unknown>;
      expect(actionKey).toMatch(/^[0-9a-f-]{36}$/);
      return rest;
    });

// ------------------------------------------------------------------ tests

const FIVE = [
  item('e1', 'export', { docNumber: '1042', amount: 1250.5, change: 'create' }),
  item('e2', 'export', { entityType: 'Customer', name: 'Maple Street HOA', change: 'update' }),
  item('e3', 'export', { entityType: 'Payment', change: 'delete', amount: -80 }),
  item('i1', 'import', { entityType: 'Item', name: 'Stump grinding', change: 'update' }),
  item('i2', 'import', { entityType: 'Vendor', name: 'Green Mulch Supply' }),
];

describe('popup wizard', () => {
  it('renders both sections with every row checked by default', async () => {
    await mountSettled(standardHandlers(FIVE));
    expect($('popup-root')).not.toBeNull();
    expect(rowIds($('section-export')!)).toEqual(['e1', 'e2', 'e3']);
    expect(rowIds($('section-import')!)).toEqual(['i1', 'i2']);
    for (const cb of $$('wizard-row-checkbox')) expect((cb as HTMLInputElement).checked).toBe(true);
    expect($<HTMLButtonElement>('approve-checked')!.disabled).toBe(false);
  });

  it('shows entity type, document number, change kind, amount and age on a row', async () => {
    await mountSettled(standardHandlers(FIVE));
    const row = container.querySelector('[data-item-id="e1"]')!;
    expect(row.textContent).toContain('Invoice #1042');
    expect(row.textContent).toContain('New');
    expect(row.textContent).toContain('1,250.50');
    expect(row.textContent).toContain('2 hr. ago');
    const e2 = container.querySelector('[data-item-id="e2"]')!;
    expect(e2.textContent).toContain('Customer');
    expect(e2.textContent).toContain('Maple Street HOA');
    expect(e2.textContent).toContain('Changed');
    expect(container.querySelector('[data-item-id="e3"]')!.textContent).toContain('Deleted');
  });

  it('unchecking a row sends it as reviewed but not approved', async () => {
    const { bg, store } = await mountSettled(standardHandlers(FIVE));
    await click(rowCheckbox('e2'));
    expect(rowCheckbox('e2').checked).toBe(false);
    await approveAndSettle(store);
    expect(approveCalls(bg.calls)).toEqual([
      { companyId: 'co-1', reviewedIds: ['e1', 'e2', 'e3', 'i1', 'i2'], approveIds: ['e1', 'e3', 'i1', 'i2'], unchecked: 'keep' },
    ]);
  });

  it('section toggle goes all → none → all and is indeterminate when mixed', async () => {
    await mountSettled(standardHandlers(FIVE));
    const toggle = () => $<HTMLInputElement>('section-export-toggle')!;
    const exportBoxes = () => $$('wizard-row-checkbox', $('section-export')!) as HTMLInputElement[];
    expect(toggle().checked).toBe(true);
    expect(toggle().indeterminate).toBe(false);

    await click(toggle());
    expect(exportBoxes().map((b) => b.checked)).toEqual([false, false, false]);
    expect(toggle().checked).toBe(false);
    // The import section is untouched.
    expect(($$('wizard-row-checkbox', $('section-import')!) as HTMLInputElement[]).every((b) => b.checked)).toBe(true);

    await click(toggle());
    expect(exportBoxes().map((b) => b.checked)).toEqual([true, true, true]);

    await click(rowCheckbox('e1'));
    expect(toggle().indeterminate).toBe(true);
    expect(toggle().checked).toBe(false);
    await click(toggle()); // mixed → all
    expect(exportBoxes().map((b) => b.checked)).toEqual([true, true, true]);
    expect(toggle().indeterminate).toBe(false);
  });

  it('sends the Clear choice and shows the reply counts', async () => {
    const { bg, store } = await mountSettled(standardHandlers(FIVE));
    await click(rowCheckbox('e1'));
    await click(rowCheckbox('i2'));
    await choose($<HTMLSelectElement>('unchecked-mode'), 'clear');
    expect($('unchecked-hint')!.textContent).toBe('Unchecked items are dismissed.');
    await approveAndSettle(store);
    expect(approveCalls(bg.calls)).toEqual([
      { companyId: 'co-1', reviewedIds: ['e1', 'e2', 'e3', 'i1', 'i2'], approveIds: ['e2', 'e3', 'i1'], unchecked: 'clear' },
    ]);
    expect($('approve-result')!.textContent).toBe('3 approved · 0 kept for next time · 2 cleared');
    expect($('approve-result')!.getAttribute('aria-live')).toBe('polite');
  });

  it('keeps by default, with its hint, and reports kept items', async () => {
    const { store } = await mountSettled(standardHandlers(FIVE));
    expect($<HTMLSelectElement>('unchecked-mode')!.value).toBe('keep');
    expect($('unchecked-hint')!.textContent).toBe('Unchecked items come back after the next sync.');
    await click(rowCheckbox('e3'));
    await approveAndSettle(store);
    expect($('approve-result')!.textContent).toBe('4 approved · 1 kept for next time · 0 cleared');
  });

  it('uses the counts the service replies with, not its own arithmetic', async () => {
    const handlers = standardHandlers(FIVE);
    handlers['wizard.approve'] = () => ok({ approved: 2, kept: 1, cleared: 0, skipped: 2, pendingLogIds: ['a', 'b'] });
    const { store } = await mountSettled(handlers);
    await approveAndSettle(store);
    expect($('approve-result')!.textContent).toBe('2 approved · 1 kept for next time · 0 cleared · 2 already handled');
  });

  it('disables Approve with nothing checked and while sending, then takes approved rows off the list', async () => {
    const handlers = standardHandlers(FIVE);
    const gate = deferred<void>();
    const approve = handlers['wizard.approve']!;
    const remaining = [FIVE[3]!];
    handlers['wizard.approve'] = async (p) => {
      await gate.promise;
      return approve(p);
    };
    const { store } = await mountSettled(handlers);
    handlers['wizard.load'] = ({ companyId }) => ok(wizardOf(companyId, remaining));

    await click($('section-export-toggle'));
    await click($('section-import-toggle'));
    expect($<HTMLButtonElement>('approve-checked')!.disabled).toBe(true);
    await click($('section-export-toggle'));

    await click($('approve-checked'));
    const button = $<HTMLButtonElement>('approve-checked')!;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.textContent).toContain('Approving');
    await act(async () => {
      gate.resolve();
    });
    await vi.waitFor(() => expect($('approve-result')!.textContent).toContain('3 approved'));
    await vi.waitFor(() => expect(rowIds()).toEqual(['i1']));
  });

  it('an error reply shows a clear message and keeps rows and selection', async () => {
    const handlers = standardHandlers(FIVE);
    handlers['wizard.approve'] = () => fail('server-error', 'The sync service is busy (503).');
    const { store } = await mountSettled(handlers);
    await click(rowCheckbox('i1'));
    await approveAndSettle(store);
    expect($('approve-result')!.textContent).toBe('Nothing was approved. The sync service is busy (503).');
    expect(rowIds()).toEqual(['e1', 'e2', 'e3', 'i1', 'i2']);
    expect(rowCheckbox('i1').checked).toBe(false);
    expect(rowCheckbox('e1').checked).toBe(true);
  });

  it("a 'queued' reply says SyncLens is confirming it, then shows the counts once the outbox delivered it", async () => {
    const handlers = standardHandlers(FIVE);
    handlers['wizard.approve'] = () => fail('queued', 'No answer from the sync service yet (Could not reach https://sync.example.com: Failed to fetch).');
    let delivered = false;
    handlers['actions.status'] = ({ keys }: { keys: string[] }) =>
      ok({
        actions: keys.map(
          (key): ActionState => ({
            key, kind: 'approve', companyId: 'co-1', count: 5, unsyncedId: null, createdAt: NOW.toISOString(), attempts: 1, message: null, nextAttemptAt: null,
            ...(delivered ? { state: 'done' as const, result: { approved: 5, kept: 0, cleared: 0, skipped: 0, pendingLogIds: [] } } : { state: 'waiting' as const }),
          }),
        ),
      });
    let outboxChanged = () => {};
    const { store } = await mountSettled(handlers, { subscribeOutbox: (listener) => ((outboxChanged = listener), () => {}) });
    await approveAndSettle(store);
    expect($('approve-result')!.textContent).toBe('No answer from the sync service yet. SyncLens is confirming your approval and will show the result here.');
    expect($('approve-result')!.textContent).not.toContain('https://');
    expect($('approve-result-box')!.className).toContain('queued');
    // The reviewed rows are safe in the outbox: off the list for this cycle.
    expect(rowIds()).toEqual([]);
    delivered = true;
    await act(async () => outboxChanged());
    await vi.waitFor(() => expect($('approve-result')!.textContent).toBe('5 approved · 0 kept for next time · 0 cleared'));
  });

  it('renders server strings as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const handlers = standardHandlers([
      item('x1', 'export', { name: evil, docNumber: '<b>7</b>' }),
    ]);
    const companies = [company('co-1', '<script>alert(2)</script>', 'qbd'), company('co-2', 'Second <i>co</i>')];
    companies[0]!.connector.message = '<a href="javascript:alert(3)">fix</a>';
    const snap = snapshot(companies);
    handlers['state.get'] = () => ok(snap);
    handlers['state.refresh'] = () => ok(snap);
    await mountSettled(handlers);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('i')).toBeNull();
    expect(container.querySelector('[data-item-id="x1"]')!.textContent).toContain(evil);
    expect($('connector-status')!.textContent).toContain('<a href="javascript:alert(3)">fix</a>');
    expect($('company-switcher')!.textContent).toContain('<script>alert(2)</script>');
  });

  it('says so when a section has nothing waiting', async () => {
    await mountSettled(standardHandlers([item('i1', 'import')]));
    expect($('section-export-empty')!.textContent).toBe('Nothing waiting for approval');
    expect($('section-import-empty')).toBeNull();
    expect($<HTMLInputElement>('section-export-toggle')!.disabled).toBe(true);
  });
});

describe('popup loading order', () => {
  it('paints cached items before state.refresh and wizard.load answer, then updates', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const refresh = deferred<Reply<Snapshot>>();
    const load = deferred<Reply<WizardSnapshot>>();
    const { started } = await mount({
      'state.get': () => ok(snapshot(companies)),
      'wizard.cached': () => ok(wizardOf('co-1', [item('old', 'export')])),
      'state.refresh': () => refresh.promise,
      'wizard.load': () => load.promise,
    });
    await vi.waitFor(() => expect(rowIds()).toEqual(['old']));
    expect($('popup-loading')).toBeNull();

    await act(async () => {
      load.resolve(ok(wizardOf('co-1', [item('old', 'export'), item('new', 'import')])));
      refresh.resolve(ok(snapshot(companies, {}, { 'co-1': 3 })));
      await started;
    });
    expect(rowIds()).toEqual(['old', 'new']);
    expect($('unsynced-count')!.textContent).toBe('3 unsynced records need attention');
  });

  it('asks for the remembered company\'s cached list without waiting for the state', async () => {
    storage.set(LAST_COMPANY_KEY, 'co-1');
    const first = deferred<Reply<Snapshot>>();
    const { bg, started } = await mount({ ...standardHandlers(FIVE), 'state.get': () => first.promise });
    expect(bg.calls.map((c) => c.command)).toEqual(['wizard.cached', 'state.get']);
    // Rows are painted from the cache while the state is still on its way.
    await vi.waitFor(() => expect(rowIds()).toHaveLength(5));
    expect($('popup-loading')).toBeNull();
    await act(async () => {
      first.resolve(ok(snapshot([company('co-1', 'Oak & Elm Tree Care')])));
      await started;
    });
    expect(rowIds()).toHaveLength(5);
    // The early reply is used, not asked for twice.
    expect(bg.calls.filter((c) => c.command === 'wizard.cached')).toHaveLength(1);
  });

  it('ignores a remembered company that is no longer listed, dropping its early rows', async () => {
    storage.set(LAST_COMPANY_KEY, 'gone');
    const handlers = standardHandlers(FIVE);
    handlers['wizard.cached'] = ({ companyId }) =>
      ok(companyId === 'gone' ? wizardOf('gone', [item('ghost', 'export')]) : wizardOf(companyId, FIVE));
    const { bg } = await mountSettled(handlers);
    expect(rowIds()).not.toContain('ghost');
    expect(rowIds()).toHaveLength(5);
    expect(bg.calls.filter((c) => c.command === 'wizard.load').map((c) => c.payload)).toEqual([{ companyId: 'co-1' }]);
    expect(storage.get(LAST_COMPANY_KEY)).toBe('co-1');
  });

  it('paints what it showed last time before the background answers at all, then takes the fresh list', async () => {
    const never = () => new Promise<never>(() => {});
    // A first popup with five rows remembers them.
    const first = await mountSettled(standardHandlers(FIVE));
    expect(rowIds()).toHaveLength(5);
    expect(storage.get(LAST_PAINT_KEY)).toBeTruthy();
    void first;
    render(null, container);

    // The next popup: the background is slow to answer, yet the rows are there on the first render.
    const state = deferred<Reply<Snapshot>>();
    const fresh = deferred<Reply<WizardSnapshot>>();
    const { started } = await mount({ ...standardHandlers(FIVE), 'state.get': () => state.promise, 'wizard.cached': never, 'wizard.load': () => fresh.promise });
    expect($('popup-loading')).toBeNull();
    expect(rowIds().sort()).toEqual(FIVE.map((i) => i.id).sort());
    await act(async () => {
      state.resolve(ok(snapshot([company('co-1', 'Oak & Elm Tree Care')])));
      fresh.resolve(ok(wizardOf('co-1', FIVE.slice(0, 2))));
      await started;
    });
    await vi.waitFor(() => expect(rowIds()).toHaveLength(2));
  });

  it('ignores a last paint that does not validate', async () => {
    storage.set(LAST_PAINT_KEY, JSON.stringify({ snapshot: { nope: true }, wizard: null }));
    const never = () => new Promise<never>(() => {});
    await mount({ ...standardHandlers(FIVE), 'state.get': never });
    expect($('popup-loading')).not.toBeNull();
  });

  it('shows a skeleton until the first state arrives', async () => {
    const first = deferred<Reply<Snapshot>>();
    const { started } = await mount({ ...standardHandlers(FIVE), 'state.get': () => first.promise });
    expect($('popup-loading')).not.toBeNull();
    expect($('state-unconfigured')).toBeNull();
    await act(async () => {
      first.resolve(ok(snapshot([company('co-1', 'Oak & Elm Tree Care')])));
      await started;
    });
    expect($('popup-loading')).toBeNull();
    expect(rowIds()).toHaveLength(5);
  });

  it('a row that arrives with a refresh is shown checked and included when approving', async () => {
    const handlers = standardHandlers(FIVE);
    const { bg, store } = await mountSettled(handlers);
    await click(rowCheckbox('e1'));
    handlers['wizard.load'] = ({ companyId }) => ok(wizardOf(companyId, [...FIVE, item('late', 'export')]));
    await click($('refresh'));
    await vi.waitFor(() => expect(rowIds()).toContain('late'));
    expect(rowCheckbox('late').checked).toBe(true);
    expect(rowCheckbox('e1').checked).toBe(false);
    await approveAndSettle(store);
    const [payload] = approveCalls(bg.calls) as { reviewedIds: string[]; approveIds: string[] }[];
    expect(payload!.reviewedIds).toContain('late');
    expect(payload!.approveIds).toContain('late');
    expect(payload!.approveIds).not.toContain('e1');
  });

  it('paints only the first screen of a long remembered list, with the counts of all, and reads the rest right after', async () => {
    const many = [...Array.from({ length: 30 }, (_, i) => item(`e${i}`, 'export')), ...Array.from({ length: 3 }, (_, i) => item(`i${i}`, 'import'))];
    await mountSettled(standardHandlers(many));
    render(null, container);
    const head = JSON.parse(storage.get(LAST_PAINT_KEY)!) as { wizard: { items: WizardItem[]; unseen: { export: number; import: number } } };
    expect(head.wizard.items).toHaveLength(HEAD_ROWS + 3);
    expect(head.wizard.unseen).toEqual({ export: 30 - HEAD_ROWS, import: 0 });
    expect(JSON.parse(storage.get(LAST_PAINT_REST_KEY)!).items).toHaveLength(30 - HEAD_ROWS);

    // The next popup, the background silent: the first screen's rows, the counts of all 33.
    const never = () => new Promise<never>(() => {});
    const handlers = { ...standardHandlers(many), 'state.get': never, 'wizard.cached': never, 'wizard.load': never };
    const { store, bg } = await mount(handlers);
    expect(rowIds($('section-export')!).length).toBeLessThanOrEqual(HEAD_ROWS);
    expect($('section-export-count')!.textContent).toBe('30');
    expect(store.counts.value.checked).toBe(33);
    expect(store.exportState.value).toBe('all');
    // Right after the first paint, every row is there.
    await vi.waitFor(() => expect(rowIds()).toHaveLength(33));
    await click(rowCheckbox('e29'));
    expect($('section-export-count')!.textContent).toContain('29');
    await click($('approve-checked'));
    const [payload] = approveCalls(bg.calls) as { reviewedIds: string[]; approveIds: string[] }[];
    expect(payload!.reviewedIds).toHaveLength(33);
    expect(payload!.approveIds).toHaveLength(32);
  });

  it('a remembered row of the wrong shape is never painted: a bad first screen is refused whole, a bad rest drops the list', async () => {
    const many = Array.from({ length: 20 }, (_, i) => item(`e${i}`, 'export'));
    await mountSettled(standardHandlers(many));
    render(null, container);
    const never = () => new Promise<never>(() => {});
    const silent = { ...standardHandlers(many), 'state.get': never, 'wizard.cached': never, 'wizard.load': never };
    const good = storage.get(LAST_PAINT_KEY)!;

    const head = JSON.parse(good) as { wizard: { items: Record<string, unknown>[] } };
    head.wizard.items[0]!.name = { html: '<b>not text</b>' };
    storage.set(LAST_PAINT_KEY, JSON.stringify(head));
    await mount(silent);
    expect(rowIds()).toHaveLength(0);
    render(null, container);

    storage.set(LAST_PAINT_KEY, good);
    const rest = JSON.parse(storage.get(LAST_PAINT_REST_KEY)!) as { items: Record<string, unknown>[] };
    rest.items[3]!.direction = 'sideways';
    storage.set(LAST_PAINT_REST_KEY, JSON.stringify(rest));
    await mount(silent);
    expect(rowIds().length).toBeGreaterThan(0); // the first screen was fine
    await vi.waitFor(() => expect(rowIds()).toHaveLength(0)); // the rest was not: nothing half-read stays
  });

  it('a section toggle before the rest is read covers the rows not painted yet', async () => {
    const many = Array.from({ length: 20 }, (_, i) => item(`e${i}`, 'export'));
    await mountSettled(standardHandlers(many));
    render(null, container);
    const never = () => new Promise<never>(() => {});
    const { store } = await mount({ ...standardHandlers(many), 'state.get': never, 'wizard.cached': never, 'wizard.load': never });
    act(() => store.toggleDirection('export'));
    expect(store.counts.value).toEqual({ shown: 20, checked: 0, unchecked: 20 });
    expect(store.exportState.value).toBe('none');
  });

  it('renders only the rows in view for a 2,000-item list and more on scroll', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => item(`w${i}`, 'export'));
    const { store, bg } = await mountSettled(standardHandlers(many));
    const section = $('section-export')!;
    const first = rowIds(section);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(40);
    expect(first[0]).toBe('w0');
    expect($('section-export-count')!.textContent).toBe('2,000');

    const list = $('wizard-list', section)!;
    await act(() => {
      list.scrollTop = 52 * 1000;
      list.dispatchEvent(new Event('scroll'));
    });
    const after = rowIds(section);
    expect(after).toContain('w1000');
    expect(after).not.toContain('w0');

    // Approving still covers every item, not only the rendered ones.
    await approveAndSettle(store);
    const [payload] = approveCalls(bg.calls) as { reviewedIds: string[]; approveIds: string[] }[];
    expect(payload!.reviewedIds).toHaveLength(2000);
    expect(payload!.approveIds).toHaveLength(2000);
  });
});

describe('popup companies and connector', () => {
  const twoCompanies = () => [company('co-1', 'Oak & Elm Tree Care', 'qbo'), company('co-2', 'Greenway Lawn', 'qbd')];

  function twoCompanyHandlers(): Handlers {
    const companies = twoCompanies();
    const items: Record<string, WizardItem[]> = {
      'co-1': [item('a1', 'export'), item('a2', 'import')],
      'co-2': [item('b1', 'export')],
    };
    const snap = snapshot(companies, {}, { 'co-1': 0, 'co-2': 2 });
    return {
      ...standardHandlers([]),
      'state.get': () => ok(snap),
      'state.refresh': () => ok(snap),
      'wizard.cached': ({ companyId }) => ok(wizardOf(companyId, items[companyId] ?? [])),
      'wizard.load': ({ companyId }) => ok(wizardOf(companyId, items[companyId] ?? [])),
    };
  }

  it('switches company, shows its list and remembers the choice', async () => {
    const { bg } = await mountSettled(twoCompanyHandlers());
    const switcher = $<HTMLSelectElement>('company-switcher')!;
    expect(switcher.value).toBe('co-1');
    expect(rowIds()).toEqual(['a1', 'a2']);
    await choose(switcher, 'co-2');
    await vi.waitFor(() => expect(rowIds()).toEqual(['b1']));
    expect(storage.get(LAST_COMPANY_KEY)).toBe('co-2');
    expect(bg.calls.some((c) => c.command === 'wizard.load' && (c.payload as { companyId: string }).companyId === 'co-2')).toBe(true);
    expect($('unsynced-count')!.textContent).toBe('2 unsynced records need attention');

    // The next popup opens on the remembered company.
    render(null, container);
    await mountSettled(twoCompanyHandlers());
    expect($<HTMLSelectElement>('company-switcher')!.value).toBe('co-2');
    expect(rowIds()).toEqual(['b1']);
  });

  it('approves for the selected company only', async () => {
    const { bg, store } = await mountSettled(twoCompanyHandlers());
    await choose($<HTMLSelectElement>('company-switcher'), 'co-2');
    await vi.waitFor(() => expect(rowIds()).toEqual(['b1']));
    await approveAndSettle(store);
    expect(approveCalls(bg.calls)).toEqual([{ companyId: 'co-2', reviewedIds: ['b1'], approveIds: ['b1'], unchecked: 'keep' }]);
  });

  it('shows no switcher for a single company', async () => {
    await mountSettled(standardHandlers(FIVE));
    expect($('company-switcher')).toBeNull();
    expect($('company-name')!.textContent).toContain('Oak & Elm Tree Care');
  });

  it('only lists followed companies in the switcher', async () => {
    const handlers = twoCompanyHandlers();
    const companies = [...twoCompanies(), company('co-3', 'Birch Arborists')];
    const snap = snapshot(companies, { settings: { connections: [primary({ apiUrl: 'https://s', followedCompanyIds: ['co-1', 'co-3'] })], pollMinutes: 5 } });
    handlers['state.get'] = () => ok(snap);
    handlers['state.refresh'] = () => ok(snap);
    await mountSettled(handlers);
    const values = [...$<HTMLSelectElement>('company-switcher')!.options].map((o) => o.value);
    expect(values).toEqual(['co-1', 'co-3']);
  });

  it('explains the Pending wait and last Web Connector contact only for QuickBooks Desktop', async () => {
    await mountSettled(twoCompanyHandlers());
    const qbo = $('connector-status')!;
    expect(qbo.textContent).not.toMatch(/Web Connector/);
    expect(qbo.textContent).toMatch(/QuickBooks Online connected/);

    await choose($<HTMLSelectElement>('company-switcher'), 'co-2');
    const qbd = $('connector-status')!;
    expect(qbd.textContent).toMatch(/wait in Pending until the Web Connector runs/);
    expect(qbd.textContent).toMatch(/Web Connector last contact: today \d{1,2}:\d{2}|yesterday/);
    expect(qbd.getAttribute('data-tone')).toBe('ok');
  });

  it('warns when the Web Connector is stale and says what to do', async () => {
    const companies = [company('co-2', 'Greenway Lawn', 'qbd', 'stale')];
    const handlers = standardHandlers([item('b1', 'export')], companies);
    handlers['wizard.cached'] = ({ companyId }) => ok(wizardOf(companyId, [item('b1', 'export')]));
    handlers['wizard.load'] = ({ companyId }) => ok(wizardOf(companyId, [item('b1', 'export')]));
    await mountSettled(handlers);
    const status = $('connector-status')!;
    expect(status.getAttribute('data-tone')).toBe('warn');
    expect(status.textContent).toMatch(/overdue/);
    expect(status.textContent).toMatch(/Web Connector/);
    expect(status.textContent).toMatch(/Update Selected/);
  });

  it('tells how to reconnect when the Web Connector sign-in expired', async () => {
    const companies = [company('co-2', 'Greenway Lawn', 'qbd', 'auth-expired')];
    await mountSettled(standardHandlers([], companies));
    expect($('connector-status')!.getAttribute('data-tone')).toBe('warn');
    expect($('connector-status')!.textContent).toMatch(/Reconnect/);
  });
});

describe('popup connection states', () => {
  it('offline: keeps the cached rows and says how old they are', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const lastGood = new Date(NOW);
    lastGood.setHours(9, 2, 0, 0);
    const cachedSnap = snapshot(companies, {
      status: { state: 'unreachable', lastSuccessAt: lastGood.toISOString(), failingSince: lastGood.toISOString(), message: null, nextPollAt: null },
    });
    await mountSettled({
      'state.get': () => ok(cachedSnap),
      'wizard.cached': () => ok(wizardOf('co-1', FIVE)),
      'state.refresh': () => fail('unreachable', 'Network error'),
      'wizard.load': () => fail('unreachable', 'Network error'),
    });
    const banner = $('state-offline')!;
    expect(banner.textContent).toContain("Can't reach the sync service. Showing data from 9:02 AM.");
    expect(rowIds()).toHaveLength(5);
  });

  it('offline after an ok cache: a failed refresh switches to the offline banner', async () => {
    const handlers = standardHandlers(FIVE);
    handlers['state.refresh'] = () => fail('unreachable', 'timeout');
    await mountSettled(handlers);
    expect($('state-offline')).not.toBeNull();
    expect(rowIds()).toHaveLength(5);
  });

  it('offline: says when it tries again on its own, and recovers without anyone pressing Try again (issue 8 §3)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const handlers = standardHandlers(FIVE);
      const good = handlers['state.refresh']!;
      handlers['state.refresh'] = () => fail('unreachable', 'timeout');
      await mountSettled(handlers);
      expect($('state-offline')).not.toBeNull();
      expect($('next-retry')!.textContent).toMatch(/tries again on its own at/);
      handlers['state.refresh'] = good;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10_000);
      });
      await vi.waitFor(() => expect($('state-offline')).toBeNull());
      expect(rowIds()).toHaveLength(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('signed-out: says the token was refused and opens settings', async () => {
    const openOptions = vi.fn();
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const snap = snapshot(companies, {
      status: { state: 'signed-out', lastSuccessAt: null, failingSince: null, message: '401', nextPollAt: null },
    });
    await mountSettled({ ...standardHandlers(FIVE), 'state.get': () => ok(snap), 'state.refresh': () => ok(snap) }, { openOptions });
    const banner = $('state-signed-out')!;
    expect(banner.textContent).toContain('The sync service refused the token');
    await click(banner.querySelector('button'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('unconfigured: shows Open settings and asks for nothing else', async () => {
    const openOptions = vi.fn();
    const { bg } = await mountSettled({ 'state.get': () => fail('unconfigured', 'No address yet') }, { openOptions });
    const panel = $('state-unconfigured')!;
    const button = [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Open settings');
    await click(button!);
    expect(openOptions).toHaveBeenCalledTimes(1);
    expect(bg.calls.map((c) => c.command)).toEqual(['state.get']);
    expect($('wizard-row')).toBeNull();
  });

  it('a service error is shown with its message and a retry that polls again', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const broken = snapshot(companies, {
      status: { state: 'error', lastSuccessAt: null, failingSince: null, message: 'The sync service answered 500.', nextPollAt: null },
    });
    const handlers = { ...standardHandlers(FIVE, companies), 'state.get': () => ok(broken), 'state.refresh': () => ok(broken) };
    const { bg } = await mountSettled(handlers);
    const banner = $('state-error')!;
    expect(banner.textContent).toContain('The sync service answered 500.');
    const before = bg.calls.filter((c) => c.command === 'state.refresh').length;
    handlers['state.refresh'] = () => ok(snapshot(companies));
    await click(banner.querySelector('button'));
    await vi.waitFor(() => expect($('state-error')).toBeNull());
    expect(bg.calls.filter((c) => c.command === 'state.refresh').length).toBe(before + 1);
  });

  it('a failed list refresh keeps the cached rows and says why', async () => {
    const handlers = standardHandlers(FIVE);
    handlers['wizard.load'] = () => fail('server-error', 'Wizard endpoint failed (500).');
    await mountSettled(handlers);
    expect(rowIds()).toHaveLength(5);
    expect(container.textContent).toContain("Couldn't load the latest items: Wizard endpoint failed (500).");
  });

  it('unconfigured when the saved settings lack an address or token', async () => {
    const snap = snapshot([], {
      status: { state: 'unconfigured', lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null },
      summary: null,
      settings: { connections: [primary({ apiUrl: '', hasToken: false })], pollMinutes: 5 },
    });
    const { bg } = await mountSettled({ 'state.get': () => ok(snap) });
    expect($('state-unconfigured')).not.toBeNull();
    expect(bg.calls.map((c) => c.command)).toEqual(['state.get']);
  });

  it('a configured extension that has not polled yet refreshes instead of asking for settings', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const beforeFirstPoll = snapshot([], {
      status: { state: 'unconfigured', lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null },
      summary: null,
    });
    await mountSettled({
      ...standardHandlers(FIVE, companies),
      'state.get': () => ok(beforeFirstPoll),
      'wizard.cached': () => ok(null),
    });
    expect($('state-unconfigured')).toBeNull();
    expect(rowIds()).toHaveLength(5);
  });
});

describe('popup error lookup', () => {
  it('loads the lookup when opened and shows the background’s explanation as text', async () => {
    const explanation = {
      system: 'qbd' as const, code: '3100', title: 'Name already in use', meaning: 'Another list entry has this <b>name</b>.',
      likelyCause: 'A client entered twice.', steps: ['Rename one.', 'Resync.'], resyncAlone: false, clearIdFixes: false,
      category: 'duplicate' as const, general: false, hints: [],
    };
    const { bg } = await mountSettled({ ...standardHandlers(FIVE), 'error.explain': () => ok({ explanations: [explanation] }) });
    const details = container.querySelector('details.explain-panel') as HTMLDetailsElement;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    await vi.waitFor(() => expect($('explain-input')).not.toBeNull());
    const input = $<HTMLTextAreaElement>('explain-input')!;
    await act(async () => {
      input.value = 'statusCode="3100"';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (input.form as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect($('explain-result')!.textContent).toContain('Name already in use'));
    expect(bg.calls.find((c) => c.command === 'error.explain')?.payload).toEqual({ text: 'statusCode="3100"' });
    expect($('explain-result')!.querySelector('b')).toBeNull();
  });
});

describe('popup first company', () => {
  it('opens the company with the most items waiting when none was chosen before', async () => {
    const companies = [company('co-1', 'Quiet Co'), company('co-2', 'Busy Co')];
    const snap = snapshot(companies);
    snap.summary!.companies = snap.summary!.companies.map((c) => ({ ...c, pendingApprovals: c.companyId === 'co-2' ? { export: 9, import: 1 } : { export: 1, import: 0 } }));
    await mountSettled({ ...standardHandlers(FIVE, companies), 'state.get': () => ok(snap), 'state.refresh': () => ok(snap) });
    expect($<HTMLSelectElement>('company-switcher')!.value).toBe('co-2');
  });
});

describe('popup: approvals the network lies about (issue 8 §4)', () => {
  const actionState = (key: string, state: ActionState['state'], extra: Partial<ActionState> = {}): ActionState => ({
    key, state, kind: 'approve', companyId: 'co-1', count: 5, unsyncedId: null, createdAt: NOW.toISOString(), attempts: 1, message: null, nextAttemptAt: null, ...extra,
  });

  it('approves more than 10,000 items in parts of at most 5,000, each with its own key, with progress', async () => {
    const many = Array.from({ length: 12_001 }, (_, i) => item(`w${i}`, 'export'));
    const handlers = standardHandlers(many);
    const release: (() => void)[] = [];
    const approve = handlers['wizard.approve']!;
    handlers['wizard.approve'] = async (p) => {
      await new Promise<void>((resolve) => release.push(resolve));
      return approve(p);
    };
    const { store, bg } = await mountSettled(handlers);
    await click(rowCheckbox('w0'));
    await click($('approve-checked'));
    await vi.waitFor(() => expect(release).toHaveLength(1));
    await act(async () => release.shift()!());
    await vi.waitFor(() => expect($('approve-checked')!.textContent).toContain('Approving 5,000 of 12,001'));
    expect($<HTMLProgressElement>('approve-progress')!.value).toBe(5000);
    for (let i = 0; i < 2; i++) {
      await vi.waitFor(() => expect(release).toHaveLength(1));
      await act(async () => release.shift()!());
    }
    await vi.waitFor(() => expect(store.approving.value).toBe(false));
    const calls = bg.calls.filter((c) => c.command === 'wizard.approve').map((c) => c.payload as { reviewedIds: string[]; approveIds: string[]; actionKey: string });
    expect(calls.map((c) => c.reviewedIds.length)).toEqual([5000, 5000, 2001]);
    expect(new Set(calls.flatMap((c) => c.reviewedIds)).size).toBe(12_001);
    expect(calls.flatMap((c) => c.approveIds)).not.toContain('w0');
    expect(new Set(calls.map((c) => c.actionKey)).size).toBe(3);
    expect($('approve-result')!.textContent).toBe('12,000 approved · 1 kept for next time · 0 cleared');
  });

  it('when the background did not answer, asks by the key what became of the approval: never stored means nothing was approved', async () => {
    const handlers = standardHandlers(FIVE);
    handlers['wizard.approve'] = () => fail('unreachable', 'The SyncLens background did not answer: Error: message channel closed');
    handlers['actions.status'] = ({ keys }: { keys: string[] }) => ok({ actions: keys.map((k) => actionState(k, 'unknown', { kind: null, companyId: null, count: 0 })) });
    const { store } = await mountSettled(handlers);
    await click($('approve-checked'));
    await vi.waitFor(() => expect($('approve-result')!.textContent).toBe('Nothing was approved. Nothing was approved: the approval never left SyncLens. Try again.'));
    expect(store.approving.value).toBe(false);
    expect(rowIds()).toEqual(['e1', 'e2', 'e3', 'i1', 'i2']);
  });

  it('when the background did not answer but had stored the approval, shows the counts once it went through', async () => {
    const handlers = standardHandlers(FIVE);
    handlers['wizard.approve'] = () => fail('unreachable', 'The SyncLens background did not answer.');
    handlers['actions.status'] = ({ keys }: { keys: string[] }) => {
      // The outbox delivered it: the service no longer lists the items.
      handlers['wizard.load'] = ({ companyId }) => ok(wizardOf(companyId, []));
      return ok({ actions: keys.map((k) => actionState(k, 'done', { result: { approved: 5, kept: 0, cleared: 0, skipped: 0, pendingLogIds: [] } })) });
    };
    await mountSettled(handlers);
    await click($('approve-checked'));
    await vi.waitFor(() => expect($('approve-result')!.textContent).toBe('5 approved · 0 kept for next time · 0 cleared'));
    // The applied items are no longer listed as waiting.
    expect(rowIds()).toEqual([]);
  });

  it('with the token refused, keeps the rows for reference, says how old they are, and does not let anyone approve', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const signedOut = snapshot(companies, { status: { state: 'signed-out', lastSuccessAt: minutesAgo(30), failingSince: minutesAgo(2), message: 'The service refused the token.', nextPollAt: null } });
    const handlers = { ...standardHandlers(FIVE, companies), 'state.get': () => ok(signedOut), 'state.refresh': () => ok(signedOut) };
    handlers['wizard.load'] = () => fail('signed-out', 'The service refused the token.');
    const { bg } = await mountSettled(handlers);
    expect(rowIds()).toEqual(['e1', 'e2', 'e3', 'i1', 'i2']);
    expect($<HTMLButtonElement>('approve-checked')!.disabled).toBe(true);
    expect($('approve-blocked')!.textContent).toMatch(/accepts the token again/);
    expect($('list-note-age')!.textContent).toMatch(/^This list is from .* and may be out of date\.$/);
    await click($('approve-checked'));
    expect(approveCalls(bg.calls)).toEqual([]);
  });

  it('says until when the service asked for a pause, and when items had to be repaired', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const paused = snapshot(companies, { status: { state: 'error', lastSuccessAt: minutesAgo(3), failingSince: minutesAgo(1), message: 'busy', nextPollAt: null, pausedUntil: new Date(NOW.getTime() + 10 * 60_000).toISOString() } });
    const handlers = { ...standardHandlers(FIVE, companies), 'state.get': () => ok(paused), 'state.refresh': () => ok(paused) };
    handlers['wizard.load'] = ({ companyId }) => ok({ ...wizardOf(companyId, FIVE), damaged: { repaired: 1, dropped: 1 } });
    await mountSettled(handlers);
    expect($('list-note-paused')!.textContent).toMatch(/asked SyncLens to wait until/);
    expect($('list-note-damaged')!.textContent).toBe('2 items from the sync service had fields SyncLens could not show; they are shortened or left out.');
  });

  it('reads the state again when loading the list met a pause (429 with Retry-After) the state read alongside did not know', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const before = snapshot(companies);
    const paused = snapshot(companies, { status: { ...before.status, pausedUntil: new Date(NOW.getTime() + 5 * 60_000).toISOString() } });
    let stored = before;
    const handlers = { ...standardHandlers(FIVE, companies), 'state.get': () => ok(stored), 'state.refresh': () => ok(before) };
    // The background recorded the pause while answering the list; the refreshed state predates it.
    handlers['wizard.load'] = () => {
      stored = paused;
      return { ok: false, error: { code: 'server-error', message: 'Too many requests; try again later.', retryAfterSeconds: 300 } };
    };
    const { bg } = await mountSettled(handlers);
    expect(rowIds()).toEqual(['e1', 'e2', 'e3', 'i1', 'i2']);
    expect($('list-note-paused')!.textContent).toMatch(/asked SyncLens to wait until/);
    // Read from the background's storage: no second poll.
    expect(bg.calls.filter((c) => c.command === 'state.refresh')).toHaveLength(1);
  });

  it('an approval SyncLens gave up on is "not confirmed", never "not approved": its replies were lost, the service may have applied it', async () => {
    const { outcomeText } = await import('@/components/popup/ApproveBar');
    const text = outcomeText({ kind: 'not-done', message: 'the reply was cut off' });
    expect(text).toBe(
      'Not confirmed: SyncLens stopped trying on its own (the reply was cut off) and does not know whether the sync service received this approval. Use Try again below: it is never applied twice.',
    );
    expect(text).not.toMatch(/not approved/i);
  });

  it('lists the actions still waiting, and offers Try again and Discard for one SyncLens gave up on', async () => {
    const handlers = standardHandlers(FIVE);
    let actions = [actionState('k-wait', 'waiting', { nextAttemptAt: new Date(NOW.getTime() + 60_000).toISOString() }), actionState('k-stuck', 'not-done', { message: 'HTTP 502', count: 2 })];
    handlers['actions.list'] = () => ok({ actions });
    handlers['actions.retry'] = ({ key }: { key: string }) => ((actions = actions.filter((a) => a.key !== key)), ok(actionState(key, 'done')));
    handlers['actions.discard'] = ({ key }: { key: string }) => ((actions = actions.filter((a) => a.key !== key)), ok(actionState(key, 'discarded')));
    const { bg } = await mountSettled(handlers);
    const rows = $$('waiting-action');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['waiting', 'not-done']);
    expect(rows[0]!.textContent).toMatch(/Approve 5 items.*next try at/);
    expect(rows[1]!.textContent).toMatch(/Approve 2 items.*not confirmed: HTTP 502/);
    await click($('action-retry')!);
    expect(bg.calls.some((c) => c.command === 'actions.retry' && (c.payload as { key: string }).key === 'k-stuck')).toBe(true);
    await vi.waitFor(() => expect($$('waiting-action')).toHaveLength(1));
  });

  it('a list load refused by a pause is said once, by the pause note, not again in red', async () => {
    const companies = [company('co-1', 'Oak & Elm Tree Care')];
    const paused = snapshot(companies, { status: { state: 'ok', lastSuccessAt: minutesAgo(3), failingSince: null, message: null, nextPollAt: null, pausedUntil: new Date(NOW.getTime() + 10 * 60_000).toISOString() } });
    const handlers = { ...standardHandlers(FIVE, companies), 'state.get': () => ok(paused), 'state.refresh': () => ok(paused) };
    handlers['wizard.load'] = () => ({ ok: false as const, error: { code: 'paused' as const, message: 'The sync service asked SyncLens to wait until 10:32 before asking again.' } });
    await mountSettled(handlers);
    expect($('list-note-paused')).not.toBeNull();
    expect(container.querySelector('.inline-error')).toBeNull();
    expect(rowIds()).toEqual(['e1', 'e2', 'e3', 'i1', 'i2']);
  });

  it('says why an action is not confirmed in plain words, never an address or the browser\'s words', async () => {
    const handlers = standardHandlers(FIVE);
    handlers['actions.list'] = () =>
      ok({ actions: [actionState('k1', 'not-done', { reason: 'unreachable', message: 'Could not reach http://127.0.0.1:9: Failed to fetch' })] });
    await mountSettled(handlers);
    const text = $('waiting-action')!.textContent!;
    expect(text).toContain('not confirmed: the sync service did not answer');
    expect(text).not.toMatch(/http|Failed to fetch/);
  });

  it('shows the result in a place of its own, outside the sticky approve bar', async () => {
    const { store } = await mountSettled(standardHandlers(FIVE));
    await approveAndSettle(store);
    const box = $('approve-result-box')!;
    expect(box.closest('.approve-bar')).toBeNull();
    expect(box.compareDocumentPosition($('section-export')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await click($('approve-result-dismiss')!);
    expect($('approve-result')!.textContent).toBe('');
  });
});
