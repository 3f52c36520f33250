/**
 * The Sync Center page with a fake background: every command answers from a handler the test
 * controls, so the tests see exactly which requests the page sends and what it shows for each reply.
 */
import type { ActionState } from '@/lib/messaging/action-commands';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company, LogEntry, UnsyncedEntity } from '@/lib/api/schema';
import type { CommandName, PayloadOf, Reply, ReplyOf, Snapshot } from '@/lib/messaging/protocol';
import { CenterApp } from '@/components/center/CenterApp';
import { createCenterStore, type CenterStore } from '@/components/center/store';
import { recordingSend, type FakeHandlers } from './fake-background';
import { centerPage } from './center-page';

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function company(id: string, name: string, system: 'qbo' | 'qbd' = 'qbo', connector: Partial<Company['connector']> = {}): Company {
  return {
    id,
    name,
    system,
    realmId: system === 'qbo' ? '9130357766542011' : null,
    connector: { kind: system === 'qbd' ? 'web-connector' : 'qbo-api', state: 'ok', lastContactAt: minutesAgo(10), lastRunAt: minutesAgo(10), ...connector },
  };
}

function u(id: string, over: Partial<UnsyncedEntity> = {}): UnsyncedEntity {
  return {
    id,
    companyId: 'evergreen',
    entityType: 'Invoice',
    localId: `job-${id}`,
    localUrl: `https://jobs.example.com/${id}`,
    qbId: `9${id.replace(/\D/g, '') || '1'}`,
    name: `Client ${id}`,
    docNumber: null,
    errorCode: '6240',
    errorMessage: 'Duplicate Name Exists Error',
    firstFailedAt: minutesAgo(600),
    lastAttemptAt: minutesAgo(60),
    attempts: 1,
    state: 'failed',
    ...over,
  };
}

function snapshot(companies: Company[]): Snapshot {
  return {
    status: { state: 'ok', lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null },
    summary: null,
    companies,
    settings: { connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }], pollMinutes: 5 },
    // One service (`primary`): plain company ids, its status is the combined one.
    connections: [{ ...{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }, status: { state: 'ok', lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null } }],
  };
}

type Handler<C extends CommandName> = (payload: PayloadOf<C>) => Reply<ReplyOf<C>> | Promise<Reply<ReplyOf<C>>>;
type Handlers = { [C in CommandName]?: Handler<C> };

const ok = <T,>(data: T) => ({ ok: true as const, data });

function fakeBackground(handlers: Handlers) {
  const { send, calls } = recordingSend(handlers);
  return { send, calls, of: (c: CommandName) => calls.filter((x) => x.command === c) };
}

const EVERGREEN = company('evergreen', 'Evergreen Tree & Landscape');

function standard(items: UnsyncedEntity[], companies = [EVERGREEN], extra: Handlers = {}): Handlers {
  const snap = snapshot(companies);
  return {
    'state.get': () => ok(snap),
    'state.refresh': () => ok(snap),
    'center.unsyncedCached': () => ok(null),
    'center.unsynced': ({ companyId }) => ok({ companyId, items: items.filter((i) => i.companyId === companyId), fetchedAt: NOW.toISOString() }),
    ...extra,
  };
}

const page = centerPage(NOW);
/** The page's element of the current test (some tests render into it themselves). */
let root: HTMLElement;
beforeEach(() => {
  root = page.root();
});

async function mount(handlers: Handlers, link = {}) {
  const { store, of } = await page.mount(handlers as FakeHandlers, { link });
  return { store, bg: { of } };
}

const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const rowIds = () => $$('[data-testid="unsynced-row"]').map((r) => r.dataset.unsyncedId);
const row = (id: string) => $(`[data-testid="unsynced-row"][data-unsynced-id="${id}"]`)!;

async function click(el: Element | null) {
  if (!el) throw new Error('element not found');
  await act(async () => {
    (el as HTMLElement).click();
  });
}

