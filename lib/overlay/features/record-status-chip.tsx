/**
 * Feature: on a QuickBooks Online record page, a chip that says whether the sync service has the
 * record in sync, and for a failed one the error explained with Resync and Clear ID at hand.
 */
import type { ComponentChild } from 'preact';
import { signal } from '@preact/signals';
import { StatusChip, type ActionState, type ChipView } from '@/components/overlay/StatusChip';
import { browser } from 'wxt/browser';
import type { OverlayFeature } from '../feature-registry';
import { mountShadowUi } from '../mount-ui';
import { isInvalidated, type OverlayServices } from '../overlay-services';
import { resolveCompany } from '../company';

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
      const view = signal<ChipView>({ kind: 'loading' });
      const action = signal<ActionState>({ kind: 'idle' });
      const collapsed = signal(false);
      let company: { id: string; name: string; how: 'url' | 'cookie' | 'stored' | 'only-one' } | null = null;

      void browser.storage.local.get(COLLAPSED_KEY).then((stored) => (collapsed.value = stored[COLLAPSED_KEY] === true));

      const recordVisible = () => TITLE_ANCHORS.some((selector) => document.querySelector(selector));

      const load = async () => {
        if (!company) {
          const resolved = await resolveCompany(services, url);
          if (runSignal.aborted) return;
          if (resolved.kind === 'invalidated') return void (view.value = { kind: 'invalidated' });
          if (resolved.kind === 'error') return void (view.value = { kind: 'lookup-failed', message: resolved.message });
          if (resolved.kind === 'picker') return void (view.value = { kind: 'pick-company', candidates: resolved.candidates });
          if (resolved.kind === 'hidden') return remove();
          company = resolved.company;
        }
        const reply = await services.ask('record.status', { companyId: company.id, entityType: page.entityType, qbId: page.qbId });
        if (runSignal.aborted) return;
        if (isInvalidated(reply)) view.value = { kind: 'invalidated' };
        else if (!reply.ok) view.value = { kind: 'lookup-failed', message: reply.error.message };
        else view.value = { kind: 'ready', status: reply.data, companyName: company.name, how: company.how, recordVisible: recordVisible() };
      };

      const act = async (kind: 'resync' | 'clear-id') => {
        const current = view.value;
        if (current.kind !== 'ready' || !current.status.link.unsyncedId) return;
        action.value = { kind: 'busy', action: kind };
        const payload = { companyId: current.status.companyId, unsyncedId: current.status.link.unsyncedId };
        const reply = kind === 'resync' ? await services.ask('unsynced.resync', payload) : await services.ask('unsynced.clearId', payload);
        if (runSignal.aborted) return;
        if (reply.ok) {
          action.value = {
            kind: 'done',
            ok: true,
            message:
              kind === 'resync'
                ? 'Resync queued: the next sync run tries this record again.'
                : 'QuickBooks ID cleared: the next sync creates a new QuickBooks record. Press Resync to queue it.',
          };
          await load();
        } else {
          action.value = { kind: 'done', ok: false, message: reply.error.message };
        }
      };

      let removed = false;
      const controller = new AbortController();
      runSignal.addEventListener('abort', () => controller.abort());
      const remove = () => {
        removed = true;
        controller.abort();
      };

      await mountShadowUi(services.ctx, {
        name: 'synclens-chip',
        anchors: TITLE_ANCHORS,
        signal: controller.signal,
        domWatch: services.domWatch,
        view: () => (
          <ChipHost
            render={() => (
              <StatusChip
                view={view.value}
                action={action.value}
                collapsed={collapsed.value}
                onToggleCollapsed={() => {
                  collapsed.value = !collapsed.value;
                  void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed.value });
                }}
                onResync={() => void act('resync')}
                onAskClearId={() => (action.value = { kind: 'confirm-clear' })}
                onCancelClearId={() => (action.value = { kind: 'idle' })}
                onConfirmClearId={() => void act('clear-id')}
                onPickCompany={(companyId) => {
                  if (view.value.kind !== 'pick-company' || !companyId) return;
                  const chosen = view.value.candidates.find((c) => c.id === companyId);
                  if (!chosen) return;
                  company = { id: chosen.id, name: chosen.name, how: 'stored' };
                  view.value = { kind: 'loading' };
                  void services.ask('overlay.pickCompany', { companyId }).then(load);
                }}
                onRetry={() => {
                  view.value = { kind: 'loading' };
                  void load();
                }}
                onReloadTab={() => location.reload()}
              />
            )}
          />
        ),
      });
      if (!removed) await load();
    },
  };
}

/** Reads the signals inside a component so Preact re-renders the chip when they change. */
function ChipHost({ render }: { render: () => ComponentChild }) {
  return <>{render()}</>;
}
