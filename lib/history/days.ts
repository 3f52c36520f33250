/**
 * Pure calendar-day helpers and aggregation for the history of daily counts. Days are local
 * calendar days written YYYY-MM-DD; arithmetic on them goes through UTC so it never meets a
 * daylight-saving gap.
 */
import type { HistoryDay } from '../messaging/center-commands';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The `count` days ending with `lastDay`, oldest first. */
export function dayRange(lastDay: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastDay, i - count + 1));
}

/**
 * Every day of `days` for every company that has a record in range or before it. A day without a
 * record (the browser was closed) carries the company's previous counts forward: these are counts
 * of what was waiting, which stays until someone acts. Days before a company's first record are left out.
 * `rows` may include days before the range, to seed the carry.
 */
export function fillMissingDays(rows: HistoryDay[], days: string[]): HistoryDay[] {
  const byCompany = new Map<string, Map<string, HistoryDay>>();
  for (const row of rows) {
    const days = byCompany.get(row.companyId) ?? new Map<string, HistoryDay>();
    days.set(row.day, row);
    byCompany.set(row.companyId, days);
  }
  const first = days[0];
  const out: HistoryDay[] = [];
  for (const [companyId, known] of [...byCompany].sort(([a], [b]) => a.localeCompare(b))) {
    let carry = first === undefined ? undefined : latestBefore(known, first);
    for (const day of days) {
      const row = known.get(day);
      if (row) carry = row;
      if (carry) out.push({ day, companyId, waiting: carry.waiting, failed: carry.failed, unsynced: carry.unsynced });
    }
  }
  return out;
}

function latestBefore(known: Map<string, HistoryDay>, day: string): HistoryDay | undefined {
  let best: HistoryDay | undefined;
  for (const row of known.values()) if (row.day < day && (!best || row.day > best.day)) best = row;
  return best;
}

export interface DayTotal {
  day: string;
  waiting: number;
  failed: number;
  unsynced: number;
  /** How many companies contributed to this day. */
  companies: number;
}

/** One total per day across companies, oldest first. */
export function sumAcrossCompanies(rows: HistoryDay[]): DayTotal[] {
  const totals = new Map<string, DayTotal>();
  for (const row of rows) {
    const t = totals.get(row.day) ?? { day: row.day, waiting: 0, failed: 0, unsynced: 0, companies: 0 };
    t.waiting += row.waiting;
    t.failed += row.failed;
    t.unsynced += row.unsynced;
    t.companies += 1;
    totals.set(row.day, t);
  }
  return [...totals.values()].sort((a, b) => a.day.localeCompare(b.day));
}
