/**
 * Keyboard reach in the windowed unsynced table, with a fake background: the arrow keys move one
 * tab stop through all rows (also those outside the rendered window), Enter explains, Space selects.
 */
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Company, UnsyncedEntity } from '@/lib/api/schema';
import type { Snapshot } from '@/lib/messaging/protocol';
import type { CenterStore } from '@/components/center/store';
import { centerPage } from './center-page';
import type { FakeHandlers } from './fake-background';

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const EVERGREEN: Company = {
  id: 'evergreen',
  name: 'Evergreen Tree & Landscape',
  system: 'qbo',
  realmId: '9130357766542011',
  connector: { kind: 'qbo-api', state: 'ok', lastContactAt: minutesAgo(10), lastRunAt: minutesAgo(10) },
};

function u(i: number): UnsyncedEntity {
  return {
    id: `k${i}`,
    companyId: 'evergreen',
    entityType: 'Invoice',
    localId: `job-${i}`,
    localUrl: `https://jobs.example.com/${i}`,
    qbId: `9${i}`,
    name: `Client ${String(i).padStart(4, '0')}`,
    docNumber: null,
    errorCode: i % 2 ? '6240' : '610',
    errorMessage: i % 2 ? 'Duplicate Name Exists Error' : 'Object Not Found',
    firstFailedAt: minutesAgo(600),
    lastAttemptAt: minutesAgo(60),
    attempts: 1,
    state: 'failed',
  };
}

const snap: Snapshot = {
  status: { state: 'ok', lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null },
  summary: null,
  companies: [EVERGREEN],
  settings: { connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }], pollMinutes: 5 },
  // One service (`primary`): plain company ids, its status is the combined one.
  connections: [{ ...{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }, status: { state: 'ok', lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null } }],
};

function handlersFor(items: UnsyncedEntity[]): FakeHandlers {
  return {
    'state.get': () => ({ ok: true, data: snap }),
    'state.refresh': () => ({ ok: true, data: snap }),
    'center.unsyncedCached': () => ({ ok: true, data: null }),
    'center.unsynced': ({ companyId }) => ({ ok: true, data: { companyId, items, fetchedAt: NOW.toISOString() } }),
  };
}

const page = centerPage(NOW);

async function mount(count: number): Promise<CenterStore> {
  return (await page.mount(handlersFor(Array.from({ length: count }, (_, i) => u(i))))).store;
}

const $$ = (sel: string) => [...page.root().querySelectorAll<HTMLElement>(sel)];
const rows = () => $$('[data-testid="unsynced-row"]');
const focusedId = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-testid="unsynced-row"]')?.dataset.unsyncedId;
const tabStops = () => rows().filter((r) => r.tabIndex === 0).map((r) => r.dataset.unsyncedId);
/** Ids in the order the table shows them (the store's sort decides, not the test). */
const shownIds = (store: CenterStore) => store.filteredRows.value.map((r) => r.item.id);

async function press(key: string, target: Element | null = document.activeElement) {
  if (!target) throw new Error('nothing focused');
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

async function focusRow(id: string) {
  const el = rows().find((r) => r.dataset.unsyncedId === id);
  if (!el) throw new Error(`row ${id} not rendered`);
  await act(async () => el.focus());
}

describe('Sync Center: keyboard in the unsynced table', () => {
  it('has exactly one tab stop; the other rows and their controls are out of the tab order', async () => {
    const store = await mount(200);
    expect(tabStops()).toEqual([shownIds(store)[0]]);
    const first = rows()[0]!;
    const second = rows()[1]!;
    for (const id of ['row-select', 'row-resync', 'row-explain', 'row-open-qbo', 'row-open-local']) {
      expect(first.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.tabIndex).toBe(0);
      expect(second.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.tabIndex).toBe(-1);
    }
  });

  it('ArrowDown walks past the rendered window and focuses the row it reaches', async () => {
    const store = await mount(500);
    const ids = shownIds(store);
    const renderedAtStart = rows().map((r) => r.dataset.unsyncedId);
    await focusRow(ids[0]!);
    const steps = renderedAtStart.length + 20;
    expect(renderedAtStart).not.toContain(ids[steps]);
    for (let i = 0; i < steps; i++) await press('ArrowDown');
    expect(focusedId()).toBe(ids[steps]);
    expect(tabStops()).toEqual([ids[steps]]);
    expect(rows().length).toBeLessThan(100);
    await press('ArrowUp');
    expect(focusedId()).toBe(ids[steps - 1]);
  }, 30_000); // 500 rows in happy-dom: slow on a loaded machine, and no timing is asserted

  it('End, Home, PageDown and PageUp', async () => {
    const store = await mount(300);
    const ids = shownIds(store);
    await focusRow(ids[0]!);
    await press('End');
    expect(focusedId()).toBe(ids[299]);
    await press('ArrowDown');
    expect(focusedId()).toBe(ids[299]);
    await press('Home');
    expect(focusedId()).toBe(ids[0]);
    await press('PageDown');
    const paged = ids.indexOf(focusedId()!);
    expect(paged).toBeGreaterThan(1);
    await press('PageDown');
    expect(ids.indexOf(focusedId()!)).toBe(paged * 2);
    await press('PageUp');
    expect(ids.indexOf(focusedId()!)).toBe(paged);
  });

  it('Enter on the row opens Explain; Space toggles its selection; both on the row only', async () => {
    const store = await mount(120);
    const ids = shownIds(store);
    await focusRow(ids[0]!);
    await press('ArrowDown');
    await press('ArrowDown');
    const row = () => rows().find((r) => r.dataset.unsyncedId === ids[2])!;
    await press('Enter');
    expect(row().querySelector('[data-testid="row-explain"]')!.getAttribute('aria-expanded')).toBe('true');
    expect(store.open.value).toEqual({ key: expect.any(String), kind: 'explain' });
    await press(' ', row());
    expect(row().querySelector<HTMLInputElement>('[data-testid="row-select"]')!.checked).toBe(true);
    await press(' ', row());
    expect(row().querySelector<HTMLInputElement>('[data-testid="row-select"]')!.checked).toBe(false);
    // Space on a control inside the row is the control's own business.
    await press(' ', row().querySelector('[data-testid="row-resync"]'));
    expect(store.selected.value.size).toBe(0);
    // Arrows still move from a control inside the row.
    await press('ArrowDown', row().querySelector('[data-testid="row-resync"]'));
    expect(focusedId()).toBe(ids[3]);
  });

  it('the active row survives re-renders and filter changes, clamped to the filtered list', async () => {
    const store = await mount(200);
    const ids = shownIds(store);
    await focusRow(ids[0]!);
    for (let i = 0; i < 5; i++) await press('ArrowDown');
    const active = ids[5]!;
    // A filter that keeps the row keeps it active.
    await act(async () => store.setFilter('code', store.filteredRows.value[5]!.item.errorCode));
    expect(tabStops()).toEqual([active]);
    // A filter that removes it moves the tab stop to a row that is shown, at the clamped position.
    const other = store.filteredRows.value.find((r) => r.item.id !== active)!.item;
    await act(async () => store.setFilter('search', other.name));
    expect(shownIds(store)).toEqual([other.id]);
    expect(tabStops()).toEqual([other.id]);
    await act(async () => store.setFilter('search', ''));
    expect(tabStops()).toHaveLength(1);
  });
});
