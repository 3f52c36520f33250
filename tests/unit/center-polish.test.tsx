/**
 * Sync Center polish found in the real browser (issue 8, section 7), on the views with a fake
 * background: one clear message when the sync service is down (no address, no red line repeating
 * the banner), history that says it builds up day by day with correct plurals, and the tab strip's
 * arrow keys moving from the tab that has focus.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company, LogEntry, UnsyncedEntity } from '@/lib/api/schema';
import type { Snapshot } from '@/lib/messaging/protocol';
import type { HistoryDay } from '@/lib/messaging/center-commands';
import { buildingSentence } from '@/lib/center/history';
import { loadProblem, problemsThePageTells } from '@/lib/center/load-error';
import { type FakeHandlers } from './fake-background';
import { centerPage } from './center-page';
import { useLocale } from './setup-i18n';

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const ok = <T,>(data: T) => ({ ok: true as const, data });
/** What the API client says when fetch fails: never to be shown to a person. */
const RAW = 'Could not reach http://127.0.0.1:40471: Failed to fetch';
const TECHNICAL = /https?:\/\/|127\.0\.0\.1|Failed to fetch/;

const EVERGREEN: Company = {
  id: 'evergreen',
  name: 'Evergreen Tree & Landscape',
  system: 'qbo',
  realmId: '9130357766542011',
  connector: { kind: 'qbo-api', state: 'ok', lastContactAt: minutesAgo(10), lastRunAt: minutesAgo(10) },
};

function item(id: string): UnsyncedEntity {
  return {
    id,
    companyId: 'evergreen',
    entityType: 'Invoice',
    localId: `job-${id}`,
    localUrl: `https://jobs.example.com/${id}`,
    qbId: '9001',
    name: `Client ${id}`,
    docNumber: null,
    errorCode: '6240',
    errorMessage: 'Duplicate Name Exists Error',
    firstFailedAt: minutesAgo(600),
    lastAttemptAt: minutesAgo(60),
    attempts: 1,
    state: 'failed',
  };
}

const logEntry = (id: string, status: LogEntry['status']): LogEntry => ({
  id,
  companyId: 'evergreen',
  direction: 'export',
  entityType: 'Invoice',
  localId: `l-${id}`,
  name: `Entry ${id}`,
  status,
  at: minutesAgo(5),
  attempt: 1,
});

function snapshot(state: 'ok' | 'unreachable' = 'ok'): Snapshot {
  const connection = { id: 'primary', name: '', apiUrl: 'http://127.0.0.1:40471', hasToken: true, followedCompanyIds: [] };
  const status = { state, lastSuccessAt: minutesAgo(3), failingSince: state === 'ok' ? null : minutesAgo(1), message: state === 'ok' ? null : RAW, nextPollAt: null };
  return { status, summary: null, companies: [EVERGREEN], settings: { connections: [connection], pollMinutes: 5 }, connections: [{ ...connection, status }] };
}

const unreachable = () => ({ ok: false as const, error: { code: 'unreachable' as const, message: RAW } });

const page = centerPage(NOW);
let root: HTMLElement;
beforeEach(() => {
  root = page.root();
});

async function mount(handlers: FakeHandlers, link = {}) {
  const { store, calls } = await page.mount(handlers, { link });
  return { store, calls };
}

const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];

