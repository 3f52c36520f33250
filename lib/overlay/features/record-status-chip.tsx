/**
 * Feature: on a QuickBooks Online record page, a chip that says whether the sync service has the
 * record in sync, and for a failed one the error explained with Resync and Clear ID at hand.
 */
import { StatusChip, type ActionState, type ChipProps, type ChipView } from '@/components/overlay/StatusChip';
import { browser } from 'wxt/browser';
import type { OverlayFeature } from '../feature-registry';
import { mountShadowUi } from '../mount-ui';
import { isInvalidated, type OverlayServices } from '../overlay-services';
import { forgetOverlayContext, resolveCompany } from '../company';
import { createStore, useStore, type Store } from '../view-store';
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

const COLLAPSED_KEY = 'overlay:chipCollapsed';

export function recordStatusChip(services: OverlayServices): OverlayFeature {
  return {
    id: 'record-status-chip',
    appliesTo: (page) => page.kind === 'record',
    async run({ page, url, signal: runSignal }) {
      if (page.kind !== 'record') return;
      const state = createStore<ChipState>({ view: { kind: 'loading' }, action: { kind: 'idle' }, collapsed: false });
      const patch = (next: Partial<ChipState>) => state.set((current) => ({ ...current, ...next }));
      let company: { id: string; name: string; how: 'url' | 'cookie' | 'stored' | 'only-one' } | null = null;

      void browser.storage.local.get(COLLAPSED_KEY).then((stored) => patch({ collapsed: stored[COLLAPSED_KEY] === true }));

      const recordVisible = () => TITLE_ANCHORS.some((selector) => document.querySelector(selector));

      const load = async () => {
        if (!company) {
          const resolved = await resolveCompany(services, url);
          if (runSignal.aborted) return;
          if (resolved.kind === 'invalidated') return; // the overlay is stopping; a reload notice is up
          if (resolved.kind === 'error') return patch({ view: { kind: 'lookup-failed', message: resolved.message } });
          if (resolved.kind === 'picker') return patch({ view: { kind: 'pick-company', candidates: resolved.candidates } });
          if (resolved.kind === 'hidden') return remove();
          company = resolved.company;
        }
        const reply = await services.ask('record.status', { companyId: company.id, entityType: page.entityType, qbId: page.qbId });
        if (runSignal.aborted) return;
        if (isInvalidated(reply)) return;
        if (!reply.ok) patch({ view: { kind: 'lookup-failed', message: reply.error.message } });
        else patch({ view: { kind: 'ready', status: reply.data, companyName: company.name, how: company.how, recordVisible: recordVisible() } });
      };

      const act = async (kind: 'resync' | 'clear-id') => {
        const current = state.get().view;
        if (current.kind !== 'ready' || !current.status.link.unsyncedId) return;
        patch({ action: { kind: 'busy', action: kind } });
        const payload = { companyId: current.status.companyId, unsyncedId: current.status.link.unsyncedId };
        const reply = kind === 'resync' ? await services.ask('unsynced.resync', payload) : await services.ask('unsynced.clearId', payload);
        if (runSignal.aborted) return;
        if (reply.ok) {
          patch({
            action: {
              kind: 'done',
              ok: true,
              message:
                kind === 'resync'
                  ? t('chipResyncQueued')
                  : t('chipIdCleared'),
            },
          });
          await load();
        } else {
          patch({ action: { kind: 'done', ok: false, message: reply.error.message } });
        }
      };

      let removed = false;
      const controller = new AbortController();
      runSignal.addEventListener('abort', () => controller.abort());
      const remove = () => {
        removed = true;
        controller.abort();
      };

      await mountShadowUi({
        name: 'synclens-chip',
        anchors: TITLE_ANCHORS,
        signal: controller.signal,
        domWatch: services.domWatch,
        view: () => (
          <ChipHost
            state={state}
            onToggleCollapsed={() => {
              const collapsed = !state.get().collapsed;
              patch({ collapsed });
              void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed });
            }}
            onResync={() => void act('resync')}
            onAskClearId={() => patch({ action: { kind: 'confirm-clear' } })}
            onCancelClearId={() => patch({ action: { kind: 'idle' } })}
            onConfirmClearId={() => void act('clear-id')}
            onPickCompany={(companyId) => {
              const current = state.get().view;
              const chosen = current.kind === 'pick-company' ? current.candidates.find((c) => c.id === companyId) : undefined;
              if (!chosen) return;
              company = { id: chosen.id, name: chosen.name, how: 'stored' };
              patch({ view: { kind: 'loading' } });
              forgetOverlayContext(); // the stored choice is part of the context
              void services.ask('overlay.pickCompany', { companyId }).then(load);
            }}
            onRetry={() => {
              patch({ view: { kind: 'loading' } });
              void load();
            }}
          />
        ),
      });
      if (!removed) await load();
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
  const { view, action, collapsed } = useStore(state);
  return <StatusChip view={view} action={action} collapsed={collapsed} {...handlers} />;
}
