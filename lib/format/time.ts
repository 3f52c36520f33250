/**
 * Human times for the popup and options page: relative ages ("3 h ago") and clock times
 * relative to today ("today 9:02", "yesterday 17:45", "Nov 24, 9:02"). Local time zone.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses an ISO timestamp; null for missing or unparseable input (never throws). */
export function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", "6 wk ago"; a clock skew into the future reads "just now". */
export function relativeAge(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parseTime(iso);
  if (!d) return '';
  const ms = now.getTime() - d.getTime();
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  if (ms < 14 * DAY) return `${Math.floor(ms / DAY)} d ago`;
  return `${Math.floor(ms / (7 * DAY))} wk ago`;
}

/** "9:02" (24-hour clock, no leading zero on the hour). */
export function clockTime(d: Date): string {
  return `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** "today 9:02", "yesterday 9:02", "Nov 24, 9:02", or "Nov 24 2025, 9:02" for another year. */
export function dayAndTime(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parseTime(iso);
  if (!d) return '';
  const days = Math.round((startOfDay(now) - startOfDay(d)) / DAY);
  if (days === 0) return `today ${clockTime(d)}`;
  if (days === 1) return `yesterday ${clockTime(d)}`;
  const year = d.getFullYear() === now.getFullYear() ? '' : ` ${d.getFullYear()}`;
  return `${MONTHS[d.getMonth()]} ${d.getDate()}${year}, ${clockTime(d)}`;
}

/** Clock time alone for today ("9:02"), otherwise the day as well ("yesterday 9:02"). */
export function shortTime(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parseTime(iso);
  if (!d) return '';
  return startOfDay(d) === startOfDay(now) ? clockTime(d) : dayAndTime(iso, now);
}