describe('a tab that could not load says it once, in plain words', () => {
  it('says nothing more than the banner while it shows cached data; says when it will appear when it has none', () => {
    const told = problemsThePageTells('offline', []);
    expect(told).toEqual(['unreachable']);
    const error = { code: 'unreachable' as const, message: RAW };
    expect(loadProblem(error, 'unsynced', { told, hasData: true })).toBeNull();
    expect(loadProblem(error, 'unsynced', { told, hasData: false })).toEqual({ tone: 'note', text: 'The unsynced list will appear once the sync service answers.' });
    expect(loadProblem(error, 'log', { told, hasData: false })).toEqual({ tone: 'note', text: 'The sync log will appear once the sync service answers.' });
  });

  it('when the page does not say it, gives a plain reason, never the address or the browser\'s words', () => {
    const line = loadProblem({ code: 'unreachable', message: RAW }, 'unsynced', { told: [], hasData: true })!;
    expect(line).toEqual({ tone: 'error', text: "Couldn't load the latest unsynced list: the sync service is not answering" });
    expect(loadProblem({ code: 'bad-reply', message: 'Expected array at items[3] from http://x' }, 'log', { told: [], hasData: false })!.text).toBe(
      "Couldn't load the sync log: the sync service's reply could not be read",
    );
    // The service's own words for its errors are meant for people: kept.
    expect(loadProblem({ code: 'server-error', message: 'The company file is being upgraded.' }, 'log', { told: ['unreachable'], hasData: false })!.text).toBe(
      "Couldn't load the sync log: The company file is being upgraded.",
    );
    expect(loadProblem(null, 'log', { told: [], hasData: false })).toBeNull();
  });

  it('counts a warned service (several services) as told, and a refused token', () => {
    expect(problemsThePageTells('ready', ['unreachable', 'error'])).toEqual(['unreachable']);
    expect(problemsThePageTells('signed-out', [])).toEqual(['signed-out']);
    expect(problemsThePageTells('ready', [])).toEqual([]);
  });

  it('in Spanish too', () => {
    useLocale('es');
    expect(loadProblem({ code: 'unreachable', message: RAW }, 'unsynced', { told: [], hasData: true })!.text).toBe(
      'No se pudo cargar la lista más reciente de registros sin sincronizar: el servicio de sincronización no responde',
    );
  });

  it('the page with the service down: the banner once, the cached rows, no red line, no address', async () => {
    await mount({
      'state.get': () => ok(snapshot('unreachable')),
      'state.refresh': unreachable,
      'center.unsyncedCached': () => ok({ companyId: 'evergreen', items: [item('a'), item('b')], fetchedAt: minutesAgo(3) }),
      'center.unsynced': unreachable,
    });
    expect($('[data-testid="state-offline"]')).not.toBeNull();
    expect($$('[data-testid="unsynced-row"]')).toHaveLength(2);
    expect($('[data-testid="unsynced-error"]')).toBeNull();
    expect($$('.inline-error, [role="alert"]')).toHaveLength(0);
    expect(root.textContent).not.toMatch(TECHNICAL);
    expect($('[data-testid="unsynced-tab"]')!.getAttribute('aria-busy')).toBe('false');
  });

  it('nothing cached and the service down: a quiet note instead of an empty table', async () => {
    await mount({ 'state.get': () => ok(snapshot('unreachable')), 'state.refresh': unreachable, 'center.unsyncedCached': () => ok(null), 'center.unsynced': unreachable });
    expect($('[data-testid="unsynced-waiting"]')!.textContent).toBe('The unsynced list will appear once the sync service answers.');
    expect($('[data-testid="unsynced-table"]')).toBeNull();
    expect($('[data-testid="shown-count"]')).toBeNull();
    expect(root.textContent).not.toMatch(TECHNICAL);
  });

  it('the sync log: a failed other status never leaves the previous entries under it; a failed refresh of the same one keeps them', async () => {
    let down = false;
    const { store } = await mount({
      'state.get': () => ok(snapshot()),
      'state.refresh': () => ok(snapshot()),
      'center.unsyncedCached': () => ok(null),
      'center.unsynced': () => ok({ companyId: 'evergreen', items: [], fetchedAt: NOW.toISOString() }),
      'center.log': (q: { status: LogEntry['status'] }) => (down ? unreachable() : ok({ items: [logEntry(`${q.status}-1`, q.status)], nextCursor: null, counts: null })),
    });
    await act(async () => store.setTab('log'));
    await vi.waitFor(() => expect($$('[data-testid="log-row"]')).toHaveLength(1));
    down = true;
    // The same query again (a refresh): the entries stay, with one plain line.
    await act(async () => store.log.reload());
    expect($$('[data-testid="log-row"]')).toHaveLength(1);
    expect($('[data-testid="log-error"]')!.textContent).toContain("Couldn't load the sync log: the sync service is not answering");
    // Another status: its entries are unknown, the failed ones must not stand in for them.
    await act(async () => store.log.setStatus('pending'));
    await vi.waitFor(() => expect($$('[data-testid="log-row"]')).toHaveLength(0));
    expect(root.textContent).not.toMatch(TECHNICAL);
  });
});

