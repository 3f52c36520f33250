/** History aggregation and the trend sentence. */
import { describe, expect, it } from 'vitest';
import { chartGeometry, sumByDay, trendOf } from '@/lib/center/history';
import type { HistoryDay } from '@/lib/messaging/center-commands';

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}`;

function series(companyId: string, values: number[], failed = 0): HistoryDay[] {
  return values.map((unsynced, i) => ({ day: day(i + 1), companyId, waiting: 5, failed, unsynced }));
}

describe('history', () => {
  it('sums companies per day, sorted, and can keep only some companies', () => {
    const days = [...series('a', [3, 4]), ...series('b', [10, 20])].reverse();
    expect(sumByDay(days, null)).toEqual([
      { day: day(1), waiting: 10, failed: 0, unsynced: 13 },
      { day: day(2), waiting: 10, failed: 0, unsynced: 24 },
    ]);
    expect(sumByDay(days, ['b']).map((t) => t.unsynced)).toEqual([10, 20]);
  });

  it('compares the first and the last week: "Unsynced went from 12 to 4 over 30 days: getting better"', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i < 7 ? 12 : i >= 23 ? 4 : 8));
    const t = trendOf(sumByDay(series('a', values), null), 'unsynced')!;
    expect(t.sentence).toBe('Unsynced went from 12 to 4 over 30 days: getting better');
    expect(t.trend).toBe('better');
  });

  it('says worse when it grows and steady when it does not move', () => {
    const up = Array.from({ length: 14 }, (_, i) => (i < 7 ? 1 : 6));
    expect(trendOf(sumByDay(series('a', up), null), 'unsynced')!.sentence).toBe('Unsynced went from 1 to 6 over 14 days: getting worse');
    expect(trendOf(sumByDay(series('a', [2, 2, 2, 2]), null), 'waiting')!.sentence).toBe(
      'Waiting for approval stayed at about 5 over 4 days: holding steady',
    );
    expect(trendOf(sumByDay(series('a', [2]), null), 'unsynced')).toBeNull();
  });

  it('places points in the box, highest value at the top', () => {
    const g = chartGeometry(sumByDay(series('a', [0, 10]), null), 100, 50);
    expect(g.max).toBe(10);
    expect(g.points.unsynced).toBe('0.0,50.0 100.0,0.0');
  });
});
