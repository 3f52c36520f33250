/**
 * The History tab's numbers: daily counts summed over the chosen companies, chart geometry, and
 * the plain-language trend ("Unsynced went from 12 to 4 over 30 days: getting better"), which
 * compares the average of the first week with the average of the last.
 */
import { formatCount } from '../format/amount';
import { t, uiLocale, type MessageKey } from '../i18n/t';
import type { HistoryDay } from '../messaging/center-commands';

export const SERIES = ['waiting', 'failed', 'unsynced'] as const;
export type Series = (typeof SERIES)[number];
/** Message keys of the series names. */
export const SERIES_LABELS: Record<Series, MessageKey> = {
  waiting: 'centerSeriesWaiting',
  failed: 'centerSeriesFailed',
  unsynced: 'centerSeriesUnsynced',
};

export interface DayTotals {
  day: string;
  waiting: number;
  failed: number;
  unsynced: number;
}

/** One entry per day (sorted), summed over the companies given (all when `companyIds` is null). */
export function sumByDay(days: readonly HistoryDay[], companyIds: readonly string[] | null): DayTotals[] {
  const keep = companyIds ? new Set(companyIds) : null;
  const byDay = new Map<string, DayTotals>();
  for (const d of days) {
    if (keep && !keep.has(d.companyId)) continue;
    let t = byDay.get(d.day);
    if (!t) byDay.set(d.day, (t = { day: d.day, waiting: 0, failed: 0, unsynced: 0 }));
    t.waiting += d.waiting;
    t.failed += d.failed;
    t.unsynced += d.unsynced;
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

export type Trend = 'better' | 'worse' | 'steady';

export interface TrendSummary {
  series: Series;
  from: number;
  to: number;
  trend: Trend;
  sentence: string;
}

const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Lower is better for every series (fewer waiting, fewer failures, fewer unsynced). */
export function trendOf(totals: readonly DayTotals[], series: Series, week = 7): TrendSummary | null {
  if (totals.length < 2) return null;
  const span = Math.min(week, Math.floor(totals.length / 2));
  const from = Math.round(average(totals.slice(0, span).map((t) => t[series])));
  const to = Math.round(average(totals.slice(-span).map((t) => t[series])));
  const trend: Trend = to < from ? 'better' : to > from ? 'worse' : 'steady';
  const label = t(SERIES_LABELS[series]);
  const days = formatCount(totals.length);
  const sentence =
    trend === 'steady'
      ? t('centerTrendSteady', label, formatCount(from), days)
      : t(trend === 'better' ? 'centerTrendBetter' : 'centerTrendWorse', label, formatCount(from), formatCount(to), days);
  return { series, from, to, trend, sentence };
}

export interface ChartGeometry {
  max: number;
  /** SVG polyline points per series, in a width × height box. */
  points: Record<Series, string>;
}

export function chartGeometry(totals: readonly DayTotals[], width: number, height: number): ChartGeometry {
  const max = Math.max(1, ...totals.flatMap((t) => SERIES.map((s) => t[s])));
  const stepX = totals.length > 1 ? width / (totals.length - 1) : 0;
  const y = (value: number) => (height - (value / max) * height).toFixed(1);
  const points = Object.fromEntries(
    SERIES.map((s) => [s, totals.map((t, i) => `${(i * stepX).toFixed(1)},${y(t[s])}`).join(' ')]),
  ) as Record<Series, string>;
  return { max, points };
}

/** Days kept by the History tab; fewer than this means history is still building up. */
export const HISTORY_SPAN_DAYS = 30;

/**
 * "History builds up day by day: 1 day so far." with the plural form of the page's language
 * (Intl.PluralRules), or null once the full span is recorded.
 */
export function buildingSentence(days: number, span = HISTORY_SPAN_DAYS): string | null {
  if (days <= 0 || days >= span) return null;
  const one = new Intl.PluralRules(uiLocale()).select(days) === 'one';
  return t(one ? 'centerHistoryBuildingOne' : 'centerHistoryBuildingOther', formatCount(days));
}
