/**
 * Feature: on a QuickBooks Online record page, a chip that says whether the sync service has the
 * record in sync, and for a failed one the error explained with Resync and Clear ID at hand.
 *
 * The content script never touches browser.storage: the chip's own preference (collapsed) goes
 * through the background with `overlay.prefs` / `overlay.setPrefs`. Resync and Clear ID act only
 * on a trusted click on a chip the browser reports fully visible (../visibility.ts).
 */
import { StatusChip, type ActionState, type ChipProps, type ChipView } from '@/components/overlay/StatusChip';
import type { RecordStatus } from '@/lib/messaging/overlay-commands';
import type { OverlayFeature } from '../feature-registry';
import { mountShadowUi } from '../mount-ui';
import { isInvalidated, type OverlayServices } from '../overlay-services';
import { forgetOverlayContext, knownCompany, resolveCompany, type CompanyHow } from '../company';
import { createVisibilityGuard, type VisibilityGuard } from '../visibility';
import { createStore, StoreView, type Store } from '../view-store';
import { createStatusMemory, type StatusMemory, type StatusRef } from '../status-memory';
import { t } from '../../i18n/t';

/** Stable hooks near a record's title, best first (see docs/architecture.md, overlay). */
export const TITLE_ANCHORS = [
  '[data-automation-id="RethinkLayout_header"]',
  '[class*="TrowserHeader-headerTitleText"]',
  '[class*="txp-capability-formTitle"]',
  '[data-automation-id="page-title"]',
  '[data-automation-id="customer-name"]',
  '[data-automation-id="vendor-name"]',
] as const;

/** How long the chip's preference waits for a slow lookup before it is asked anyway. */
const PREFS_AT_MOST_AFTER_MS = 500;

export interface ChipFeatureOptions {
  /** The clickjacking guard for each run (tests pass a fake). */
  visibility?: () => VisibilityGuard;
  /** Statuses remembered across runs on this tab (start-overlay.ts clears it when companies change). */
  statuses?: StatusMemory;
}

