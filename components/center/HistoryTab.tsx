/**
 * The History tab: waiting-for-approval, failed syncs and unsynced per day over 30 days as an SVG
 * line chart, with a title/description, the trend in words and a data table for screen readers
 * and anyone who prefers numbers. While fewer than 30 days are recorded it says that history builds
 * up day by day; with a single day there is no line to draw, so that day's counts are given in words.
 */
import { buildingSentence, chartGeometry, SERIES, SERIES_LABELS, sumByDay, trendOf, type DayTotals } from '@/lib/center/history';
import { formatCount } from '@/lib/format/amount';
import { calendarDay } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';
import { ALL_COMPANIES, type CenterStore } from './store';

const W = 600;
const H = 160;

/** The only recorded day: no chart yet (one point draws no line), its counts in words. */
function FirstDay({ day, building }: { day: DayTotals; building: string | null }) {
  return (
    <div class="history" data-testid="history-first-day">
      <p class="history__sentence" data-testid="history-building">
        {building}
      </p>
      <p>{t('centerHistoryChartSoon', calendarDay(day.day))}</p>
      <dl class="history__today" data-testid="history-today">
        {SERIES.map((s) => (
          <div key={s}>
            <dt>
              <span class={`legend__swatch line--${s}`} aria-hidden="true" /> {t(SERIES_LABELS[s])}
            </dt>
            <dd>{formatCount(day[s])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function HistoryTab({ store }: { store: CenterStore }) {
  const h = store.history;
  const scope = store.scope.value;
  const scopeName = scope === ALL_COMPANIES ? t('centerAllCompaniesLower') : (store.companyById.value.get(scope)?.name ?? scope);
  const totals = sumByDay(h.days.value, store.scopeIds.value);
  if (h.error.value)
    return (
      <p class="inline-error" role="alert">
        {t('centerHistoryLoadFailed', h.error.value.message)}{' '}
        <button type="button" class="button button--small" onClick={() => void h.load()}>
          {t('commonTryAgain')}
        </button>
      </p>
    );
  if (!h.loaded.value)
    return (
      <div class="loading" aria-busy="true" aria-label={t('centerHistoryLoading')}>
        <div class="skeleton" />
      </div>
    );
  if (totals.length === 0) return <p class="empty">{t('centerHistoryEmpty')}</p>;
  const building = buildingSentence(totals.length);
  if (totals.length === 1) return <FirstDay day={totals[0]!} building={building} />;
  const geometry = chartGeometry(totals, W, H);
  const trends = SERIES.map((s) => trendOf(totals, s)).filter((trend) => trend !== null);
  const unsyncedTrend = trends.find((trend) => trend.series === 'unsynced');
  const desc = trends.map((trend) => trend.sentence).join('. ');
  return (
    <div class="history" data-testid="history-chart">
      <p class="history__sentence" data-testid="history-trend">
        {unsyncedTrend ? unsyncedTrend.sentence : t('centerHistoryNoTrend')}
      </p>
      {building && (
        <p class="muted" data-testid="history-building">
          {building}
        </p>
      )}
      <svg class="history__svg" viewBox={`-4 -4 ${W + 8} ${H + 8}`} role="img" aria-labelledby="history-title history-desc" preserveAspectRatio="none">
        <title id="history-title">{t('centerHistoryChartTitle', scopeName, formatCount(totals.length), formatCount(geometry.max))}</title>
        <desc id="history-desc">{desc}</desc>
        {SERIES.map((s) => (
          <polyline key={s} class={`line line--${s}`} points={geometry.points[s]} fill="none" vector-effect="non-scaling-stroke" />
        ))}
      </svg>
      <ul class="legend" aria-label={t('centerHistoryLegend')}>
        {SERIES.map((s) => (
          <li key={s}>
            <span class={`legend__swatch line--${s}`} aria-hidden="true" /> {t(SERIES_LABELS[s])}
          </li>
        ))}
      </ul>
      {trends.length > 1 && (
        <ul class="history__trends">
          {trends
            .filter((trend) => trend.series !== 'unsynced')
            .map((trend) => (
              <li key={trend.series}>{trend.sentence}</li>
            ))}
        </ul>
      )}
      <button type="button" class="button button--small" aria-expanded={h.showTable.value} data-testid="history-table-toggle" onClick={h.toggleTable}>
        {h.showTable.value ? t('centerHistoryHideTable') : t('centerHistoryShowTable')}
      </button>
      {h.showTable.value && (
        <table class="history__table" data-testid="history-table">
          <caption>{t('centerHistoryTableCaption', scopeName)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('centerHistoryDay')}</th>
              {SERIES.map((s) => (
                <th scope="col" key={s}>
                  {t(SERIES_LABELS[s])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {totals.map((row) => (
              <tr key={row.day}>
                <th scope="row">
                  <time dateTime={row.day}>{calendarDay(row.day)}</time>
                </th>
                {SERIES.map((s) => (
                  <td key={s}>{formatCount(row[s])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
