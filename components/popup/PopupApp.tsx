/** The popup: header, connection state, connector line, both wizard sections and the approve bar. */
import { useEffect } from 'preact/hooks';
import { openSyncCenterFromPopup, rememberCurrentWindow } from '@/lib/center/open-center';
import { formatCount } from '@/lib/format/amount';
import { clockTime, shortTime } from '@/lib/format/time';
import { localizeDocument } from '@/lib/i18n/document';
import { t } from '@/lib/i18n/t';
import type { PopupStore } from './store';
import { WaitingActions } from '../common/WaitingActions';
import { ApproveBar, ApproveResult } from './ApproveBar';
import { CompanyName, CompanySwitcher } from './CompanySwitcher';
import { ConnectorStatus } from './ConnectorStatus';
import { ExplainPanel } from './ExplainPanel';
import { ServiceWarnings } from './ServiceParts';
import { ErrorBanner, LoadingSkeleton, OfflineBanner, SignedOutBanner, UnconfiguredPanel } from './StatusPanels';
import { WizardSection } from './WizardSection';

/** Notes about the list itself: a pause the service asked for, old data, items that needed repair. */
function ListNotes({ store, now }: { store: PopupStore; now: Date }) {
  const snapshot = store.snapshot.value;
  const wizard = store.wizard.value;
  const notes: { id: string; text: string }[] = [];
  const paused = snapshot?.status.pausedUntil ? new Date(snapshot.status.pausedUntil) : null;
  if (paused && !Number.isNaN(paused.getTime())) notes.push({ id: 'paused', text: t('statusPausedUntil', clockTime(paused)) });
  // Signed out, the rows stay for reference: say how old they are (offline says it in its banner).
  if (store.signedOut.value && wizard) notes.push({ id: 'age', text: t('popupListFrom', shortTime(wizard.fetchedAt, now)) });
  const damaged = wizard?.damaged ? wizard.damaged.repaired + wizard.damaged.dropped : 0;
  if (damaged > 0) notes.push({ id: 'damaged', text: damaged === 1 ? t('listDamagedOne') : t('listDamagedMany', formatCount(damaged)) });
  if (notes.length === 0) return null;
  return (
    <ul class="list-notes">
      {notes.map((note) => (
        <li key={note.id} class="list-note" data-testid={`list-note-${note.id}`}>
          {note.text}
        </li>
      ))}
    </ul>
  );
}

function UnsyncedCount({ count }: { count: number }) {
  const text = count === 0 ? t('popupUnsyncedNone') : count === 1 ? t('popupUnsyncedOne') : t('popupUnsyncedMany', formatCount(count));
  return (
    <p class={`unsynced${count > 0 ? ' unsynced--attention' : ''}`} data-testid="unsynced-count">
      {text}
    </p>
  );
}