export function recordStatusChip(services: OverlayServices, options: ChipFeatureOptions = {}): OverlayFeature {
  const newGuard = options.visibility ?? (() => createVisibilityGuard());
  const statuses = options.statuses ?? createStatusMemory();
  /** The folded flag as last known on this tab: the next chip starts that way, then asks again. */
  let lastCollapsed = false;
  return {
    id: 'record-status-chip',
    appliesTo: (page) => page.kind === 'record',
    async run({ page, url, signal: runSignal }) {
      if (page.kind !== 'record') return;
      const state = createStore<ChipState>({ view: { kind: 'loading' }, action: { kind: 'idle' }, collapsed: lastCollapsed });
      const patch = (next: Partial<ChipState>) => state.set((current) => ({ ...current, ...next }));
      const setCollapsed = (collapsed: boolean) => {
        lastCollapsed = collapsed;
        patch({ collapsed });
      };
      let company: { id: string; name: string; how: CompanyHow } | null = null;
      const guard = newGuard();
      runSignal.addEventListener('abort', () => guard.stop());
      const controller = new AbortController();
      runSignal.addEventListener('abort', () => controller.abort());
      const remove = () => controller.abort();
      /** Resolves once the chip is on the page (or will not be): what a lookup shows waits for it. */
      let onMounted!: () => void;
      const mounted = new Promise<void>((resolve) => (onMounted = resolve));

      const recordVisible = () => TITLE_ANCHORS.some((selector) => document.querySelector(selector));

      /** The lookup in flight or last done: an action waits for it (./status-memory.ts is only a first paint). */
      let lookup: Promise<void> = Promise.resolve();
      const load = () => (lookup = lookUp());
      const lookUp = async () => {
        if (!company) {
          // Known a moment ago: no wait, so the lookup below leaves during the route change itself.
          const resolved = knownCompany(url) ?? (await resolveCompany(services, url, runSignal));
          if (runSignal.aborted || resolved.kind === 'aborted') return;
          if (resolved.kind === 'invalidated') return; // the overlay is stopping; a reload notice is up
          if (resolved.kind === 'error') return patch({ view: { kind: 'lookup-failed', message: resolved.message } });
          if (resolved.kind === 'picker') return patch({ view: { kind: 'pick-company', candidates: resolved.candidates } });
          if (resolved.kind === 'hidden') return remove();
          company = resolved.company;
        }
        const shown = company;
        const ref: StatusRef = { companyId: shown.id, entityType: page.entityType, qbId: page.qbId };
        const showStatus = (status: RecordStatus) =>
          patch({ view: { kind: 'ready', status, companyName: shown.name, how: shown.how, recordVisible: recordVisible() } });
        // Asked first, then shown: the question goes out while the page and the chip are still
        // being put up, and what the chip shows (whether the record is on the page) is read after.
        const asked = services.ask('record.status', ref);
        await mounted;
        if (runSignal.aborted) return;
        // Back on a record seen a moment ago: show what the background said then, and ask it again.
        const remembered = statuses.get(ref);
        if (remembered) showStatus(remembered);
        const reply = await asked;
        if (runSignal.aborted) return;
        if (isInvalidated(reply)) return;
        if (!reply.ok) {
          statuses.forget(ref);
          patch({ view: { kind: 'lookup-failed', message: reply.error.message } });
        } else {
          statuses.put(ref, reply.data);
          showStatus(reply.data);
        }
      };

      /** The clickjacking guard: a refusal message, or null when the user can be taken to have seen the chip. */
      const notSeen = (): string | null => {
        const seen = guard.state();
        if (seen === 'visible') return null;
        return seen === 'unsupported' ? t('chipVisibilityUnsupported') : t('chipNotVisible');
      };

      const act = async (kind: 'resync' | 'clear-id') => {
        const clicked = state.get().view;
        if (clicked.kind !== 'ready' || !clicked.status.link.unsyncedId) return;
        const refused = notSeen();
        if (refused) return patch({ action: { kind: 'done', ok: false, message: refused } });
        patch({ action: { kind: 'busy', action: kind } });
        // The chip may still show a remembered status: act only if the background's answer agrees.
        await lookup;
        const current = state.get().view;
        if (runSignal.aborted) return;
        if (current.kind !== 'ready' || current.status.link.unsyncedId !== clicked.status.link.unsyncedId) return patch({ action: { kind: 'idle' } });
        const payload = { companyId: current.status.companyId, unsyncedId: clicked.status.link.unsyncedId };
        const reply = kind === 'resync' ? await services.ask('unsynced.resync', payload) : await services.ask('unsynced.clearId', payload);
        // Done or refused, what was remembered of this record may no longer hold.
        statuses.forget({ companyId: current.status.companyId, entityType: page.entityType, qbId: page.qbId });
        if (runSignal.aborted) return;
        if (reply.ok) {
          patch({ action: { kind: 'done', ok: true, message: kind === 'resync' ? t('chipResyncQueued') : t('chipIdCleared') } });
          await load();
        } else {
          patch({ action: { kind: 'done', ok: false, message: reply.error.message } });
          // Refused: what the background knows of this record may have moved on (or its memory of
          // this tab's lookups is gone); ask again, so the chip shows the record as it is now.
          if (reply.error.code === 'rejected' && !isInvalidated(reply)) await load();
        }
      };

      // The lookup starts before the chip is mounted. The preference is asked once it is answered
      // (asked together, the two slow each other down in the background), or after a moment if
      // the lookup takes long; until then the chip is folded as the last one on this tab was.
      const first = load();
      let prefsAsked = false;
      const askPrefs = () => {
        if (prefsAsked || runSignal.aborted) return;
        prefsAsked = true;
        void services.ask('overlay.prefs', {}).then((reply) => {
          if (reply.ok && !runSignal.aborted) setCollapsed(reply.data.chipCollapsed);
        });
      };
      void first.then(askPrefs, askPrefs);
      const prefsTimer = setTimeout(askPrefs, PREFS_AT_MOST_AFTER_MS);
      runSignal.addEventListener('abort', () => clearTimeout(prefsTimer));
      try {
        await mountShadowUi({
          name: 'synclens-chip',
          anchors: TITLE_ANCHORS,
          signal: controller.signal,
          domWatch: services.domWatch,
          view: () => (
            <ChipHost
              state={state}
              rootRef={(element) => guard.watch(element)}
              onToggleCollapsed={() => {
                const collapsed = !state.get().collapsed;
                setCollapsed(collapsed);
                void services.ask('overlay.setPrefs', { chipCollapsed: collapsed });
              }}
              onResync={() => void act('resync')}
              onAskClearId={() => {
                const refused = notSeen();
                patch({ action: refused ? { kind: 'done', ok: false, message: refused } : { kind: 'confirm-clear' } });
              }}
              onCancelClearId={() => patch({ action: { kind: 'idle' } })}
              onConfirmClearId={() => void act('clear-id')}
              onPickCompany={(companyId) => {
                const current = state.get().view;
                const chosen = current.kind === 'pick-company' ? current.candidates.find((c) => c.id === companyId) : undefined;
                if (!chosen) return;
                patch({ view: { kind: 'loading' } });
                forgetOverlayContext(); // the stored choice is part of the context
                void services.ask('overlay.pickCompany', { companyId }).then((reply) => {
                  if (runSignal.aborted) return;
                  if (!reply.ok) return patch({ view: { kind: 'lookup-failed', message: reply.error.message } });
                  company = { id: chosen.id, name: chosen.name, how: 'stored' };
                  return load();
                });
              }}
              onRetry={() => {
                patch({ view: { kind: 'loading' } });
                void load();
              }}
            />
          ),
        });
      } finally {
        onMounted();
      }
      await first;
    },
  };
}

interface ChipState {
  view: ChipView;
  action: ActionState;
  collapsed: boolean;
}

/** Binds the chip to its state: re-renders whenever the feature updates it. */
function ChipHost({ state, ...handlers }: { state: Store<ChipState> } & Omit<ChipProps, 'view' | 'action' | 'collapsed'>) {
  return <StoreView store={state}>{({ view, action, collapsed }: ChipState) => <StatusChip view={view} action={action} collapsed={collapsed} {...handlers} />}</StoreView>;
}
