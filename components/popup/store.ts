/**
 * The popup's state and actions as signals. Paints from the background's cache first
 * (state.get + wizard.cached), then asks for fresh data (state.refresh + wizard.load).
 * Replies for a company that is no longer selected are ignored, so quick switching never mixes lists.
 */
import { connectionForKey, followedCompanyList } from '@/lib/connections/connection';
import { batch, computed, signal } from '@preact/signals';
import * as v from 'valibot';
import type { Company, CompanySummary, UncheckedMode, WizardItem } from '@/lib/api/schema';
import { Snapshot, WizardSnapshot } from '@/lib/messaging/protocol';
import {
  buildApproval,
  countSelection,
  NOTHING_UNCHECKED,
  pruneUnchecked,
  sectionState,
  setItem,
  splitApproval,
  splitByDirection,
  toggleSection,
  type ApprovalRequest,
  type Unchecked,
} from '@/lib/approvals/selection';
import type { OutboxSubscribe } from '@/lib/outbox/outbox-subscribe';
import { t } from '@/lib/i18n/t';
import { newActionKey, watchActions } from '../common/action-watch';
import { actionReasonText } from '../common/WaitingActions';
import { createPageAutoRetry } from '../common/auto-retry';
import { createWaitingActions } from '../common/waiting-actions-store';
import type { KeyValueStore, ReplyError, SendCommand } from '../common/client';
import { changesWholeView, pageView, type PageView } from '../common/page-view';
import { refreshPageState } from '../common/state-refresh';
import { FIRST_SCREEN_ROWS } from './WizardList';

export const LAST_COMPANY_KEY = 'synclens.popup.companyId';
/**
 * What the popup showed last time (state and the selected company's list), kept in the popup's
 * own localStorage: reading it is synchronous, so the first render already has rows, before any
 * round trip to the background. The background's answers replace it moments later.
 */
export const LAST_PAINT_KEY = 'synclens.popup.lastPaint';
/**
 * The rest of that list: LAST_PAINT_KEY holds only the rows the first screen can show (see
 * HEAD_ROWS) and how many more each section has; the others are kept here and read right after
 * the first paint (or at once, when an action needs the whole list before that).
 */
export const LAST_PAINT_REST_KEY = 'synclens.popup.lastPaintRest';
/** Rows per section in the first paint: what the section's scroll box shows before any scrolling. */
export const HEAD_ROWS = FIRST_SCREEN_ROWS;
/**
 * Shape check for the last paint. It was written by this page from validated replies, so a plain
 * type check per field is enough to render it safely (as text); the strict Sync API schema (ids,
 * timestamps) would cost more than the rest of the first paint for 2,000 rows.
 */
const str = (x: unknown): x is string => typeof x === 'string';
const strOrNone = (x: unknown) => x === undefined || x === null || typeof x === 'string';
/**
 * One row of the last paint, checked field by field by hand: a valibot object schema costs a few
 * milliseconds for the ~2,000 rows read right after the first paint, this a fraction of one.
 */
function isPaintItem(x: unknown): x is WizardItem {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return str(r.id) && str(r.companyId) && (r.direction === 'export' || r.direction === 'import') && str(r.entityType)
    && strOrNone(r.localId) && strOrNone(r.qbId) && str(r.name) && strOrNone(r.docNumber)
    && (r.change === 'create' || r.change === 'update' || r.change === 'delete')
    && (r.changedFields === undefined || r.changedFields === null || (Array.isArray(r.changedFields) && r.changedFields.every(str)))
    && (r.amount === undefined || r.amount === null || typeof r.amount === 'number') && str(r.detectedAt);
}
const PaintItem = v.custom<WizardItem>(isPaintItem, 'not a wizard row');
const Unseen = v.object({ export: v.number(), import: v.number() });
const LastPaint = v.object({
  snapshot: Snapshot,
  wizard: v.nullable(v.object({ companyId: v.string(), fetchedAt: v.string(), items: v.array(PaintItem), unseen: v.optional(Unseen) })),
});
/** The rows the first paint left out, stamped with the list they belong to. */
const LastPaintRest = v.object({ companyId: v.string(), fetchedAt: v.string(), items: v.array(PaintItem) });
/** How many rows of each section the first paint did not read (they are all checked: nobody saw them). */
export type UnseenRows = { export: number; import: number };
type LastPaint = { snapshot: Snapshot; wizard: (WizardSnapshot & { unseen?: UnseenRows }) | null };