async function choose(testId: string, value: string) {
  const select = $(`[data-testid="${testId}"]`) as HTMLSelectElement;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function type(testId: string, value: string) {
  const input = $(`[data-testid="${testId}"]`) as HTMLInputElement;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const ITEMS = [
  u('u1', { errorCode: '610', errorMessage: 'Object Not Found', name: 'Pine Ridge Estates', entityType: 'Customer' }),
  u('u2', { errorCode: '6240', name: 'Oak Hollow HOA' }),
  u('u3', { errorCode: '610', errorMessage: 'Object Not Found', name: 'Maple Street Dental', entityType: 'Customer' }),
  u('u4', { errorCode: '6210', errorMessage: 'Account Period Closed', name: 'Cedar Court', docNumber: '88' }),
];

describe('Sync Center: unsynced entities', () => {
  it('paints the cached list first, then the fresh one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const bg = fakeBackground(
      standard(ITEMS, [EVERGREEN], {
        'center.unsyncedCached': ({ companyId }) => ok({ companyId, items: [ITEMS[0]!], fetchedAt: minutesAgo(30) }),
        'center.unsynced': async ({ companyId }) => {
          await gate;
          return ok({ companyId, items: ITEMS, fetchedAt: NOW.toISOString() });
        },
      }),
    );
    const store = createCenterStore({ send: bg.send, openOptions: vi.fn() });
    let started!: Promise<void>;
    await act(async () => {
      render(<CenterApp store={store} now={NOW} />, root);
      started = store.start();
    });
    await vi.waitFor(() => expect(rowIds()).toEqual(['u1']));
    await act(async () => {
      release();
      await started;
    });
    expect(rowIds()).toHaveLength(4);
  });

  it('shows code titles, category counts, and filters by code, category, type and text', async () => {
    await mount(standard(ITEMS));
    expect(rowIds()).toHaveLength(4);
    expect($('[data-testid="category-counts"]')!.textContent).toBe('2 deleted in QuickBooks·1 duplicate·1 closed period');
    expect(row('u4').textContent).toContain('6210');
    await choose('filter-code', '610');
    expect(rowIds().sort()).toEqual(['u1', 'u3']);
    await choose('filter-code', '');
    await choose('filter-category', 'closed-period');
    expect(rowIds()).toEqual(['u4']);
    await choose('filter-category', '');
    await choose('filter-type', 'Customer');
    expect(rowIds().sort()).toEqual(['u1', 'u3']);
    await type('filter-search', 'maple');
    expect(rowIds()).toEqual(['u3']);
    await type('filter-search', 'nothing like this');
    expect($('[data-testid="unsynced-no-match"]')).not.toBeNull();
  });

  it('sorts by a column header and says so with aria-sort', async () => {
    await mount(standard(ITEMS));
    await click($('[data-testid="sort-name"]'));
    expect(rowIds()).toEqual(['u4', 'u3', 'u2', 'u1']);
    expect($('[data-testid="sort-name"]')!.closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('ascending');
    await click($('[data-testid="sort-name"]'));
    expect(rowIds()).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect($('[data-testid="sort-name"]')!.closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('Resync sends one request and marks the row queued', async () => {
    const { bg } = await mount(
      standard(ITEMS, [EVERGREEN], {
        'unsynced.resync': ({ unsyncedId }) =>
          ok({
            unsynced: { ...ITEMS.find((i) => i.id === unsyncedId)!, state: 'resync-queued' },
            logEntry: { id: 'l1', companyId: 'evergreen', direction: 'export', entityType: 'Invoice', localId: 'x', name: 'x', status: 'pending', at: NOW.toISOString(), attempt: 2 },
          }),
      }),
    );
    await click(row('u2').querySelector('[data-testid="row-resync"]'));
    expect(bg.of('unsynced.resync').map((c) => c.payload)).toEqual([{ companyId: 'evergreen', unsyncedId: 'u2', actionKey: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    expect(row('u2').dataset.state).toBe('resync-queued');
    expect(row('u2').querySelector('[data-testid="row-state"]')!.textContent).toBe('Queued');
  });

  it('Resync that fails says why and leaves the row failed', async () => {
    await mount(standard(ITEMS, [EVERGREEN], { 'unsynced.resync': () => ({ ok: false, error: { code: 'server-error', message: 'Locked by another user' } }) }));
    await click(row('u2').querySelector('[data-testid="row-resync"]'));
    expect(row('u2').dataset.state).toBe('failed');
    expect(row('u2').textContent).toContain('Locked by another user');
  });

  it('Clear ID asks first, says what it does, and only then sends', async () => {
    const { bg } = await mount(
      standard(ITEMS, [EVERGREEN], {
        'unsynced.clearId': ({ unsyncedId }) =>
          ok({
            unsynced: { ...ITEMS.find((i) => i.id === unsyncedId)!, qbId: null },
            previousQbId: '91',
            nextSyncCreatesNewRecord: true as const,
            message: 'Cleared: the next sync creates a new QuickBooks record.',
          }),
      }),
    );
    await click(row('u1').querySelector('[data-testid="row-clear-id"]'));
    const confirm = $('[data-testid="clear-id-confirm"]')!;
    expect(confirm.textContent).toMatch(/new.*QuickBooks record/);
    expect(confirm.textContent).toMatch(/deleted in QuickBooks/);
    expect(confirm.textContent).toMatch(/duplicate/);
    expect(confirm.querySelector<HTMLAnchorElement>('[data-testid="confirm-open-qbo"]')!.href).toMatch(/^https:\/\//);
    expect(bg.of('unsynced.clearId')).toHaveLength(0);
    await click($('[data-testid="cancel-clear-id"]'));
    expect($('[data-testid="clear-id-confirm"]')).toBeNull();
    expect(bg.of('unsynced.clearId')).toHaveLength(0);
    await click(row('u1').querySelector('[data-testid="row-clear-id"]'));
    await click($('[data-testid="confirm-clear-id"]'));
    expect(bg.of('unsynced.clearId').map((c) => c.payload)).toEqual([{ companyId: 'evergreen', unsyncedId: 'u1', actionKey: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    expect(row('u1').querySelector('[data-testid="row-state"]')!.textContent).toBe('ID cleared');
    expect(row('u1').querySelector<HTMLButtonElement>('[data-testid="row-clear-id"]')!.disabled).toBe(true);
  });

  it('Explain opens the catalog explanation under the row, with a link to the record a 6140 names', async () => {
    const dup = u('u9', {
      errorCode: '6140',
      errorMessage: 'Duplicate Document Number Error',
      errorDetail: 'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1002 is assigned to TxnType=Invoice with TxnId=1002',
      docNumber: '1002',
    });
    await mount(standard([dup]));
    await click(row('u9').querySelector('[data-testid="row-explain"]'));
    const panel = $('[data-testid="row-explanation"]')!;
    expect(panel.querySelector('[data-testid="explanation"]')!.textContent).toContain('6140');
    const related = panel.querySelector<HTMLAnchorElement>('[data-testid="related-record-link"]');
    expect(related?.href).toMatch(/^https:\/\/.*qbo\.intuit\.com/);
    expect(related?.rel).toBe('noopener noreferrer');
    await click(row('u9').querySelector('[data-testid="row-explain"]'));
    expect($('[data-testid="row-explanation"]')).toBeNull();
  });

  it('links open in new tabs, QuickBooks only for QBO, the service only for http(s)', async () => {
    const desk = company('desk', 'Birchwood Lawn Care', 'qbd');
    await mount(
      standard(
        [u('q1'), u('q2', { localUrl: null }), u('d1', { companyId: 'desk', qbId: '80000001-1234567890' })],
        [EVERGREEN, desk],
      ),
    );
    const qbo = row('q1').querySelector<HTMLAnchorElement>('[data-testid="row-open-qbo"]')!;
    expect(qbo.target).toBe('_blank');
    expect(qbo.rel).toBe('noopener noreferrer');
    expect(row('q1').querySelector<HTMLAnchorElement>('[data-testid="row-open-local"]')!.href).toBe('https://jobs.example.com/q1');
    expect(row('q2').querySelector('[data-testid="row-open-local"]')).toBeNull();
    expect(row('d1').querySelector('[data-testid="row-open-qbo"]')).toBeNull();
  });

  it('bulk Resync sends ONE request per company with exactly the selected ids, then a summary', async () => {
    const { bg } = await mount(
      standard(ITEMS, [EVERGREEN], {
        'center.bulkResync': ({ ids }) =>
          ok({
            queued: ids.length - 1,
            failed: 1,
            results: ids.map((id, i) => (i === 0 ? { id, ok: false, code: 'not-found', message: 'no longer unsynced' } : { id, ok: true, state: 'resync-queued' as const })),
          }),
      }),
    );
    await act(async () => {
      (row('u1').querySelector('[data-testid="row-select"]') as HTMLInputElement).click();
      (row('u3').querySelector('[data-testid="row-select"]') as HTMLInputElement).click();
      (row('u4').querySelector('[data-testid="row-select"]') as HTMLInputElement).click();
    });
    await click($('[data-testid="bulk-resync"]'));
    const reqs = bg.of('center.bulkResync');
    expect(reqs).toHaveLength(1);
    expect(reqs[0]!.payload.companyId).toBe('evergreen');
    expect([...reqs[0]!.payload.ids].sort()).toEqual(['u1', 'u3', 'u4']);
    const result = $('[data-testid="bulk-result"]')!.textContent!;
    expect(result).toMatch(/^2 queued · 1 failed: /);
    expect(result).toContain('no longer unsynced');
  });

  it('select-all selects the filtered rows only', async () => {
    const { bg } = await mount(standard(ITEMS, [EVERGREEN], { 'center.bulkResync': ({ ids }) => ok({ queued: ids.length, failed: 0, results: ids.map((id) => ({ id, ok: true })) }) }));
    await choose('filter-code', '610');
    await click($('[data-testid="select-all"]'));
    await click($('[data-testid="bulk-resync"]'));
    expect([...bg.of('center.bulkResync')[0]!.payload.ids].sort()).toEqual(['u1', 'u3']);
    expect($('[data-testid="bulk-result"]')!.textContent).toBe('2 queued');
    expect(row('u1').dataset.state).toBe('resync-queued');
  });

  it('renders HTML in names and messages as text', async () => {
    await mount(standard([u('x1', { name: '<img src=x onerror="alert(1)">Evil', errorMessage: '<b>bold</b>' })]));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(row('x1').textContent).toContain('<img src=x onerror="alert(1)">Evil');
  });

  it('groups rows by company when showing all followed companies', async () => {
    const birch = company('birchwood', 'Birchwood Lawn Care');
    await mount(standard([u('e1'), u('b1', { companyId: 'birchwood' })], [EVERGREEN, birch]));
    expect($$('[data-testid="unsynced-group"]').map((g) => g.textContent)).toEqual([
      expect.stringContaining('Evergreen'),
      expect.stringContaining('Birchwood'),
    ]);
    await choose('filter-company', 'birchwood');
    expect(rowIds()).toEqual(['b1']);
    expect($$('[data-testid="unsynced-group"]')).toHaveLength(0);
  });

  it('a "since" link shows new failures only, with a removable chip', async () => {
    const items = [u('old', { lastAttemptAt: minutesAgo(120) }), u('new', { lastAttemptAt: minutesAgo(5) })];
    await mount(standard(items), { tab: 'unsynced', companyId: 'evergreen', failedSince: minutesAgo(30) });
    expect(rowIds()).toEqual(['new']);
    expect($('[data-testid="since-chip"]')!.textContent).toMatch(/^New failures since /);
    await click($('[data-testid="since-chip"] button'));
    expect(rowIds().sort()).toEqual(['new', 'old']);
  });

  it('says so when nothing is unsynced', async () => {
    await mount(standard([]));
    expect($('[data-testid="unsynced-empty"]')!.textContent).toBe('Nothing unsynced. Every record reached QuickBooks.');
  });

  it('renders a window of rows for 10,000 entities', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => u(`m${i}`, { name: `Client ${i}` }));
    await mount(standard(many));
    const rendered = $$('[data-testid="unsynced-row"]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    await type('filter-search', 'client 9999');
    expect(rowIds()).toEqual(['m9999']);
  });

  it('a filter change patches the row elements on screen instead of building new ones; a row that stays keeps its element', async () => {
    const many = Array.from({ length: 200 }, (_, i) => u(`m${i}`, { name: i < 100 ? `Alpha client ${i}` : `Beta client ${i} ${i % 2 ? 'odd' : 'even'}` }));
    await mount(standard(many));
    await click($('[data-testid="sort-name"]'));
    const before = $$('[data-testid="unsynced-row"]');
    expect(before.every((el) => el.textContent!.includes('Alpha client'))).toBe(true);
    await type('filter-search', 'beta');
    const after = $$('[data-testid="unsynced-row"]');
    expect(after.length).toBeGreaterThan(5);
    expect(after.every((el) => el.textContent!.includes('Beta client'))).toBe(true);
    // No row stayed, yet the rows in view are the same elements showing other entities (the
    // margin rows added after the first paint are new). Keyed by entity, none would be reused.
    expect(after.filter((el) => before.includes(el)).length).toBeGreaterThanOrEqual(after.length / 2);
    // Narrowing further moves each row that still matches up the list, in its own element (the
    // first rows, surely in view; margin rows are built again after the first paint either way).
    const byId = new Map(after.map((el) => [el.dataset.unsyncedId, el]));
    await type('filter-search', 'beta odd');
    const narrowed = $$('[data-testid="unsynced-row"]').slice(0, 4);
    expect(narrowed.map((el) => el.dataset.unsyncedId)).toEqual(['m101', 'm103', 'm105', 'm107']);
    for (const el of narrowed) expect(el).toBe(byId.get(el.dataset.unsyncedId));
  });
});

describe('Sync Center: page states and tabs', () => {
  it('offline, signed-out and unconfigured states', async () => {
    await mount({ 'state.get': () => ({ ok: false, error: { code: 'unconfigured', message: 'no' } }) });
    expect($('[data-testid="state-unconfigured"]')).not.toBeNull();
    render(null, root);
    await mount({ 'state.get': () => ({ ok: false, error: { code: 'signed-out', message: 'no' } }) });
    expect($('[data-testid="state-signed-out"]')).not.toBeNull();
    render(null, root);
    const snap = snapshot([EVERGREEN]);
    await mount({ 'state.get': () => ok({ ...snap, status: { ...snap.status, state: 'unreachable' as const } }), 'state.refresh': () => ({ ok: false, error: { code: 'unreachable', message: 'down' } }) });
    expect($('[data-testid="state-offline"]')).not.toBeNull();
  });

  it('arrow keys move between tabs and select them', async () => {
    await mount(standard(ITEMS, [EVERGREEN], { 'center.log': () => ok({ items: [], nextCursor: null, counts: null }) }));
    const tab = $('[data-testid="tab-unsynced"]')!;
    expect(tab.getAttribute('aria-selected')).toBe('true');
    await act(async () => {
      tab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect($('[data-testid="tab-log"]')!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe($('[data-testid="tab-log"]'));
    await act(async () => {
      $('[data-testid="tab-log"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect($('[data-testid="tab-history"]')!.getAttribute('aria-selected')).toBe('true');
  });
});

describe('Sync Center: sync log', () => {
  const entry = (id: string, over: Partial<LogEntry> = {}): LogEntry => ({
    id,
    companyId: 'desk',
    direction: 'export',
    entityType: 'Invoice',
    localId: `l-${id}`,
    name: `Entry ${id}`,
    status: 'pending',
    at: minutesAgo(5),
    attempt: 1,
    ...over,
  });

  it('shows counts on the sub-tabs, pages with Load more, and warns about stuck Pending for Desktop', async () => {
    const desk = company('desk', 'Birchwood Lawn Care', 'qbd', { lastRunAt: minutesAgo(30) });
    const { store, bg } = await mount(
      standard([], [desk], {
        'center.log': (q) =>
          ok(
            q.cursor
              ? { items: [entry('p3')], nextCursor: null, counts: { pending: 3, success: 10, failed: 1 } }
              : { items: [entry('p1', { at: minutesAgo(60) }), entry('p2')], nextCursor: 'c2', counts: { pending: 3, success: 10, failed: 1 } },
          ),
      }),
    );
    await act(async () => store.setTab('log'));
    await vi.waitFor(() => expect($$('[data-testid="log-row"]')).toHaveLength(2));
    // Failed is the default sub-tab; move to Pending.
    await click($('[data-testid="log-tab-pending"]'));
    await vi.waitFor(() => expect(bg.of('center.log').at(-1)!.payload.status).toBe('pending'));
    expect($('[data-testid="log-tab-success"]')!.textContent).toBe('Successful 10');
    expect($$('[data-testid="log-stuck"]')).toHaveLength(1);
    expect($('[data-testid="pending-stuck-help"]')!.textContent).toContain('Update Selected');
    await click($('[data-testid="log-load-more"]'));
    await vi.waitFor(() => expect($$('[data-testid="log-row"]')).toHaveLength(3));
    expect(bg.of('center.log').at(-1)!.payload.cursor).toBe('c2');
    expect($('[data-testid="log-load-more"]')).toBeNull();
  });

  it('sends the filters and refuses a backwards date range without a request', async () => {
    const { store, bg } = await mount(standard([], [EVERGREEN], { 'center.log': () => ok({ items: [], nextCursor: null, counts: null }) }));
    await act(async () => store.setTab('log'));
    await choose('log-filter-direction', 'import');
    await vi.waitFor(() => expect(bg.of('center.log').at(-1)!.payload).toMatchObject({ companyId: 'evergreen', status: 'failed', direction: 'import' }));
    const before = bg.of('center.log').length;
    await act(async () => {
      store.log.setFilter('from', '2026-11-20');
      store.log.setFilter('to', '2026-11-10');
    });
    expect(root.textContent).toContain('The "from" day is after the "to" day.');
    expect(bg.of('center.log').length).toBe(before + 1); // only the valid "from" change was sent
    expect($('[data-testid="log-tab-pending"]')!.textContent).toBe('Pending');
  });
});

describe('Sync Center: connector and history', () => {
  it('connector cards explain a stale Web Connector and what to do', async () => {
    const desk = company('desk', 'Birchwood Lawn Care', 'qbd', { state: 'stale', lastContactAt: minutesAgo(600), intervalMinutes: 15 });
    const { store } = await mount(standard([], [EVERGREEN, desk]));
    await act(async () => store.setTab('connector'));
    const cards = $$('[data-testid="connector-card"]');
    expect(cards.map((c) => c.dataset.state)).toEqual(['ok', 'stale']);
    expect(cards[1]!.textContent).toContain('Web Connector');
    expect(cards[1]!.querySelector('[data-testid="connector-action"]')!.textContent).toContain('Update Selected');
    expect(cards[0]!.querySelector('[data-testid="connector-action"]')).toBeNull();
  });

  it('history shows the chart with a text trend and a data table', async () => {
    const days = Array.from({ length: 30 }, (_, i) => ({
      day: `2026-10-${String(i + 1).padStart(2, '0')}`,
      companyId: 'evergreen',
      waiting: 3,
      failed: 1,
      unsynced: i < 7 ? 12 : i >= 23 ? 4 : 8,
    }));
    const { store } = await mount(standard([], [EVERGREEN], { 'center.history': () => ok({ days }) }));
    await act(async () => store.setTab('history'));
    await vi.waitFor(() => expect($('[data-testid="history-chart"]')).not.toBeNull());
    expect($('[data-testid="history-trend"]')!.textContent).toBe('Unsynced went from 12 to 4 over 30 days: getting better');
    expect(root.querySelector('svg title')!.textContent).toContain('30 days');
    expect(root.querySelector('svg desc')!.textContent).toContain('getting better');
    expect($$('polyline')).toHaveLength(3);
    await click($('[data-testid="history-table-toggle"]'));
    expect($$('[data-testid="history-table"] tbody tr')).toHaveLength(30);
  });
});

describe('Sync Center: bulk progress and links', () => {
  it('more than 1,000 selected rows go in batches of at most 1,000, with progress', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => u(`b${i}`, { name: `Client ${i}` }));
    const replies: (() => void)[] = [];
    const { bg } = await mount(
      standard(many, [EVERGREEN], {
        'center.bulkResync': ({ ids }) =>
          new Promise((resolve) => replies.push(() => resolve(ok({ queued: ids.length, failed: 0, results: ids.map((id) => ({ id, ok: true })) })))),
      }),
    );
    await click($('[data-testid="select-all"]'));
    await click($('[data-testid="bulk-resync"]'));
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    expect($('[data-testid="bulk-progress"]')!.textContent).toContain('Resyncing 1,200 rows: 0 / 1,200');
    await act(async () => replies[0]!());
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    expect($('[data-testid="bulk-progress"]')!.textContent).toContain('Resyncing 1,200 rows: 1,000 / 1,200');
    await act(async () => replies[1]!());
    await vi.waitFor(() => expect($('[data-testid="bulk-result"]')!.textContent).toBe('1,200 queued'));
    const sizes = bg.of('center.bulkResync').map((c) => c.payload.ids.length);
    expect(sizes).toEqual([1000, 200]);
    const all = new Set(bg.of('center.bulkResync').flatMap((c) => c.payload.ids));
    expect(all.size).toBe(1200);
  });

  it('a new hash link moves an open page to its tab, company and since filter', async () => {
    const birch = company('birchwood', 'Birchwood Lawn Care');
    const { store } = await mount(standard([u('e1'), u('b1', { companyId: 'birchwood', lastAttemptAt: minutesAgo(2) })], [EVERGREEN, birch], { 'center.log': () => ok({ items: [], nextCursor: null, counts: null }) }));
    await act(async () => store.applyLink({ tab: 'unsynced', companyId: 'birchwood', failedSince: minutesAgo(10) }));
    await vi.waitFor(() => expect(rowIds()).toEqual(['b1']));
    expect($('[data-testid="since-chip"]')).not.toBeNull();
    await act(async () => store.applyLink({ tab: 'connector' }));
    expect($('[data-testid="tab-connector"]')!.getAttribute('aria-selected')).toBe('true');
  });
});

describe('Sync Center: actions whose answer was lost, pauses and recovery (issue 8 §3, §4, §5)', () => {
  const state = (key: string, s: ActionState['state'], extra: Partial<ActionState> = {}): ActionState => ({
    key, state: s, kind: 'resync', companyId: 'evergreen', count: 1, unsyncedId: 'u2', createdAt: NOW.toISOString(), attempts: 1, message: null, nextAttemptAt: null, ...extra,
  });

  it('a queued Resync is followed by its key, and the row settles when the outbox delivered it', async () => {
    let delivered = false;
    let changed = () => {};
    const handlers = standard(ITEMS, [EVERGREEN], {
      'unsynced.resync': () => ({ ok: false, error: { code: 'queued', message: 'No answer from the sync service yet.' } }),
      'actions.status': ({ keys }) => ok({ actions: keys.map((k) => state(k, delivered ? 'done' : 'waiting')) }),
      'actions.list': () => ok({ actions: [] }),
    });
    const bg = await page.mount(handlers as FakeHandlers, { subscribeOutbox: (l) => ((changed = l), () => {}) });
    await click(row('u2').querySelector('[data-testid="row-resync"]'));
    expect(row('u2').dataset.state).toBe('resync-queued');
    const key = (bg.of('unsynced.resync')[0]!.payload as { actionKey: string }).actionKey;
    expect(bg.of('actions.status').some((c) => (c.payload as { keys: string[] }).keys.includes(key))).toBe(true);
    const loads = bg.of('center.unsynced').length;
    delivered = true;
    await act(async () => changed());
    await vi.waitFor(() => expect(bg.of('center.unsynced').length).toBeGreaterThan(loads));
  });

  it('a Resync the background never stored (it stopped first) says so on the row', async () => {
    await mount(
      standard(ITEMS, [EVERGREEN], {
        'unsynced.resync': () => ({ ok: false, error: { code: 'unreachable', message: 'The SyncLens background did not answer.' } }),
        'actions.status': ({ keys }) => ok({ actions: keys.map((k) => state(k, 'unknown', { kind: null, companyId: null })) }),
      }),
    );
    await click(row('u2').querySelector('[data-testid="row-resync"]'));
    await vi.waitFor(() => expect(row('u2').textContent).toContain('Not done: it never left SyncLens. Try again.'));
  });

  it('lists the actions of the companies in scope still waiting, with Try again for one not done', async () => {
    let actions = [state('k1', 'not-done', { message: 'HTTP 502' })];
    const { bg } = await mount(
      standard(ITEMS, [EVERGREEN], {
        'actions.list': () => ok({ actions }),
        'actions.retry': ({ key }) => ((actions = []), ok(state(key, 'done'))),
      }),
    );
    expect($('[data-testid="waiting-action"]')!.textContent).toMatch(/Resync a record.*not confirmed: HTTP 502/);
    await click($('[data-testid="action-retry"]'));
    expect(bg.of('actions.retry').map((c) => c.payload)).toEqual([{ key: 'k1' }]);
    await vi.waitFor(() => expect($('[data-testid="waiting-actions"]')).toBeNull());
  });

  it('says until when the service asked for a pause, and that some rows needed repair', async () => {
    const paused = { ...snapshot([EVERGREEN]), status: { state: 'ok' as const, lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null, pausedUntil: new Date(NOW.getTime() + 5 * 60_000).toISOString() } };
    await mount({
      ...standard(ITEMS),
      'state.get': () => ok(paused),
      'state.refresh': () => ok(paused),
      'center.unsynced': ({ companyId }) => ok({ companyId, items: ITEMS, fetchedAt: NOW.toISOString(), damaged: { repaired: 1, dropped: 0 } }),
    });
    expect($('[data-testid="pause-note"]')!.textContent).toMatch(/asked SyncLens to wait until/);
    expect($('[data-testid="unsynced-damaged"]')!.textContent).toBe('1 item from the sync service had a field SyncLens could not show; it is shortened or left out.');
  });

  it('left open while the service is down, recovers on its own and says when it tries next', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const handlers = standard(ITEMS);
      const good = handlers['state.refresh']!;
      handlers['state.refresh'] = () => ({ ok: false, error: { code: 'unreachable', message: 'Could not reach the service' } });
      await mount(handlers);
      expect($('[data-testid="state-offline"]')).not.toBeNull();
      expect($('[data-testid="next-retry"]')!.textContent).toMatch(/tries again on its own at/);
      handlers['state.refresh'] = good;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10_000);
      });
      await vi.waitFor(() => expect($('[data-testid="state-offline"]')).toBeNull());
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Sync Center log: codes as the lookup reads them (issue 8 §6)', () => {
  it('shows a zero-padded code from the service as the normalized one', async () => {
    const failedEntry: LogEntry = {
      id: 'f1', companyId: 'evergreen', direction: 'export', entityType: 'Invoice', localId: 'j1', name: 'Oak Hollow', status: 'failed',
      at: NOW.toISOString(), attempt: 1, errorCode: '003200', errorMessage: 'stale object',
    };
    const { store } = await mount(standard([], [EVERGREEN], { 'center.log': () => ok({ items: [failedEntry], nextCursor: null, counts: null }) }));
    await act(async () => store.setTab('log'));
    await vi.waitFor(() => expect($('[data-testid="log-code"]')!.textContent).toBe('3200'));
  });
});
