/**
 * The History tab: waiting-for-approval, failed syncs and unsynced per day over 30 days as an SVG
 * line chart, with a title/description, the trend in words and a data table for screen readers
 * and anyone who prefers numbers.
 */
import { chartGeometry, SERIES, SERIES_LABELS, sumByDay, trendOf } from '@/lib/center/history';
import { ALL_COMPANIES, type CenterStore } from './store';

const W = 600;
const H = 160;

export function HistoryTab({ store }: { store: CenterStore }) {
  const h = store.history;
  const scope = store.scope.value;
  const scopeName = scope === ALL_COMPANIES ? 'all followed companies' : (store.companyById.value.get(scope)?.name ?? scope);
  const totals = sumByDay(h.days.value, store.scopeIds.value);
  if (h.error.value)
    return (
      <p class="inline-error" role="alert">
        Couldn't load the history: {h.error.value.message}{' '}
        <button type="button" class="button button--small" onClick={() => void h.load()}>
          Try again
        </button>
      </p>
    );
  if (!h.loaded.value)
    return (
      <div class="loading" aria-busy="true" aria-label="Loading the history">
        <div class="skeleton" />
      </div>
    );
  if (totals.length === 0) return <p class="empty">No history yet: SyncLens records a point each day it is used.</p>;
  const geometry = chartGeometry(totals, W, H);
  const trends = SERIES.map((s) => trendOf(totals, s)).filter((t) => t !== null);
  const unsyncedTrend = trends.find((t) => t.series === 'unsynced');
  const desc = trends.map((t) => t.sentence).join('. ');
  return (
    <div class="history" data-testid="history-chart">
      <p class="history__sentence" data-testid="history-trend">
        {unsyncedTrend ? unsyncedTrend.sentence : 'Not enough days yet to show a trend.'}
      </p>
      <svg class="history__svg" viewBox={`-4 -4 ${W + 8} ${H + 8}`} role="img" aria-labelledby="history-title history-desc" preserveAspectRatio="none">
        <title id="history-title">{`Sync history for ${scopeName}, last ${totals.length} days (highest ${geometry.max})`}</title>
        <desc id="history-desc">{desc}</desc>
        {SERIES.map((s) => (
          <polyline key={s} class={`line line--${s}`} points={geometry.points[s]} fill="none" vector-effect="non-scaling-stroke" />
        ))}
      </svg>
      <ul class="legend" aria-label="Chart lines">
        {SERIES.map((s) => (
          <li key={s}>
            <span class={`legend__swatch line--${s}`} aria-hidden="true" /> {SERIES_LABELS[s]}
          </li>
        ))}
      </ul>
      {trends.length > 1 && (
        <ul class="history__trends">
          {trends
            .filter((t) => t.series !== 'unsynced')
            .map((t) => (
              <li key={t.series}>{t.sentence}</li>
            ))}
        </ul>
      )}
      <button type="button" class="button button--small" aria-expanded={h.showTable.value} data-testid="history-table-toggle" onClick={h.toggleTable}>
        {h.showTable.value ? 'Hide the numbers' : 'Show the numbers as a table'}
      </button>
      {h.showTable.value && (
        <table class="history__table" data-testid="history-table">
          <caption>Daily counts, {scopeName}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {SERIES.map((s) => (
                <th scope="col" key={s}>
                  {SERIES_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={t.day}>
                <th scope="row">{t.day}</th>
                {SERIES.map((s) => (
                  <td key={s}>{t[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
