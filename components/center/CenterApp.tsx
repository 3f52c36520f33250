/** The Sync Center: header (scope, last refresh, Refresh), whole-page states, and the four tabs. */
import type { CenterTab } from '@/lib/center/center-link';
import { formatCount } from '@/lib/format/amount';
import { shortTime } from '@/lib/format/time';
import { useEffect } from 'preact/hooks';
import { localizeDocument } from '@/lib/i18n/document';
import { t, type MessageKey } from '@/lib/i18n/t';
import { ErrorBanner, OfflineBanner, SignedOutBanner, UnconfiguredPanel } from '../popup/StatusPanels';
import { ServiceName, ServiceWarnings } from '../popup/ServiceParts';
import { PauseNote } from '../common/PauseNote';
import { WaitingActions } from '../common/WaitingActions';
import { serviceNameOf } from '../popup/services';
import { ConnectorTab } from './ConnectorTab';
import { HistoryTab } from './HistoryTab';
import { LogTab } from './LogTab';
import { ALL_COMPANIES, type CenterStore } from './store';
import { TabPanel, Tabs } from './Tabs';
import { UnsyncedTab } from './UnsyncedTab';
import './center.css';

const TABS: { id: CenterTab; label: MessageKey; testId: string }[] = [
  { id: 'unsynced', label: 'centerTabUnsynced', testId: 'tab-unsynced' },
  { id: 'log', label: 'centerTabLog', testId: 'tab-log' },
  { id: 'connector', label: 'centerTabConnector', testId: 'tab-connector' },
  { id: 'history', label: 'centerTabHistory', testId: 'tab-history' },
];

export function CenterApp({ store, now = new Date() }: { store: CenterStore; now?: Date }) {
  useEffect(() => localizeDocument(document, 'pageTitleCenter'), []);
  const view = store.view.value;
  const snapshot = store.snapshot.value;
  const scope = store.scope.value;
  const scopeName = scope === ALL_COMPANIES ? t('centerAllCompanies') : (store.companyById.value.get(scope)?.name ?? scope);
  const unsyncedTotal = store.sortedRows.value.length;
  const tabs = TABS.map((tab) => ({
    ...tab,
    label: tab.id === 'unsynced' && store.hasAnyList.value ? t('centerTabUnsyncedCount', formatCount(unsyncedTotal)) : t(tab.label),
  }));
  return (
    <div class="center" data-testid="center-root" data-view={view}>
      <header class="center__header">
        <div class="center__title">
          <h1>{t('centerTitle')}</h1>
          {snapshot && (
            <p class="muted" data-testid="center-scope">
              {scopeName}
              {scope !== ALL_COMPANIES && <ServiceName name={serviceNameOf(snapshot, scope)} separated="before" />}
              {store.refreshedAt.value && <> · {t('centerRefreshedAt', shortTime(store.refreshedAt.value, now))}</>}
            </p>
          )}
        </div>
        <div class="center__actions">
          {view !== 'unconfigured' && (
            <button type="button" class="button button--small" data-testid="refresh" disabled={store.refreshing.value} aria-busy={store.refreshing.value} onClick={() => void store.refresh()}>
              <span class={store.refreshing.value ? 'icon-spin' : ''} aria-hidden="true">
                ↻
              </span>{' '}
              {t('centerRefresh')}
            </button>
          )}
          <button type="button" class="button button--small" data-testid="open-settings" onClick={store.openOptions}>
            {t('commonSettings')}
          </button>
        </div>
      </header>
      {/* The Connector tab says it under each service's heading instead. */}
      {view === 'ready' && store.tab.value !== 'connector' && <ServiceWarnings snapshot={snapshot} now={now} onOpenOptions={store.openOptions} />}
      {view === 'loading' && (
        <div class="loading" data-testid="center-loading" aria-busy="true" aria-label={t('commonLoading')}>
          <div class="skeleton skeleton--short" />
          <div class="skeleton" />
          <div class="skeleton" />
        </div>
      )}
      {view === 'unconfigured' && <UnconfiguredPanel onOpenSettings={store.openOptions} />}
      {view === 'signed-out' && <SignedOutBanner message={null} onOpenSettings={store.openOptions} />}
      {view === 'offline' && (
        <OfflineBanner since={snapshot?.status.lastSuccessAt ?? null} now={now} retrying={store.refreshing.value} nextRetryAt={store.nextRetryAt.value} onRetry={() => void store.refresh()} />
      )}
      <PauseNote pausedUntil={snapshot?.status.pausedUntil} />
      <WaitingActions actions={store.waitingActions.value} onRetry={(key) => void store.retryAction(key)} onDiscard={(key) => void store.discardAction(key)} />
      {view === 'error' && (
        <ErrorBanner message={store.connectionError.value?.message ?? snapshot?.status.message ?? t('statusServiceProblem')} onRetry={() => void store.refresh()} />
      )}
      {snapshot && view !== 'unconfigured' && (
        <main class="center__main">
          <Tabs tabs={tabs} selected={store.tab.value} onSelect={store.setTab} label={t('centerSectionsLabel')} idPrefix="center" />
          <TabPanel idPrefix="center" id={store.tab.value}>
            {store.tab.value === 'unsynced' && <UnsyncedTab store={store} now={now} />}
            {store.tab.value === 'log' && <LogTab store={store} now={now} />}
            {store.tab.value === 'connector' && <ConnectorTab store={store} now={now} />}
            {store.tab.value === 'history' && <HistoryTab store={store} />}
          </TabPanel>
        </main>
      )}
    </div>
  );
}
