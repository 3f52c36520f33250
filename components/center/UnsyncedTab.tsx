/** The Unsynced Entities tab: filters, category counts, bulk Resync and the table. */
import { bulkProgressText, bulkSummaryText } from '@/lib/center/bulk';
import { CATEGORY_LABELS } from '@/lib/center/unsynced-rows';
import { ERROR_CATEGORIES, type ErrorCategory } from '@/lib/errors/types';
import { entityLabel } from '@/lib/format/labels';
import { formatCount } from '@/lib/format/amount';
import { shortTime } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';
import { ALL_COMPANIES, type CenterStore } from './store';
import { UnsyncedTable } from './UnsyncedTable';
import { FilterSelect } from './FilterSelect';
import { CompanyOptions } from '../popup/ServiceParts';
import { LoadProblemLine } from './LoadProblemLine';

function Filters({ store }: { store: CenterStore }) {
  const f = store.filters.value;
  const companies = store.companies.value;
  return (
    <div class="filters" role="search" aria-label={t('centerFilterUnsyncedLabel')}>
      {companies.length > 1 && (
        <label class="field">
          <span class="field__label">{t('popupCompanyLabel')}</span>
          <select class="select" data-testid="filter-company" value={store.scope.value} onChange={(e) => store.setScope(e.currentTarget.value)}>
            <option value={ALL_COMPANIES}>{t('centerAllCompanies')}</option>
            <CompanyOptions snapshot={store.snapshot.value} companies={companies} label={(c) => c.name} />
          </select>
        </label>
      )}
      <FilterSelect
        label={t('centerFilterType')}
        testId="filter-type"
        allLabel={t('centerFilterAllTypes')}
        value={f.entityType}
        choices={store.entityTypes.value.map((type) => ({ value: type, label: entityLabel(type) }))}
        onChange={(v) => store.setFilter('entityType', v)}
      />
      <FilterSelect
        label={t('centerFilterProblem')}
        testId="filter-category"
        allLabel={t('centerFilterAllProblems')}
        value={f.category}
        choices={ERROR_CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABELS[c].filter) }))}
        onChange={(v) => store.setFilter('category', v as ErrorCategory | null)}
      />
      <FilterSelect
        label={t('centerFilterCode')}
        testId="filter-code"
        allLabel={t('centerFilterAllCodes')}
        value={f.code}
        choices={store.codes.value.map((c) => ({ value: c, label: c }))}
        onChange={(v) => store.setFilter('code', v)}
      />
      <label class="field field--grow">
        <span class="field__label">{t('centerFilterSearch')}</span>
        <input
          class="input"
          type="search"
          data-testid="filter-search"
          placeholder={t('centerFilterSearchPlaceholder')}
          value={f.search}
          onInput={(e) => store.setFilter('search', e.currentTarget.value)}
        />
      </label>
    </div>
  );
}

function CategoryChips({ store }: { store: CenterStore }) {
  const counts = store.categories.value;
  if (counts.length === 0) return null;
  const active = store.filters.value.category;
  return (
    <ul class="chips" aria-label={t('centerCategoriesLabel')} data-testid="category-counts">
      {counts.map((c, i) => (
        <li key={c.category}>
          {i > 0 && <span class="chips__sep" aria-hidden="true">·</span>}
          <button
            type="button"
            class={`chip${active === c.category ? ' chip--active' : ''}`}
            aria-pressed={active === c.category}
            onClick={() => store.setFilter('category', active === c.category ? null : c.category)}
          >
            {c.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

function SinceChip({ store, now }: { store: CenterStore; now: Date }) {
  const since = store.filters.value.sinceMs;
  if (since === null) return null;
  return (
    <p class="since" data-testid="since-chip">
      <span>{t('centerSince', shortTime(new Date(since).toISOString(), now))}</span>
      <button type="button" class="chip-remove" aria-label={t('centerSinceRemove')} onClick={store.clearSince}>
        ×
      </button>
    </p>
  );
}

function BulkBar({ store }: { store: CenterStore }) {
  const count = store.selectedVisible.value.length;
  const state = store.bulk.value;
  const running = state.kind === 'running';
  return (
    <div class="bulkbar">
      <p class="bulkbar__count" aria-live="polite">
        {count === 0 ? t('centerBulkHint') : count === 1 ? t('centerSelectedCountOne') : t('centerSelectedCount', formatCount(count))}
      </p>
      <button type="button" class="button button--primary" data-testid="bulk-resync" disabled={count === 0 || running} onClick={() => void store.bulkResync()}>
        {t('centerBulkResync')}
      </button>
      {running && (
        <div class="bulkbar__progress" data-testid="bulk-progress" role="status">
          <span>{bulkProgressText(state.done, state.total)}</span>
          <progress max={state.total} value={state.done} aria-label={t('centerBulkProgressLabel')} />
        </div>
      )}
      {state.kind === 'done' && (
        <p class={`bulkbar__result${state.failures.length ? ' bulkbar__result--warn' : ''}`} data-testid="bulk-result" role="status">
          {bulkSummaryText(state.queued, state.failures)}
        </p>
      )}
    </div>
  );
}

export function UnsyncedTab({ store, now }: { store: CenterStore; now: Date }) {
  const entries = store.display.value;
  const total = store.sortedRows.value.length;
  const error = store.unsyncedError.value;
  const noCompanies = store.companies.value.length === 0 && !store.refreshing.value;
  const loading = !store.hasAnyList.value && !error && !noCompanies;
  return (
    <div class="unsynced-tab" data-testid="unsynced-tab" aria-busy={store.unsyncedLoading.value}>
      <Filters store={store} />
      <SinceChip store={store} now={now} />
      <CategoryChips store={store} />
      <LoadProblemLine store={store} error={error} target="unsynced" hasData={store.hasAnyList.value} testId="unsynced-error" waitingTestId="unsynced-waiting" />
      {store.damagedInScope.value > 0 && (
        <p class="notice-line" data-testid="unsynced-damaged">
          {store.damagedInScope.value === 1 ? t('listDamagedOne') : t('listDamagedMany', formatCount(store.damagedInScope.value))}
        </p>
      )}
      {noCompanies ? (
        <p class="empty">{t('statusNoCompanies')}</p>
      ) : loading ? (
        <div class="loading" aria-busy="true" aria-label={t('centerUnsyncedLoading')} data-testid="unsynced-loading">
          <div class="skeleton" />
          <div class="skeleton" />
          <div class="skeleton" />
        </div>
      ) : !store.hasAnyList.value ? null /* nothing loaded: the line above says why */ : total === 0 ? (
        <p class="empty" data-testid="unsynced-empty">
          {t('centerUnsyncedEmpty')}
        </p>
      ) : (
        <>
          <BulkBar store={store} />
          <p class="muted count-line" aria-live="polite" data-testid="shown-count">
            {t('centerShownCount', formatCount(store.filteredRows.value.length), formatCount(total))}
          </p>
          {entries.length === 0 ? (
            <p class="empty" data-testid="unsynced-no-match">
              {t('centerUnsyncedNoMatch')}
            </p>
          ) : (
            <UnsyncedTable store={store} entries={entries} now={now} />
          )}
        </>
      )}
    </div>
  );
}