export function PopupApp({ store }: { store: PopupStore }) {
  // The side panel must open inside the click, so the window is looked up beforehand.
  useEffect(rememberCurrentWindow, []);
  useEffect(() => localizeDocument(document, 'pageTitlePopup'), []);
  const view = store.view.value;
  const now = new Date();
  const snapshot = store.snapshot.value;
  const company = store.company.value;
  const summary = store.companySummary.value;
  const companies = store.companies.value;
  const unsynced = summary?.unsynced ?? (companies.length === 1 ? snapshot?.summary?.unsynced : undefined);
  const busy = store.refreshing.value || store.wizardLoading.value;
  // Cached rows may arrive before the state: show them at once, the header follows.
  const earlyRows = !snapshot && store.companyId.value !== null && store.wizard.value !== null;
  const showWizard = company !== null || earlyRows;

  return (
    <div class="popup" data-testid="popup-root" data-view={view}>
      <header class="popup__header">
        <h1 class="popup__brand">SyncLens</h1>
        <div class="popup__actions">
          {view !== 'unconfigured' && view !== 'loading' && (
            <button
              type="button"
              class="icon-button"
              data-testid="refresh"
              aria-label={t('popupRefreshNow')}
              title={t('popupRefreshNow')}
              disabled={busy}
              onClick={() => void store.refresh()}
            >
              <span class={busy ? 'icon-spin' : ''} aria-hidden="true">
                ↻
              </span>
            </button>
          )}
          <button
            type="button"
            class="button button--small"
            data-testid="open-center"
            onClick={() =>
              void openSyncCenterFromPopup().then((where) => {
                if (where === 'side-panel') window.close();
              })
            }
          >
            {t('popupOpenCenter')}
          </button>
          <button type="button" class="icon-button" data-testid="open-settings" aria-label={t('commonSettings')} title={t('commonSettings')} onClick={store.openOptions}>
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
      </header>

      {view === 'ready' && <ServiceWarnings snapshot={snapshot} now={now} onOpenOptions={store.openOptions} />}
      {view === 'loading' && !earlyRows && <LoadingSkeleton />}
      {view === 'unconfigured' && <UnconfiguredPanel onOpenSettings={store.openOptions} />}
      {view === 'signed-out' && <SignedOutBanner message={null} onOpenSettings={store.openOptions} />}
      {view === 'offline' && (
        <OfflineBanner
          since={snapshot?.status.lastSuccessAt ?? store.wizard.value?.fetchedAt ?? null}
          now={now}
          retrying={store.refreshing.value}
          nextRetryAt={store.nextRetryAt.value}
          onRetry={() => void store.refresh()}
        />
      )}
      {view === 'error' && (
        <ErrorBanner
          message={store.connectionError.value?.message ?? snapshot?.status.message ?? t('statusServiceProblem')}
          onRetry={() => void store.refresh()}
        />
      )}

      {view !== 'unconfigured' && (snapshot || earlyRows) && (
        <main class="popup__main">
          {companies.length > 1 ? (
            <CompanySwitcher snapshot={snapshot} companies={companies} value={store.companyId.value} onChange={(id) => void store.selectCompany(id)} />
          ) : (
            company && <CompanyName company={company} snapshot={snapshot} />
          )}
          {snapshot && companies.length === 0 && (
            <p class="popup__empty" data-testid="no-companies">
              {t('statusNoCompanies')}
            </p>
          )}
          {company && <ConnectorStatus company={company} summary={summary} now={now} />}
          {unsynced !== undefined && <UnsyncedCount count={unsynced} />}
          {showWizard && (
            <>
              <ApproveResult outcome={store.outcome.value} onDismiss={() => (store.outcome.value = null)} />
              <WaitingActions actions={store.waitingActions.value} onRetry={(key) => void store.retryAction(key)} onDiscard={(key) => void store.discardAction(key)} />
              <ListNotes store={store} now={now} />
              {/* A pause is said by its own note above; the list stays as it was. */}
              {store.wizardError.value && view === 'ready' && store.wizardError.value.code !== 'paused' && (
                <p class="inline-error" role="status">
                  {t('popupWizardLoadFailed', store.wizardError.value.message)}
                </p>
              )}
              <WizardSection
                direction="export"
                items={store.sections.value.export}
                total={store.sectionSizes.value.export}
                state={store.exportState.value}
                unchecked={store.unchecked.value}
                loading={!store.wizard.value && !store.wizardError.value}
                now={now}
                onToggleAll={() => store.toggleDirection('export')}
                onChange={store.setChecked}
              />
              <WizardSection
                direction="import"
                items={store.sections.value.import}
                total={store.sectionSizes.value.import}
                state={store.importState.value}
                unchecked={store.unchecked.value}
                loading={!store.wizard.value && !store.wizardError.value}
                now={now}
                onToggleAll={() => store.toggleDirection('import')}
                onChange={store.setChecked}
              />
              <ApproveBar
                counts={store.counts.value}
                mode={store.mode.value}
                approving={store.approving.value}
                canApprove={store.canApprove.value}
                progress={store.progress.value}
                signedOut={store.signedOut.value}
                onMode={store.setMode}
                onApprove={() => void store.approve()}
              />
            </>
          )}
        </main>
      )}
      <ExplainPanel explain={store.explain} />
    </div>
  );
}
