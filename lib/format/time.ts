/**
 * Human times for the popup, the Sync Center and the overlay, in the browser's language: relative
 * ages (Intl.RelativeTimeFormat: "5 min. ago", "hace 5 min") and clock times relative to today
 * ("today 9:02 AM", "yesterday 5:45 PM", "Nov 24, 9:02 AM"). Local time zone.
 */
import { t, uiLocale } from '../i18n/t';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Formatters are costly to create (a Sync Center render formats a time per visible row), so one is
 * kept per locale and set of options.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = uiLocale();
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
/** The same for relative ages: every popup row shows one. */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(): Intl.RelativeTimeFormat {
  const locale = uiLocale();
  let f = relativeFormats.get(locale);
  if (!f) relativeFormats.set(locale, (f = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'always' })));
  return f;
}

/** Parses an ISO timestamp; null for missing or unparseable input (never throws). */
export function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "just now", "5 min. ago", "3 hr. ago", "2 days ago", "6 wk. ago"; a clock skew into the future reads "just now". */
export function relativeAge(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parseTime(iso);
  if (!d) return '';
  const ms = now.getTime() - d.getTime();
  if (ms < MINUTE) return t('timeJustNow');
  const rtf = relativeFormat();
  if (ms < HOUR) return rtf.format(-Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return rtf.format(-Math.floor(ms / HOUR), 'hour');
  if (ms < 14 * DAY) return rtf.format(-Math.floor(ms / DAY), 'day');
  return rtf.format(-Math.floor(ms / (7 * DAY)), 'week');
}

/** "9:02 AM" in English, "9:02 a.m." / "9:02" in Spanish: the locale decides the clock. */
export function clockTime(d: Date): string {
  return dateFormat({ hour: 'numeric', minute: '2-digit' }).format(d);
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** "today 9:02 AM", "yesterday 9:02 AM", "Nov 24, 9:02 AM", or "Nov 24, 2025, 9:02 AM" for another year. */
export function dayAndTime(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parseTime(iso);
  if (!d) return '';
  const days = Math.round((startOfDay(now) - startOfDay(d)) / DAY);
  if (days === 0) return t('timeToday', clockTime(d));
  if (days === 1) return t('timeYesterday', clockTime(d));
  const year = d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' as const };
  return dateFormat({ ...year, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(d);
}

/** Clock time alone for today ("9:02 AM"), otherwise the day as well ("yesterday 9:02 AM"). */
export function shortTime(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parseTime(iso);
  if (!d) return '';
  return startOfDay(d) === startOfDay(now) ? clockTime(d) : dayAndTime(iso, now);
}

/** A full date and time for facts such as "first failed" ("Nov 24, 2026, 9:02 AM"). */
export function dateTime(iso: string | null | undefined): string {
  const d = parseTime(iso);
  if (!d) return '';
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A calendar day given as "YYYY-MM-DD" in the locale's short form ("Nov 24, 2026"); other input unchanged. */
export function calendarDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dateFormat({ dateStyle: 'medium' }).format(d);
}
