/** Pure local-time helpers for notifications: "07:30" clocks, quiet hours that may wrap midnight. */

/** Minutes after local midnight for "HH:MM". */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The local instant of `clock` on the local day of `day` (a YYYY-MM-DD string). */
export function atLocal(day: string, clock: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const minutes = clockMinutes(clock);
  return new Date(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60, 0, 0);
}

export interface QuietHours {
  quietFrom: string | null;
  quietTo: string | null;
}

/** True when `at` falls in quiet hours [from, to); a range like 20:00–06:30 wraps midnight. */
export function isQuiet(at: Date, quiet: QuietHours): boolean {
  if (!quiet.quietFrom || !quiet.quietTo) return false;
  const from = clockMinutes(quiet.quietFrom);
  const to = clockMinutes(quiet.quietTo);
  if (from === to) return false; // an empty range, not "always quiet"
  const m = at.getHours() * 60 + at.getMinutes();
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** `at` itself, or the end of the quiet hours it falls in. */
export function afterQuiet(at: Date, quiet: QuietHours): Date {
  if (!isQuiet(at, quiet) || !quiet.quietTo) return at;
  const end = new Date(at.getFullYear(), at.getMonth(), at.getDate(), 0, clockMinutes(quiet.quietTo), 0, 0);
  // Quiet hours that wrapped midnight before `at`'s clock end today; otherwise they end tomorrow.
  if (end.getTime() <= at.getTime()) end.setDate(end.getDate() + 1);
  return end;
}
