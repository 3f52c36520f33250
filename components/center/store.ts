/**
 * The Sync Center's state and actions as signals. Unsynced lists paint from the background's cache
 * (`center.unsyncedCached`) first and are replaced by fresh ones (`center.unsynced`). Rows are
 * prepared once per load (lib/center/unsynced-rows), so filters only scan.
 */
import { followedCompanyList } from '@/lib/connections/connection';
import { batch, computed, signal } from '@preact/signals';
import type { BulkResyncResult, Company, UnsyncedEntity } from '@/lib/api/schema';
import { planBulkResync, type BulkFailure } from '@/lib/center/bulk';
import type { CenterLink, CenterTab } from '@/lib/center/center-link';
import {
  categoryCounts,
  DEFAULT_SORT,
  distinctCodes,
  distinctValues,
  filterRows,
  groupByCompany,
  narrows,
  nextSort,
  NO_FILTERS,
  prepareRows,
  rowKey,
  sortRows,
  splitRowKey,
  type PreparedRow,
  type SortKey,
  type UnsyncedFilters,
} from '@/lib/center/unsynced-rows';
import { t } from '@/lib/i18n/t';
import type { Snapshot } from '@/lib/messaging/protocol';
import type { UnsyncedSnapshot } from '@/lib/messaging/center-commands';
import type { ReplyError, SendCommand } from '../common/client';
import { createLogStore } from './log-store';
import { createHistoryStore } from './history-store';
import { createConnectorFileStore } from './connector-file-store';
import type { SaveTextFile } from '@/lib/center/qwc-file';
import { changesWholeView, pageView, type PageView } from '../common/page-view';
import { refreshPageState } from '../common/state-refresh';
import { isSettled, newActionKey, watchActions } from '../common/action-watch';
import { createPageAutoRetry } from '../common/auto-retry';
import { createWaitingActions } from '../common/waiting-actions-store';
import { actionReasonText } from '../common/WaitingActions';
import type { OutboxSubscribe } from '@/lib/outbox/outbox-subscribe';

export type CenterView = PageView;
export const ALL_COMPANIES = '*all*';

/** What one row shows about an action taken on it. */
export type RowAction =
  | { kind: 'busy'; action: 'resync' | 'clear-id' }
  | { kind: 'queued'; message: string }
  | { kind: 'cleared'; message: string }
  | { kind: 'error'; message: string };

/** The one thing open under a row: its explanation or the Clear ID confirmation. */
export interface OpenPanel {
  key: string;
  kind: 'explain' | 'confirm-clear';
}

export type BulkState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; queued: number; failures: BulkFailure[]; total: number };

export interface CenterDeps {
  send: SendCommand;
  openOptions: () => void;
  /** The page's hash link (tab, company, failures since). */
  link?: CenterLink;
  /** Tells the page when the outbox changed (an action delivered, given up on). */
  subscribeOutbox?: OutboxSubscribe;
  /** Saves a downloaded file (the Web Connector's .qwc); a Blob link by default. */
  saveFile?: SaveTextFile;
}

export function followedCompanies(snapshot: Snapshot | null): Company[] {
  if (!snapshot) return [];
  return followedCompanyList(snapshot.settings, snapshot.companies);
}

interface CompanyRows {
  snapshot: UnsyncedSnapshot;
  rows: PreparedRow[];
  /** True once the fresh list (not only the cache) has arrived. */
  fresh: boolean;
}

