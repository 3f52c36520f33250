/**
 * The Sync log tab: Pending / Successful / Failed with counts, filters, and cursor paging (infinite
 * scroll through an IntersectionObserver on a sentinel, and a "Load more" button for keyboards).
 * Pending entries older than the connector's last run get the "not syncing" warning and its steps.
 */
import { useEffect, useRef } from 'preact/hooks';
import { DIRECTIONS, KNOWN_ENTITY_TYPES, type LogEntry, type LogStatus } from '@/lib/api/schema';
import { isStuckPending, QBO_PENDING_STEPS, WEB_CONNECTOR_STEPS } from '@/lib/center/pending';
import { failureCode } from '@/lib/errors/explanation-view';
import { directionLabel, entityLabel } from '@/lib/format/labels';
import { dayAndTime } from '@/lib/format/time';
import { formatCount } from '@/lib/format/amount';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { CenterStore } from './store';
import { TabPanel, Tabs } from './Tabs';
import { CompanyOptions, ServiceName } from '../popup/ServiceParts';
import { serviceNameOf } from '../popup/services';
import { FilterSelect } from './FilterSelect';
import { LoadProblemLine } from './LoadProblemLine';

const STATUS_LABELS: Record<LogStatus, MessageKey> = { pending: 'logStatusPending', success: 'logStatusSuccess', failed: 'logStatusFailed' };
const EMPTY_LABELS: Record<LogStatus, MessageKey> = { pending: 'logEmptyPending', success: 'logEmptySuccess', failed: 'logEmptyFailed' };
const EMPTY_FILTERED_LABELS: Record<LogStatus, MessageKey> = {
  pending: 'logEmptyPendingFiltered',
  success: 'logEmptySuccessFiltered',
  failed: 'logEmptyFailedFiltered',
};
const LIST_LABELS: Record<LogStatus, MessageKey> = { pending: 'logListPending', success: 'logListSuccess', failed: 'logListFailed' };
const STATUS_TESTIDS: Record<LogStatus, string> = { pending: 'log-tab-pending', success: 'log-tab-success', failed: 'log-tab-failed' };

function LogRow({ entry, system, stuck, now }: { entry: LogEntry; system: 'qbo' | 'qbd'; stuck: boolean; now: Date }) {
  return (
    <li class={`logrow${stuck ? ' logrow--stuck' : ''}`} data-testid="log-row" data-log-id={entry.id}>
      <div class="logrow__line">
        <span class="logrow__what">
          {entry.docNumber ? t('popupRecordNumber', entityLabel(entry.entityType), entry.docNumber) : entityLabel(entry.entityType)}{' '}
          <strong>{entry.name}</strong>
        </span>
        <span class="muted">{dayAndTime(entry.at, now)}</span>
      </div>
      <div class="logrow__line muted">
        <span>{directionLabel(entry.direction)}</span>
        {entry.attempt > 1 && <span>{t('logAttempt', formatCount(entry.attempt))}</span>}
        {entry.errorCode && (
          <span class="code-pill" data-testid="log-code">
            {failureCode({ errorCode: entry.errorCode, errorMessage: entry.errorMessage }, system).code}
          </span>
        )}
      </div>
      {entry.errorMessage && <p class="logrow__message">{entry.errorMessage}</p>}
      {stuck && <p class="logrow__warn" data-testid="log-stuck">{t('logStuck')}</p>}
    </li>
  );
}

function StuckHelp({ system }: { system: 'qbo' | 'qbd' }) {
  const steps = system === 'qbd' ? WEB_CONNECTOR_STEPS : QBO_PENDING_STEPS;
  return (
    <div class="banner banner--warn stuck-help" role="alert" data-testid="pending-stuck-help">
      <p class="banner__title">
        {system === 'qbd' ? t('logStuckTitleQbd') : t('logStuckTitleQbo')}
      </p>
      <ol>
        {steps.map((s) => (
          <li key={s}>{t(s)}</li>
        ))}
      </ol>
    </div>
  );
}

function Sentinel({ onVisible }: { onVisible: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onVisible();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [onVisible]);
  return <div ref={ref} class="sentinel" aria-hidden="true" />;
}

