/**
 * The Sync log tab: one company, one status (Pending / Successful / Failed) at a time, filtered by
 * direction, entity type, day range and text, paged by cursor. Replies to an older query are
 * dropped (a generation counter), so fast filter changes never mix pages.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Company, Direction, LogEntry, LogStatus } from '@/lib/api/schema';
import type { LogQuery, LogSlice } from '@/lib/messaging/center-commands';
import { t } from '@/lib/i18n/t';
import type { ReplyError, SendCommand } from '../common/client';

export const LOG_PAGE_SIZE = 50;
const TEXT_DELAY_MS = 250;

export interface LogFilters {
  direction: Direction | null;
  entityType: string | null;
  from: string;
  to: string;
  q: string;
}
const NO_LOG_FILTERS: LogFilters = { direction: null, entityType: null, from: '', to: '', q: '' };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function createLogStore(deps: { send: SendCommand; companies: ReadonlySignal<Company[]>; scope: ReadonlySignal<string> }) {
  const status = signal<LogStatus>('failed');
  const chosenCompany = signal<string | null>(null);
  const filters = signal<LogFilters>(NO_LOG_FILTERS);
  const items = signal<LogEntry[]>([]);
  const nextCursor = signal<string | null>(null);
  const counts = signal<LogSlice['counts']>(null);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<ReplyError | null>(null);
  let generation = 0;
  /** The query (without cursor) the shown items answer, so a failed other query never leaves them under the wrong tab. */
  let shownQuery: string | null = null;
  let textTimer: ReturnType<typeof setTimeout> | undefined;

  /** The log is per company: the scope's company, else the one picked on this tab, else the first. */
  const companyId = computed(() => {
    const list = deps.companies.value;
    const has = (id: string | null) => id !== null && list.some((c) => c.id === id);
    if (has(chosenCompany.value)) return chosenCompany.value;
    if (has(deps.scope.value)) return deps.scope.value;
    return list[0]?.id ?? null;
  });
  const company = computed(() => deps.companies.value.find((c) => c.id === companyId.value) ?? null);
  const rangeError = computed(() => {
    const { from, to } = filters.value;
    if (from && !ISO_DAY.test(from)) return t('logRangeFromInvalid');
    if (to && !ISO_DAY.test(to)) return t('logRangeToInvalid');
    if (from && to && from > to) return t('logRangeReversed');
    return null;
  });

  function query(cursor?: string): LogQuery | null {
    const cid = companyId.value;
    if (!cid || rangeError.value) return null;
    const f = filters.value;
    const q = f.q.trim().slice(0, 200);
    return {
      companyId: cid,
      status: status.value,
      limit: LOG_PAGE_SIZE,
      ...(f.direction ? { direction: f.direction } : {}),
      ...(f.entityType ? { entityType: f.entityType } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(q ? { q } : {}),
      ...(cursor ? { cursor } : {}),
    };
  }

  async function reload(): Promise<void> {
    const q = query();
    const gen = ++generation;
    if (!q) {
      batch(() => {
        items.value = [];
        nextCursor.value = null;
        loading.value = false;
      });
      return;
    }
    batch(() => {
      loading.value = true;
      error.value = null;
    });
    const reply = await deps.send('center.log', q);
    if (gen !== generation) return;
    batch(() => {
      loading.value = false;
      loaded.value = true;
      if (reply.ok) {
        items.value = reply.data.items;
        nextCursor.value = reply.data.nextCursor;
        counts.value = reply.data.counts;
        shownQuery = JSON.stringify(q);
      } else {
        error.value = reply.error;
        // A failed refresh of the same query keeps what is shown; another status or filter does not.
        if (shownQuery !== JSON.stringify(q)) {
          items.value = [];
          nextCursor.value = null;
          shownQuery = null;
        }
      }
    });
  }

  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value;
    if (!cursor || loading.value) return;
    const q = query(cursor);
    if (!q) return;
    const gen = generation;
    loading.value = true;
    const reply = await deps.send('center.log', q);
    if (gen !== generation) return;
    batch(() => {
      loading.value = false;
      if (reply.ok) {
        const seen = new Set(items.value.map((i) => i.id));
        items.value = [...items.value, ...reply.data.items.filter((i) => !seen.has(i.id))];
        nextCursor.value = reply.data.nextCursor;
        if (reply.data.counts) counts.value = reply.data.counts;
      } else {
        error.value = reply.error;
      }
    });
  }

  function setStatus(next: LogStatus): void {
    if (next === status.value) return;
    status.value = next;
    void reload();
  }

  function setCompany(id: string): void {
    chosenCompany.value = id;
    counts.value = null;
    void reload();
  }

  function setFilter<K extends keyof LogFilters>(key: K, value: LogFilters[K]): void {
    filters.value = { ...filters.value, [key]: value };
    clearTimeout(textTimer);
    // Typing waits for a pause; every other filter applies at once.
    if (key === 'q') textTimer = setTimeout(() => void reload(), TEXT_DELAY_MS);
    else void reload();
  }

  return { status, filters, items, nextCursor, counts, loading, loaded, error, companyId, company, rangeError, reload, loadMore, setStatus, setCompany, setFilter };
}

export type LogStore = ReturnType<typeof createLogStore>;