export function createCenterStore(deps: CenterDeps) {
  const { send } = deps;
  const link = deps.link ?? {};

  const tab = signal<CenterTab>(link.tab ?? 'unsynced');
  const snapshot = signal<Snapshot | null>(null);
  const connectionError = signal<ReplyError | null>(null);
  const refreshing = signal(false);
  const refreshedAt = signal<string | null>(null);
  /** The company scope: one company id, or ALL_COMPANIES. */
  const scope = signal<string>(link.companyId ?? ALL_COMPANIES);

  const byCompany = signal<ReadonlyMap<string, CompanyRows>>(new Map());
  const unsyncedLoading = signal(false);
  const unsyncedError = signal<ReplyError | null>(null);
  const filters = signal<UnsyncedFilters>({ ...NO_FILTERS, sinceMs: link.failedSince ? Date.parse(link.failedSince) : null });
  const sort = signal(DEFAULT_SORT);
  const selected = signal<ReadonlySet<string>>(new Set());
  const rowActions = signal<ReadonlyMap<string, RowAction>>(new Map());
  const open = signal<OpenPanel | null>(null);
  const bulk = signal<BulkState>({ kind: 'idle' });
  /** The row that holds the table's one tab stop (by key, with its last position for clamping). */
  const activeRow = signal<{ key: string | null; index: number }>({ key: null, index: 0 });

  const companies = computed(() => followedCompanies(snapshot.value));
  const companyById = computed(() => new Map(companies.value.map((c) => [c.id, c])));
  const scopeIds = computed(() =>
    scope.value === ALL_COMPANIES ? companies.value.map((c) => c.id) : companies.value.some((c) => c.id === scope.value) ? [scope.value] : [],
  );
  const grouped = computed(() => scope.value === ALL_COMPANIES && companies.value.length > 1);

  /** Every row in scope, sorted: recomputed on load and sort changes only, never per keystroke. */
  const sortedRows = computed(() => {
    const all: PreparedRow[] = [];
    for (const id of scopeIds.value) {
      const entry = byCompany.value.get(id);
      if (entry) for (const r of entry.rows) all.push(r);
    }
    return sortRows(all, sort.value);
  });
  /**
   * The last pass over the rows: while the rows are the same and the new filters only narrow the
   * old ones (typing on in the search), the next pass scans the previous matches, not every row.
   */
  let lastPass: { rows: readonly PreparedRow[]; filters: UnsyncedFilters; result: PreparedRow[] } | null = null;
  const filteredRows = computed(() => {
    const rows = sortedRows.value;
    const f = filters.value;
    const within = lastPass && lastPass.rows === rows && narrows(lastPass.filters, f) ? lastPass.result : undefined;
    const result = filterRows(rows, f, within);
    lastPass = { rows, filters: f, result };
    return result;
  });
  /** The whole list as shown and its category counts: made once per load or sort, reused whenever the filters are cleared. */
  const fullDisplay = computed(() => groupByCompany(sortedRows.value, scopeIds.value, grouped.value));
  const fullCategories = computed(() => categoryCounts(sortedRows.value));
  const display = computed(() => {
    const rows = filteredRows.value;
    return rows === sortedRows.value ? fullDisplay.value : groupByCompany(rows, scopeIds.value, grouped.value);
  });
  /** Category counts for everything in scope that matches the other filters (not the category itself). */
  const categories = computed(() => {
    const f = filters.value;
    const rows = f.category === null ? filteredRows.value : filterRows(sortedRows.value, { ...f, category: null });
    return rows === sortedRows.value ? fullCategories.value : categoryCounts(rows);
  });
  const entityTypes = computed(() => distinctValues(sortedRows.value, (r) => r.item.entityType));
  const codes = computed(() => distinctCodes(sortedRows.value));
  const hasAnyList = computed(() => scopeIds.value.some((id) => byCompany.value.has(id)));
  /** Entities in scope the service sent malformed: shortened or left out (said under the filters). */
  const damagedInScope = computed(() =>
    scopeIds.value.reduce((n, id) => {
      const damaged = byCompany.value.get(id)?.snapshot.damaged;
      return n + (damaged ? damaged.repaired + damaged.dropped : 0);
    }, 0),
  );
  const selectedVisible = computed(() => (selected.value.size === 0 ? [] : filteredRows.value.filter((r) => selected.value.has(r.key))));

  const view = computed<CenterView>(() => pageView(snapshot.value, connectionError.value));
  /** Actions of the companies in scope still in the outbox (waiting, sending or not done). */
  const waiting = createWaitingActions(send, () => scopeIds.peek());

  const logStore = createLogStore({ send, companies, scope });
  const historyStore = createHistoryStore({ send });
  const connectorFile = createConnectorFileStore({ send, saveFile: deps.saveFile });

  function setCompanyRows(snap: UnsyncedSnapshot, fresh: boolean): void {
    const company = companyById.value.get(snap.companyId);
    const system = company?.system ?? 'qbo';
    const next = new Map(byCompany.value);
    next.set(snap.companyId, { snapshot: snap, rows: prepareRows(snap.items, system), fresh });
    byCompany.value = next;
  }

  function pruneAfterLoad(companyId: string, items: readonly UnsyncedEntity[]): void {
    const present = new Set(items.map((i) => rowKey(companyId, i.id)));
    const gone = (key: string) => splitRowKey(key).companyId === companyId && !present.has(key);
    if ([...selected.value].some(gone)) selected.value = new Set([...selected.value].filter((k) => !gone(k)));
    // A fresh list settles what a resync did: drop those row notes. "ID cleared" stays while the
    // row is still there without a QuickBooks id: nothing has settled it until the next Resync.
    const byKey = new Map(items.map((i) => [rowKey(companyId, i.id), i]));
    const stillCleared = (key: string) => {
      const item = byKey.get(key);
      return item !== undefined && !item.qbId && item.state === 'failed';
    };
    const actions = new Map(rowActions.value);
    for (const [key, action] of actions) {
      if (splitRowKey(key).companyId !== companyId || action.kind === 'busy') continue;
      if (action.kind === 'cleared' && stillCleared(key)) continue;
      actions.delete(key);
    }
    rowActions.value = actions;
    if (open.value && gone(open.value.key)) open.value = null;
  }

  async function loadCompany(companyId: string): Promise<void> {
    if (!byCompany.value.has(companyId)) {
      const cached = await send('center.unsyncedCached', { companyId });
      if (cached.ok && cached.data && !byCompany.value.get(companyId)?.fresh) setCompanyRows(cached.data, false);
    }
    const reply = await send('center.unsynced', { companyId });
    if (reply.ok) {
      batch(() => {
        setCompanyRows(reply.data, true);
        pruneAfterLoad(companyId, reply.data.items);
      });
    } else {
      unsyncedError.value = reply.error;
      if (changesWholeView(reply.error, snapshot.value)) connectionError.value = reply.error;
    }
  }

  async function loadUnsynced(only?: readonly string[]): Promise<void> {
    const ids = only ?? scopeIds.value;
    if (ids.length === 0) return;
    batch(() => {
      unsyncedLoading.value = true;
      unsyncedError.value = null;
    });
    await Promise.all(ids.map((id) => loadCompany(id)));
    unsyncedLoading.value = false;
  }

  function applySnapshot(next: Snapshot): void {
    batch(() => {
      snapshot.value = next;
      refreshedAt.value = new Date().toISOString();
      // Before the first poll the list may be empty: keep a linked company until the list says otherwise.
      const list = companies.value;
      if (scope.value !== ALL_COMPANIES && list.length > 0 && !list.some((c) => c.id === scope.value)) scope.value = ALL_COMPANIES;
    });
  }

  async function loadTab(): Promise<void> {
    if (tab.value === 'log') await logStore.reload();
    if (tab.value === 'history') await historyStore.load();
  }

  async function start(): Promise<void> {
    const reply = await send('state.get', {});
    batch(() => {
      if (reply.ok) applySnapshot(reply.data);
      else connectionError.value = reply.error;
    });
    if (view.value === 'unconfigured' || !reply.ok) return;
    deps.subscribeOutbox?.(() => void loadWaitingActions());
    void loadWaitingActions();
    const early = loadUnsynced();
    await refreshState();
    // Companies that first appear in the fresh state (first poll) get their lists too.
    const missing = scopeIds.value.filter((id) => !byCompany.value.has(id));
    await Promise.all([early, loadTab(), missing.length ? loadUnsynced(missing) : Promise.resolve()]);
  }

  const refreshState = () => refreshPageState(send, { refreshing, connectionError, apply: applySnapshot });

  // Left open while the service is down, the page looks again on its own and says when.
  const autoRetry = createPageAutoRetry(view, snapshot, () => refresh());
  const loadWaitingActions = waiting.load;

  /**
   * A row action the page does not know the end of yet (kept in the outbox, or the background did
   * not answer): followed by its key until the background knows, then the company's list is
   * reloaded so the row shows what the service now says.
   */
  function followAction(actionKey: string, rowKeys: readonly string[], companyId: string): void {
    const stop = watchActions(
      send,
      [actionKey],
      ([state]) => {
        if (!state || !isSettled(state.state)) {
          if (state?.state === 'not-done') for (const key of rowKeys) setRowAction(key, { kind: 'error', message: t('bgActionGaveUp', actionReasonText(state)) });
          return;
        }
        batch(() => {
          for (const key of rowKeys) {
            if (state.state === 'done') setRowAction(key, null);
            else if (state.state === 'unknown') setRowAction(key, { kind: 'error', message: t('centerActionNeverSent') });
            else setRowAction(key, { kind: 'error', message: state.message ?? '' });
          }
        });
        stop();
        void loadCompany(companyId);
        void loadWaitingActions();
      },
      { subscribe: deps.subscribeOutbox },
    );
  }

  /** What the page does with a reply to a row action that did not come back with the result. */
  function unfinished(reply: { code: ReplyError['code']; message: string }): RowAction | null {
    if (reply.code === 'queued') return { kind: 'queued', message: reply.message };
    if (reply.code === 'unreachable' || reply.code === 'bad-reply') return { kind: 'queued', message: t('centerActionChecking') };
    return null;
  }

  /** After the background polled: its cached state, then the lists in scope and the open tab's data. */
  async function afterPoll(): Promise<void> {
    const reply = await send('state.get', {});
    if (!reply.ok) return;
    applySnapshot(reply.data);
    connectionError.value = null;
    await Promise.all([loadUnsynced(), loadTab()]);
  }

  /** The header's Refresh: state, the lists in scope and the open tab's data. */
  async function refresh(): Promise<void> {
    await refreshState();
    await Promise.all([loadUnsynced(), loadTab()]);
  }

  function setTab(next: CenterTab): void {
    if (tab.value === next) return;
    tab.value = next;
    if (next === 'log' && !logStore.loaded.value) void logStore.reload();
    if (next === 'history' && !historyStore.loaded.value) void historyStore.load();
  }

  function setScope(next: string): void {
    if (next === scope.value) return;
    batch(() => {
      scope.value = next;
      selected.value = new Set();
      open.value = null;
      bulk.value = { kind: 'idle' };
    });
    void loadUnsynced();
    void loadWaitingActions();
    if (tab.value === 'log') void logStore.reload();
  }

  function setFilter<K extends keyof UnsyncedFilters>(key: K, value: UnsyncedFilters[K]): void {
    filters.value = { ...filters.value, [key]: value };
  }

  function toggleSort(key: SortKey): void {
    sort.value = nextSort(sort.value, key);
  }

  function setSelected(key: string, on: boolean): void {
    const next = new Set(selected.value);
    if (on) next.add(key);
    else next.delete(key);
    selected.value = next;
  }

  /** Select-all works on the filtered rows: all selected → none of them; otherwise all of them. */
  function toggleSelectAll(): void {
    const rows = filteredRows.value;
    const allOn = rows.length > 0 && rows.every((r) => selected.value.has(r.key));
    const next = new Set(selected.value);
    for (const r of rows) {
      if (allOn) next.delete(r.key);
      else next.add(r.key);
    }
    selected.value = next;
  }

  function setRowAction(key: string, action: RowAction | null): void {
    const next = new Map(rowActions.value);
    if (action) next.set(key, action);
    else next.delete(key);
    rowActions.value = next;
  }

  /** Replaces one row's entity with the one the service returned (state, qbId after an action). */
  function replaceItem(item: UnsyncedEntity): void {
    const entry = byCompany.value.get(item.companyId);
    if (!entry) return;
    const items = entry.snapshot.items.map((i) => (i.id === item.id ? item : i));
    const next = new Map(byCompany.value);
    const system = companyById.value.get(item.companyId)?.system ?? 'qbo';
    next.set(item.companyId, { ...entry, snapshot: { ...entry.snapshot, items }, rows: prepareRows(items, system) });
    byCompany.value = next;
  }

  function markQueued(companyId: string, ids: readonly string[]): void {
    const entry = byCompany.value.get(companyId);
    if (!entry) return;
    const set = new Set(ids);
    const items = entry.snapshot.items.map((i) => (set.has(i.id) ? { ...i, state: 'resync-queued' as const } : i));
    const next = new Map(byCompany.value);
    const system = companyById.value.get(companyId)?.system ?? 'qbo';
    next.set(companyId, { ...entry, snapshot: { ...entry.snapshot, items }, rows: prepareRows(items, system) });
    byCompany.value = next;
  }

  async function resync(key: string): Promise<void> {
    if (rowActions.value.get(key)?.kind === 'busy') return;
    const { companyId, id } = splitRowKey(key);
    setRowAction(key, { kind: 'busy', action: 'resync' });
    const actionKey = newActionKey();
    const reply = await send('unsynced.resync', { companyId, unsyncedId: id, actionKey });
    const waiting = reply.ok ? null : unfinished(reply.error);
    batch(() => {
      if (reply.ok) {
        replaceItem(reply.data.unsynced);
        setRowAction(key, { kind: 'queued', message: t('centerRowQueuedMessage') });
      } else if (waiting) {
        if (reply.error.code === 'queued') markQueued(companyId, [id]);
        setRowAction(key, waiting);
      } else {
        setRowAction(key, { kind: 'error', message: reply.error.message });
      }
    });
    if (waiting) followAction(actionKey, [key], companyId);
  }

  function askClearId(key: string): void {
    open.value = { key, kind: 'confirm-clear' };
  }

  function closePanel(): void {
    open.value = null;
  }

  function setActiveRow(key: string, index: number): void {
    const cur = activeRow.value;
    if (cur.key !== key || cur.index !== index) activeRow.value = { key, index };
  }

  function toggleExplain(key: string): void {
    open.value = open.value?.key === key && open.value.kind === 'explain' ? null : { key, kind: 'explain' };
  }

  async function confirmClearId(key: string): Promise<void> {
    if (rowActions.value.get(key)?.kind === 'busy') return;
    const { companyId, id } = splitRowKey(key);
    batch(() => {
      open.value = null;
      setRowAction(key, { kind: 'busy', action: 'clear-id' });
    });
    const actionKey = newActionKey();
    const reply = await send('unsynced.clearId', { companyId, unsyncedId: id, actionKey });
    const waiting = reply.ok ? null : unfinished(reply.error);
    batch(() => {
      if (reply.ok) {
        replaceItem(reply.data.unsynced);
        setRowAction(key, { kind: 'cleared', message: reply.data.message });
      } else {
        setRowAction(key, waiting ?? { kind: 'error', message: reply.error.message });
      }
    });
    if (waiting) followAction(actionKey, [key], companyId);
  }

  /** Resyncs the selected rows: one request per company (≤ 1,000 ids each), with progress. */
  async function bulkResync(): Promise<void> {
    if (bulk.value.kind === 'running') return;
    const rows = selectedVisible.value;
    if (rows.length === 0) return;
    const nameOf = new Map(rows.map((r) => [r.key, r.item.docNumber ? `${r.item.name} #${r.item.docNumber}` : r.item.name]));
    const batches = planBulkResync(rows.map((r) => ({ companyId: r.item.companyId, id: r.item.id })));
    const total = rows.length;
    let done = 0;
    let queued = 0;
    const failures: BulkFailure[] = [];
    const failedKeys = new Set<string>();
    bulk.value = { kind: 'running', done, total };
    for (const b of batches) {
      const actionKey = newActionKey();
      const reply = await send('center.bulkResync', { companyId: b.companyId, ids: b.ids, actionKey });
      const waiting = reply.ok ? null : unfinished(reply.error);
      batch(() => {
        if (reply.ok) {
          queued += reply.data.queued;
          applyBulkResult(b.companyId, reply.data, nameOf, failures, failedKeys);
        } else if (waiting) {
          // Safe in the outbox (or being confirmed): sent again with the same key until the service answers.
          queued += b.ids.length;
          if (reply.error.code === 'queued') markQueued(b.companyId, b.ids);
          followAction(actionKey, b.ids.map((id) => rowKey(b.companyId, id)), b.companyId);
        } else {
          for (const id of b.ids) {
            failedKeys.add(rowKey(b.companyId, id));
            failures.push({ name: nameOf.get(rowKey(b.companyId, id)) ?? id, message: reply.error.message });
          }
        }
        done += b.ids.length;
        bulk.value = { kind: 'running', done, total };
      });
    }
    batch(() => {
      bulk.value = { kind: 'done', queued, failures, total };
      // Failed rows stay selected so they can be retried; queued ones are done.
      const sent = new Set(rows.map((r) => r.key));
      selected.value = new Set([...selected.value].filter((k) => !sent.has(k) || failedKeys.has(k)));
    });
  }

  function applyBulkResult(
    companyId: string,
    result: BulkResyncResult,
    nameOf: Map<string, string>,
    failures: BulkFailure[],
    failedKeys: Set<string>,
  ): void {
    const okIds: string[] = [];
    for (const r of result.results) {
      if (r.ok) {
        okIds.push(r.id);
        continue;
      }
      failedKeys.add(rowKey(companyId, r.id));
      failures.push({ name: nameOf.get(rowKey(companyId, r.id)) ?? r.id, message: r.message ?? r.code ?? t('centerBulkNotQueued') });
    }
    markQueued(companyId, okIds);
  }

  /** A new hash link while the page is open (a notification click, the popup): go where it points. */
  function applyLink(next: CenterLink): void {
    batch(() => {
      if (next.tab) setTab(next.tab);
      if (next.companyId) setScope(next.companyId);
      setFilter('sinceMs', next.failedSince ? Date.parse(next.failedSince) : null);
    });
  }

  function clearSince(): void {
    setFilter('sinceMs', null);
  }

  return {
    // state
    afterPoll,
    waitingActions: waiting.actions,
    nextRetryAt: autoRetry.nextRetryAt,
    retryAction: waiting.retry,
    discardAction: waiting.discard,
    tab,
    snapshot,
    connectionError,
    refreshing,
    refreshedAt,
    scope,
    byCompany,
    unsyncedLoading,
    unsyncedError,
    filters,
    sort,
    selected,
    rowActions,
    open,
    bulk,
    activeRow,
    // derived
    view,
    companies,
    companyById,
    scopeIds,
    damagedInScope,
    grouped,
    sortedRows,
    filteredRows,
    display,
    categories,
    entityTypes,
    codes,
    hasAnyList,
    selectedVisible,
    // sub-stores
    log: logStore,
    history: historyStore,
    connectorFile,
    // actions
    start,
    refresh,
    setTab,
    setScope,
    setFilter,
    toggleSort,
    setSelected,
    toggleSelectAll,
    resync,
    askClearId,
    confirmClearId,
    closePanel,
    toggleExplain,
    setActiveRow,
    bulkResync,
    applyLink,
    clearSince,
    openOptions: deps.openOptions,
  };
}

export type CenterStore = ReturnType<typeof createCenterStore>;