// The page's own key-value store is called `local` here, never `storage`: WXT's auto-import plugin
// runs even with `imports: false` and takes a bare `storage` (even a parameter) for
// wxt/utils/storage, which then loads with the popup (8 KB and a storage driver set up before the
// first paint).
function readJson<T>(local: KeyValueStore | null | undefined, key: string, schema: v.GenericSchema<unknown, unknown>): T | null {
  const text = safeGet(local, key);
  if (!text) return null;
  try {
    const parsed = v.safeParse(schema, JSON.parse(text));
    return parsed.success ? (parsed.output as T) : null;
  } catch {
    return null;
  }
}

/** Splits a list into what the first screen shows (the first rows of each section) and the rest. */
function splitForFirstPaint(wizard: WizardSnapshot): { head: LastPaint['wizard']; rest: WizardItem[] } {
  const taken = { export: 0, import: 0 };
  const unseen: UnseenRows = { export: 0, import: 0 };
  const head: WizardItem[] = [];
  const rest: WizardItem[] = [];
  for (const item of wizard.items) {
    if (taken[item.direction] < HEAD_ROWS) {
      taken[item.direction]++;
      head.push(item);
    } else {
      unseen[item.direction]++;
      rest.push(item);
    }
  }
  return { head: { ...wizard, items: head, unseen }, rest };
}

export interface PopupDeps {
  send: SendCommand;
  openOptions: () => void;
  storage?: KeyValueStore | null;
  /** Tells the popup when the outbox changed (an action delivered, given up on). */
  subscribeOutbox?: OutboxSubscribe;
}

/** What the popup shows as a whole. */
export type PopupView = PageView;

export interface ApproveCounts {
  approved: number;
  kept: number;
  cleared: number;
  skipped: number;
}

export type ApproveOutcome =
  | ({ kind: 'success' } & ApproveCounts)
  /** Sent or kept in the outbox, and its outcome is not known yet: SyncLens is confirming it. */
  | { kind: 'confirming'; message: string }
  /** SyncLens stopped trying on its own; the waiting-actions list offers Try again and Discard. */
  | { kind: 'not-done'; message: string }
  /** Some of a big approval went through, then one part did not; the rest are still listed. */
  | ({ kind: 'partial'; reviewed: number; total: number; message: string } & ApproveCounts)
  | { kind: 'error'; message: string };

const NO_COUNTS: ApproveCounts = { approved: 0, kept: 0, cleared: 0, skipped: 0 };
const addCounts = (a: ApproveCounts, b: ApproveCounts): ApproveCounts => ({
  approved: a.approved + b.approved,
  kept: a.kept + b.kept,
  cleared: a.cleared + b.cleared,
  skipped: a.skipped + b.skipped,
});

function followedCompanies(snapshot: Snapshot | null): Company[] {
  if (!snapshot) return [];
  return followedCompanyList(snapshot.settings, snapshot.companies);
}

/** With nothing remembered, open where the work is: the company with the most items waiting. */
function busiestCompany(list: Company[], snap: Snapshot | null): string | null {
  const waiting = (id: string) => {
    const c = snap?.summary?.companies.find((s) => s.companyId === id);
    return c ? c.pendingApprovals.export + c.pendingApprovals.import : 0;
  };
  let best: Company | null = null;
  for (const c of list) if (!best || waiting(c.id) > waiting(best.id)) best = c;
  return best?.id ?? null;
}