export function LogTab({ store, now }: { store: CenterStore; now: Date }) {
  const log = store.log;
  const f = log.filters.value;
  const counts = log.counts.value;
  const company = log.company.value;
  const connector = company ? (store.snapshot.value?.summary?.companies.find((c) => c.companyId === company.id)?.connector ?? company.connector) : null;
  const items = log.items.value;
  const stuckAny = log.status.value === 'pending' && items.some((e) => isStuckPending(e, connector));
  const companies = store.companies.value;
  // With several services the log says whose it is: two services may both have "Evergreen".
  const serviceName = company ? serviceNameOf(store.snapshot.value, company.id) : null;
  const tabs = (['pending', 'success', 'failed'] as const).map((s) => ({
    id: s,
    testId: STATUS_TESTIDS[s],
    label: (
      <>
        {t(STATUS_LABELS[s])}
        {counts && <span class="tabs__count"> {formatCount(counts[s])}</span>}
      </>
    ),
  }));
  return (
    <div class="log-tab">
      <div class="filters" role="search" aria-label={t('logFilterLabel')}>
        {companies.length > 1 && (
          <label class="field">
            <span class="field__label">{t('popupCompanyLabel')}</span>
            <select class="select" data-testid="log-filter-company" value={log.companyId.value ?? ''} onChange={(e) => log.setCompany(e.currentTarget.value)}>
              <CompanyOptions snapshot={store.snapshot.value} companies={companies} label={(c) => c.name} />
            </select>
          </label>
        )}
        <FilterSelect
          label={t('logFilterDirection')}
          testId="log-filter-direction"
          allLabel={t('logFilterBothDirections')}
          value={f.direction}
          choices={DIRECTIONS.map((d) => ({ value: d, label: directionLabel(d) }))}
          onChange={(v) => log.setFilter('direction', v as never)}
        />
        <FilterSelect
          label={t('centerFilterType')}
          testId="log-filter-type"
          allLabel={t('centerFilterAllTypes')}
          value={f.entityType}
          choices={KNOWN_ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) }))}
          onChange={(v) => log.setFilter('entityType', v)}
        />
        <label class="field">
          <span class="field__label">{t('logFilterFrom')}</span>
          <input class="input" type="date" data-testid="log-filter-from" value={f.from} onChange={(e) => log.setFilter('from', e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('logFilterTo')}</span>
          <input class="input" type="date" data-testid="log-filter-to" value={f.to} onChange={(e) => log.setFilter('to', e.currentTarget.value)} />
        </label>
        <label class="field field--grow">
          <span class="field__label">{t('centerFilterSearch')}</span>
          <input class="input" type="search" data-testid="log-filter-search" placeholder={t('logFilterSearchPlaceholder')} value={f.q} onInput={(e) => log.setFilter('q', e.currentTarget.value)} />
        </label>
      </div>
      {log.rangeError.value && (
        <p class="inline-error" role="alert">
          {log.rangeError.value}
        </p>
      )}
      {company && serviceName && (
        <p class="log-company" data-testid="log-company">
          <strong>{company.name}</strong>
          <ServiceName name={serviceName} />
        </p>
      )}
      <Tabs tabs={tabs} selected={log.status.value} onSelect={log.setStatus} label={t('logStatusLabel')} idPrefix="log" />
      <TabPanel idPrefix="log" id={log.status.value}>
        {stuckAny && company && <StuckHelp system={company.system} />}
        <LoadProblemLine
          store={store}
          error={log.error.value}
          target="log"
          hasData={items.length > 0}
          testId="log-error"
          waitingTestId="log-waiting"
          onRetry={() => void log.reload()}
        />
        {!log.loaded.value && log.loading.value ? (
          <div class="loading" aria-busy="true" aria-label={t('logLoading')}>
            <div class="skeleton" />
            <div class="skeleton" />
          </div>
        ) : items.length === 0 && log.error.value ? null : items.length === 0 ? (
          <p class="empty" data-testid="log-empty">
            {t((f.q || f.from || f.to || f.direction || f.entityType ? EMPTY_FILTERED_LABELS : EMPTY_LABELS)[log.status.value])}
          </p>
        ) : (
          <ul class="loglist" aria-label={t(LIST_LABELS[log.status.value])} aria-busy={log.loading.value}>
            {items.map((e) => (
              <LogRow key={e.id} entry={e} system={store.companyById.value.get(e.companyId)?.system ?? 'qbo'} stuck={isStuckPending(e, connector)} now={now} />
            ))}
          </ul>
        )}
        {log.nextCursor.value && (
          <div class="loadmore">
            <Sentinel onVisible={log.loadMore} />
            <button type="button" class="button" data-testid="log-load-more" disabled={log.loading.value} onClick={() => void log.loadMore()}>
              {log.loading.value ? t('commonLoading') : t('logLoadMore')}
            </button>
          </div>
        )}
      </TabPanel>
    </div>
  );
}
