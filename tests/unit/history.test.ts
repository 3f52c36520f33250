import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompanySummary, Summary } from '@/lib/api/schema';
import { createDb, type SyncLensDb } from '@/lib/db/schema';
import { addDays, dayRange, fillMissingDays, localDay, sumAcrossCompanies } from '@/lib/history/days';
import { HISTORY_DAYS, readHistory, recordHistory } from '@/lib/history/store';
import type { HistoryDay } from '@/lib/messaging/center-commands';

const row = (day: string, companyId: string, waiting: number, failed = 0, unsynced = 0): HistoryDay => ({ day, companyId, waiting, failed, unsynced });

describe('days', () => {
  it('local day, day arithmetic across months, years and DST', () => {
    expect(localDay(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
    expect(localDay(new Date(2026, 10, 27, 0, 0))).toBe('2026-11-27');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
    expect(dayRange('2026-03-02', 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('fills missing days by carrying the last counts forward, per company, from the range start', () => {
    const days = dayRange('2026-11-05', 5); // 01..05
    const filled = fillMissingDays([
      row('2026-10-30', 'a', 9), // before the range: seeds the carry
      row('2026-11-03', 'a', 4, 1, 2),
      row('2026-11-02', 'b', 7),
    ], days);
    expect(filled).toEqual([
      row('2026-11-01', 'a', 9), row('2026-11-02', 'a', 9), row('2026-11-03', 'a', 4, 1, 2), row('2026-11-04', 'a', 4, 1, 2), row('2026-11-05', 'a', 4, 1, 2),
      // b has no record before 11-02: nothing invented for 11-01.
      row('2026-11-02', 'b', 7), row('2026-11-03', 'b', 7), row('2026-11-04', 'b', 7), row('2026-11-05', 'b', 7),
    ]);
    expect(fillMissingDays([], days)).toEqual([]);
  });

  it('sums across companies per day, oldest first', () => {
    expect(sumAcrossCompanies([row('2026-11-02', 'a', 1, 2, 3), row('2026-11-01', 'a', 5), row('2026-11-02', 'b', 10, 20, 30)])).toEqual([
      { day: '2026-11-01', waiting: 5, failed: 0, unsynced: 0, companies: 1 },
      { day: '2026-11-02', waiting: 11, failed: 22, unsynced: 33, companies: 2 },
    ]);
  });
});

describe('history store', () => {
  let db: SyncLensDb;
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  const company = (companyId: string, exp: number, imp: number, failedSyncs: number, unsynced: number): CompanySummary => ({
    companyId, companyName: companyId, system: 'qbo', pendingApprovals: { export: exp, import: imp }, pendingSyncs: 0, failedSyncs, unsynced,
    connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null }, generatedAt: '2026-11-26T09:00:00.000Z',
  });
  /** One primary service following `ids` (empty: all). */
  const following = (ids: string[]) => ({ connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', followedCompanyIds: ids }] });
  const summary = (...companies: CompanySummary[]): Summary => ({
    companies, pendingApprovals: { export: 0, import: 0 }, pendingSyncs: 0, failedSyncs: 0, unsynced: 0, generatedAt: '2026-11-26T09:00:00.000Z',
  });

  it('keeps the day\'s latest counts per followed company (waiting = export + import)', async () => {
    db = createDb(`history-${Math.random()}`);
    const morning = new Date(2026, 10, 26, 8, 0);
    await recordHistory(db, summary(company('a', 3, 2, 1, 4), company('b', 1, 1, 1, 1)), following(['a']), morning);
    await recordHistory(db, summary(company('a', 6, 1, 0, 2)), following(['a']), new Date(2026, 10, 26, 17, 0));
    expect(await readHistory(db, 1, following(['a']), new Date(2026, 10, 26, 18, 0))).toEqual([row('2026-11-26', 'a', 7, 0, 2)]);
    expect(await db.history.count()).toBe(1); // b is not followed
  });

  it('follows every company when none is chosen, and fills days the browser was closed', async () => {
    db = createDb(`history-${Math.random()}`);
    await recordHistory(db, summary(company('a', 1, 0, 0, 0), company('b', 2, 0, 0, 0)), following([]), new Date(2026, 10, 24, 9, 0));
    await recordHistory(db, summary(company('a', 5, 0, 0, 0), company('b', 2, 0, 0, 0)), following([]), new Date(2026, 10, 26, 9, 0));
    const days = await readHistory(db, 3, following([]), new Date(2026, 10, 26, 12, 0));
    expect(days.filter((d) => d.companyId === 'a').map((d) => [d.day, d.waiting])).toEqual([['2026-11-24', 1], ['2026-11-25', 1], ['2026-11-26', 5]]);
    expect(sumAcrossCompanies(days).map((t) => t.waiting)).toEqual([3, 3, 7]);
  });

  it(`prunes days older than ${HISTORY_DAYS}`, async () => {
    db = createDb(`history-${Math.random()}`);
    const today = new Date(2026, 10, 26, 9, 0);
    const old = new Date(2026, 10, 26 - HISTORY_DAYS, 9, 0);
    const lastKept = new Date(2026, 10, 26 - HISTORY_DAYS + 1, 9, 0);
    await recordHistory(db, summary(company('a', 1, 0, 0, 0)), following([]), old);
    await recordHistory(db, summary(company('a', 2, 0, 0, 0)), following([]), lastKept);
    await recordHistory(db, summary(company('a', 3, 0, 0, 0)), following([]), today);
    expect((await db.history.toArray()).map((r) => r.day).sort()).toEqual([localDay(lastKept), '2026-11-26']);
  });
});