function safeGet(local: KeyValueStore | null | undefined, key: string): string | null {
  try {
    return local?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(local: KeyValueStore | null | undefined, key: string, value: string): void {
  try {
    local?.setItem(key, value);
  } catch {
    // Storage may be full or blocked; remembering the company is only a convenience.
  }
}

/** Settles once the frame being prepared has been painted (a task after the next animation frame). */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}

export function createPopupStore(deps: PopupDeps) {
  const { send } = deps;

  const snapshot = signal<Snapshot | null>(null);
  /** The latest reply error that says something about the connection (cleared by a good refresh). */
  const connectionError = signal<ReplyError | null>(null);
  const companyId = signal<string | null>(null);
  const wizard = signal<WizardSnapshot | null>(null);
  /**
   * While the list shown is the first paint's head (only the rows the first screen shows), the
   * head and how many rows each section has beyond it. Any other list put in `wizard` ends it.
   */
  const head = signal<{ wizard: WizardSnapshot; unseen: UnseenRows } | null>(null);
  const unseen = computed<UnseenRows | null>(() => (head.value && wizard.value === head.value.wizard ? head.value.unseen : null));
  const wizardLoading = signal(false);
  const wizardError = signal<ReplyError | null>(null);
  const unchecked = signal<Unchecked>(NOTHING_UNCHECKED);
  const mode = signal<UncheckedMode>('keep');
  const approving = signal(false);
  /** Reviewed items sent so far out of all, while a big approval goes out in several requests. */
  const progress = signal<{ done: number; total: number } | null>(null);
  const outcome = signal<ApproveOutcome | null>(null);
  /** The selected company's actions still in the outbox (waiting, sending or not done). */
  const waiting = createWaitingActions(send, () => (companyId.peek() ? [companyId.peek()!] : []));
  const refreshing = signal(false);

  const companies = computed(() => followedCompanies(snapshot.value));
  const company = computed(() => companies.value.find((c) => c.id === companyId.value) ?? null);
  const companySummary = computed<CompanySummary | null>(
    () => snapshot.value?.summary?.companies.find((c) => c.companyId === companyId.value) ?? null,
  );
  const items = computed<WizardItem[]>(() => (wizard.value && wizard.value.companyId === companyId.value ? wizard.value.items : []));
  const sections = computed(() => splitByDirection(items.value));
  const shownIds = computed(() => [...sections.value.export, ...sections.value.import].map((i) => i.id));
  /** Rows per section, the unread ones of the first paint included. */
  const sectionSizes = computed(() => ({
    export: sections.value.export.length + (unseen.value?.export ?? 0),
    import: sections.value.import.length + (unseen.value?.import ?? 0),
  }));
  /** Unread rows count as checked: nobody has seen them to uncheck them (as any row not unchecked). */
  const counts = computed(() => {
    const shown = countSelection(unchecked.value, shownIds.value);
    const more = (unseen.value?.export ?? 0) + (unseen.value?.import ?? 0);
    return more === 0 ? shown : { shown: shown.shown + more, checked: shown.checked + more, unchecked: shown.unchecked };
  });
  const stateOf = (direction: 'export' | 'import') => {
    const state = sectionState(unchecked.value, sections.value[direction].map((i) => i.id));
    return state === 'none' && (unseen.value?.[direction] ?? 0) > 0 ? 'mixed' : state;
  };
  const exportState = computed(() => stateOf('export'));
  const importState = computed(() => stateOf('import'));

  /**
   * Completes the first paint's list with the rows it left out (synchronous: an action that needs
   * every row calls it first). When they cannot be read, the list is dropped for the background's.
   */
  function readRest(): void {
    const current = head.value;
    head.value = null;
    if (!current || wizard.value !== current.wizard) return;
    const rest = readJson<{ companyId: string; fetchedAt: string; items: WizardItem[] }>(deps.storage, LAST_PAINT_REST_KEY, LastPaintRest);
    const expected = current.unseen.export + current.unseen.import;
    const matches = rest && rest.companyId === current.wizard.companyId && rest.fetchedAt === current.wizard.fetchedAt && rest.items.length === expected;
    wizard.value = matches ? { ...current.wizard, items: [...current.wizard.items, ...rest.items] } : null;
  }

  const view = computed<PopupView>(() => pageView(snapshot.value, connectionError.value));

  /** Picks the company to show: the current one if still listed, else the remembered one, else the first. */
  function chooseCompany(): void {
    const list = companies.value;
    const valid = (id: string | null) => id !== null && list.some((c) => c.id === id);
    if (valid(companyId.value)) return;
    const remembered = safeGet(deps.storage, LAST_COMPANY_KEY);
    companyId.value = valid(remembered) ? remembered : busiestCompany(list, snapshot.value);
    // Remembered even when defaulted, so the next popup can ask for its cached list at once.
    if (companyId.value && companyId.value !== remembered) safeSet(deps.storage, LAST_COMPANY_KEY, companyId.value);
  }

  function applySnapshot(next: Snapshot): void {
    batch(() => {
      snapshot.value = next;
      chooseCompany();
    });
  }

  function applyWizard(next: WizardSnapshot): void {
    if (next.companyId !== companyId.value) return;
    batch(() => {
      wizard.value = next;
      unchecked.value = pruneUnchecked(unchecked.value, next.items.map((i) => i.id));
    });
  }

  async function loadCachedWizard(cid: string): Promise<void> {
    const reply = await send('wizard.cached', { companyId: cid });
    // A fresh list may already have arrived; the cache must never overwrite it.
    if (reply.ok && reply.data && companyId.value === cid && !wizard.value) applyWizard(reply.data);
  }

  function rememberPaint(): void {
    if (!snapshot.value) return;
    readRest();
    const list = wizard.value?.companyId === companyId.value ? wizard.value : null;
    const split = list ? splitForFirstPaint(list) : null;
    const paint: LastPaint = { snapshot: snapshot.value, wizard: split?.head ?? null };
    // The rest first: a head is only used with the rest written for the same list.
    safeSet(deps.storage, LAST_PAINT_REST_KEY, JSON.stringify(list ? { companyId: list.companyId, fetchedAt: list.fetchedAt, items: split!.rest } : null));
    safeSet(deps.storage, LAST_PAINT_KEY, JSON.stringify(paint));
  }

  async function loadFreshWizard(cid: string): Promise<void> {
    wizardLoading.value = true;
    const reply = await send('wizard.load', { companyId: cid });
    if (companyId.value !== cid) return;
    batch(() => {
      wizardLoading.value = false;
      if (reply.ok) {
        wizardError.value = null;
        applyWizard(reply.data);
        rememberPaint();
      } else {
        wizardError.value = reply.error;
        if (changesWholeView(reply.error, snapshot.value)) connectionError.value = reply.error;
      }
    });
    // The service asked for a pause (Retry-After) while the list loaded: the state read alongside
    // may predate it, so read it again (from the background's storage, nothing is sent) for the note.
    if (!reply.ok && (reply.error.code === 'paused' || reply.error.retryAfterSeconds !== undefined)) await reloadState();
  }

  async function reloadState(): Promise<void> {
    const reply = await send('state.get', {});
    if (reply.ok) applySnapshot(reply.data);
  }

  const refreshState = () => refreshPageState(send, { refreshing, connectionError, apply: applySnapshot });

  // Offline or failing, the popup looks again on its own and says when.
  const autoRetry = createPageAutoRetry(view, snapshot, () => refresh());

  /** Fresh state and wizard together; a company that first appears in the fresh state gets its list too. */
  async function refresh(): Promise<void> {
    const before = companyId.value;
    const wizardDone = before ? loadFreshWizard(before) : Promise.resolve();
    await refreshState();
    const after = companyId.value;
    if (after && after !== before) {
      await loadCachedWizard(after);
      await loadFreshWizard(after);
    }
    await wizardDone;
  }

  async function start(): Promise<void> {
    // Before anything else, synchronously: what the popup showed last time.
    // Only the rows the first screen shows are read now; the rest right after the first paint.
    const last = readJson<LastPaint>(deps.storage, LAST_PAINT_KEY, LastPaint);
    const painted = last ? afterFirstPaint() : null;
    // Painted from last time, the state is asked for right after that first frame (before the rest
    // of the list is read): the first message to the background (which sets up the page's messaging)
    // and the background's work on the answer stay out of it. With nothing to paint, it goes at once.
    const askedAfterPaint = painted?.then(() => send('state.get', {}));
    if (last) {
      batch(() => {
        applySnapshot(last.snapshot);
        if (last.wizard && last.wizard.companyId === companyId.value) {
          const { unseen: more, ...list } = last.wizard;
          wizard.value = list;
          if (more && more.export + more.import > 0) {
            head.value = { wizard: list, unseen: more };
            void painted!.then(readRest);
          }
        }
      });
    }
    // First paint: the remembered company's cached list is asked for alongside the state and shown
    // as soon as it arrives, so the rows never wait for a second round trip to the background.
    const guess = safeGet(deps.storage, LAST_COMPANY_KEY);
    // Rows already painted from last time need no second copy from the background's cache.
    if (guess && !wizard.value) {
      void send('wizard.cached', { companyId: guess }).then((cached) => {
        if (!cached.ok || !cached.data || cached.data.companyId !== guess || wizard.value) return;
        if (companyId.value !== null && companyId.value !== guess) return;
        batch(() => {
          companyId.value = guess;
          wizard.value = cached.data;
        });
      });
    }
    const reply = await (askedAfterPaint ?? send('state.get', {}));
    batch(() => {
      if (reply.ok) applySnapshot(reply.data);
      else connectionError.value = reply.error;
      // The remembered company may be gone from the list: drop its early rows.
      if (wizard.value && wizard.value.companyId !== companyId.value) wizard.value = null;
    });
    if (view.value === 'unconfigured') return;
    stopOutboxWatch ??= deps.subscribeOutbox?.(() => void loadWaitingActions()) ?? null;

    const cid = companyId.value;
    if (cid && !wizard.value) await loadCachedWizard(cid);
    void loadWaitingActions();
    await refresh();
  }

  async function selectCompany(id: string): Promise<void> {
    if (id === companyId.value || !companies.value.some((c) => c.id === id)) return;
    batch(() => {
      companyId.value = id;
      wizard.value = null;
      wizardError.value = null;
      unchecked.value = NOTHING_UNCHECKED;
      outcome.value = null;
    });
    safeSet(deps.storage, LAST_COMPANY_KEY, id);
    stopWatching?.();
    waiting.actions.value = [];
    void loadWaitingActions();
    await loadCachedWizard(id);
    await loadFreshWizard(id);
  }

  function setChecked(id: string, checked: boolean): void {
    unchecked.value = setItem(unchecked.value, id, checked);
  }

  function toggleDirection(direction: 'export' | 'import'): void {
    readRest();
    unchecked.value = toggleSection(unchecked.value, sections.value[direction].map((i) => i.id));
  }

  /** The selected company's service refused its token: nothing may be approved into it until fixed. */
  const signedOut = computed(() => {
    if (view.value === 'signed-out') return true;
    const cid = companyId.value;
    const snap = snapshot.value;
    if (!cid || !snap) return false;
    const service = snap.connections.find((c) => connectionForKey(snap.settings, cid)?.id === c.id);
    return service?.status.state === 'signed-out';
  });

  const canApprove = computed(() => !approving.value && !signedOut.value && companyId.value !== null && counts.value.checked > 0);

  /** Reviewed rows are done for this cycle (approved, kept back or cleared): off the list. */
  function dropRows(cid: string, reviewedIds: readonly string[]): void {
    readRest();
    if (!wizard.value || companyId.value !== cid) return;
    const reviewed = new Set(reviewedIds);
    batch(() => {
      wizard.value = wizard.value && { ...wizard.value, items: wizard.value.items.filter((i) => !reviewed.has(i.id)) };
      unchecked.value = pruneUnchecked(unchecked.value, wizard.value?.items.map((i) => i.id) ?? []);
    });
  }

  let stopWatching: (() => void) | null = null;

  /**
   * Follows approvals whose reply did not say how they ended, by their keys, until the background
   * knows: delivered (counts shown, list refreshed), refused, given up on, or never stored.
   */
  function confirm(cid: string, pending: Map<string, ApprovalRequest>, sofar: { counts: ApproveCounts; reviewed: number; total: number }): void {
    stopWatching?.();
    stopWatching = watchActions(
      send,
      [...pending.keys()],
      (states) => {
        if (companyId.value !== cid) return;
        let counts = sofar.counts;
        let reviewed = sofar.reviewed;
        let open = false;
        let problem: ApproveOutcome | null = null;
        for (const state of states) {
          const chunk = pending.get(state.key)!;
          if (state.state === 'done') {
            if (state.result && 'approved' in state.result) counts = addCounts(counts, state.result);
            reviewed += chunk.reviewedIds.length;
            dropRows(cid, chunk.reviewedIds);
          } else if (state.state === 'not-done') {
            problem = { kind: 'not-done', message: actionReasonText(state) };
          } else if (state.state === 'refused' || state.state === 'discarded' || state.state === 'unknown') {
            const message = state.state === 'unknown' ? t('popupApproveNeverSent') : state.state === 'discarded' ? t('popupApproveDiscarded') : (state.message ?? '');
            problem = reviewed > 0 ? { kind: 'partial', reviewed, total: sofar.total, message, ...counts } : { kind: 'error', message };
          } else {
            open = true;
          }
        }
        if (problem) outcome.value = problem;
        else if (open) outcome.value = { kind: 'confirming', message: t('popupApproveConfirming') };
        else {
          outcome.value = reviewed < sofar.total ? { kind: 'partial', reviewed, total: sofar.total, message: t('popupApproveRestWaiting'), ...counts } : { kind: 'success', ...counts };
          void refresh();
        }
      },
      { subscribe: deps.subscribeOutbox },
    );
  }

  /**
   * Approves the reviewed rows, in several requests when there are many (each under its own key),
   * with progress. A request whose outcome is unknown is confirmed by its key; nothing after it
   * is sent, so the user never has two uncertain approvals at once.
   */
  async function approve(): Promise<void> {
    readRest();
    const cid = companyId.value;
    if (!cid || !canApprove.value) return;
    const request = buildApproval(unchecked.value, shownIds.value, mode.value);
    const chunks = splitApproval(request);
    const total = request.reviewedIds.length;
    stopWatching?.();
    batch(() => {
      approving.value = true;
      outcome.value = null;
      progress.value = chunks.length > 1 ? { done: 0, total } : null;
    });
    let counts = NO_COUNTS;
    let reviewed = 0;
    let result: ApproveOutcome | null = null;
    const pending = new Map<string, ApprovalRequest>();
    for (const chunk of chunks) {
      const actionKey = newActionKey();
      const reply = await send('wizard.approve', { companyId: cid, ...chunk, actionKey });
      if (reply.ok) {
        counts = addCounts(counts, reply.data);
        reviewed += chunk.reviewedIds.length;
        dropRows(cid, chunk.reviewedIds);
        if (chunks.length > 1) progress.value = { done: reviewed, total };
        continue;
      }
      const { code, message } = reply.error;
      if (code === 'queued') {
        // Safe in the outbox: its rows are done for this cycle, its outcome follows.
        dropRows(cid, chunk.reviewedIds);
        pending.set(actionKey, chunk);
        result = { kind: 'confirming', message };
      } else if (code === 'unreachable' || code === 'bad-reply') {
        // The background stopped or its answer was lost: ask it, by the key, what became of it.
        pending.set(actionKey, chunk);
        result = { kind: 'confirming', message: t('popupApproveChecking') };
      } else {
        result = reviewed > 0 ? { kind: 'partial', reviewed, total, message, ...counts } : { kind: 'error', message };
        if ((code === 'signed-out' || code === 'unconfigured') && changesWholeView(reply.error, snapshot.value)) connectionError.value = reply.error;
      }
      break;
    }
    batch(() => {
      approving.value = false;
      progress.value = null;
      outcome.value = result ?? { kind: 'success', ...counts };
    });
    if (pending.size > 0) confirm(cid, pending, { counts, reviewed, total });
    else if (!result && companyId.value === cid) await refresh();
    void loadWaitingActions();
  }

  let stopOutboxWatch: (() => void) | null = null;

  const loadWaitingActions = waiting.load;

  /** Explains a pasted QuickBooks error (code, JSON, XML or a log line) with the catalog in the background. */
  const explain = (text: string, system?: 'qbo' | 'qbd') => send('error.explain', { text, ...(system ? { system } : {}) });

  return {
    // state
    snapshot,
    connectionError,
    companyId,
    wizard,
    wizardLoading,
    wizardError,
    unchecked,
    mode,
    approving,
    progress,
    outcome,
    refreshing,
    waitingActions: waiting.actions,
    nextRetryAt: autoRetry.nextRetryAt,
    // derived
    companies,
    company,
    companySummary,
    sections,
    sectionSizes,
    unseen,
    shownIds,
    counts,
    exportState,
    importState,
    view,
    canApprove,
    signedOut,
    // actions
    start,
    explain,
    refresh,
    selectCompany,
    setChecked,
    toggleDirection,
    setMode: (m: UncheckedMode) => (mode.value = m),
    approve,
    retryAction: waiting.retry,
    discardAction: waiting.discard,
    openOptions: deps.openOptions,
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;