describe('history builds up day by day', () => {
  const day = (d: string, unsynced: number): HistoryDay => ({ day: d, companyId: 'evergreen', waiting: 2, failed: 1, unsynced });
  const standard = (days: HistoryDay[]): FakeHandlers => ({
    'state.get': () => ok(snapshot()),
    'state.refresh': () => ok(snapshot()),
    'center.unsyncedCached': () => ok(null),
    'center.unsynced': () => ok({ companyId: 'evergreen', items: [], fetchedAt: NOW.toISOString() }),
    'center.history': () => ok({ days }),
  });

  it('plural forms from Intl.PluralRules, English and Spanish', () => {
    expect(buildingSentence(1)).toBe('History builds up day by day: 1 day so far.');
    expect(buildingSentence(2)).toBe('History builds up day by day: 2 days so far.');
    expect(buildingSentence(0)).toBeNull();
    expect(buildingSentence(30)).toBeNull();
    useLocale('es');
    expect(buildingSentence(1)).toBe('El historial se forma día a día: 1 día hasta ahora.');
    expect(buildingSentence(12)).toBe('El historial se forma día a día: 12 días hasta ahora.');
  });

  it('one day: no empty chart and no "last 1 days", the day\'s counts in words', async () => {
    await mount(standard([day('2026-11-20', 31)]), { tab: 'history' });
    await vi.waitFor(() => expect($('[data-testid="history-building"]')).not.toBeNull());
    expect($('[data-testid="history-building"]')!.textContent).toBe('History builds up day by day: 1 day so far.');
    expect($('svg')).toBeNull();
    expect(root.textContent).not.toMatch(/\b1 days\b/);
    const today = $('[data-testid="history-today"]')!.textContent!;
    expect(today).toContain('Unsynced');
    expect(today).toContain('31');
  });

  it('one day in Spanish', async () => {
    useLocale('es');
    await mount(standard([day('2026-11-20', 31)]), { tab: 'history' });
    await vi.waitFor(() => expect($('[data-testid="history-building"]')).not.toBeNull());
    expect($('[data-testid="history-building"]')!.textContent).toBe('El historial se forma día a día: 1 día hasta ahora.');
    expect(root.textContent).not.toMatch(/\b1 días\b/);
  });

  it('a few days: the chart, and how many days so far', async () => {
    await mount(standard([day('2026-11-19', 30), day('2026-11-20', 31), day('2026-11-21', 20)]), { tab: 'history' });
    await vi.waitFor(() => expect($('[data-testid="history-chart"]')).not.toBeNull());
    expect($('svg title')!.textContent).toContain('last 3 days');
    expect($('[data-testid="history-building"]')!.textContent).toBe('History builds up day by day: 3 days so far.');
  });
});

describe('tab strip', () => {
  it('arrow keys move from the tab that has focus, not only from the selected one', async () => {
    const { store } = await mount({
      'state.get': () => ok(snapshot()),
      'state.refresh': () => ok(snapshot()),
      'center.unsyncedCached': () => ok(null),
      'center.unsynced': () => ok({ companyId: 'evergreen', items: [], fetchedAt: NOW.toISOString() }),
      'center.history': () => ok({ days: [] }),
    });
    await act(async () => store.setTab('history'));
    const log = $('[data-testid="tab-log"]')!;
    await act(async () => {
      log.focus();
      log.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect($('[data-testid="tab-connector"]')!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe($('[data-testid="tab-connector"]'));
  });
});
