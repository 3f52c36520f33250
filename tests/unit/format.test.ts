import { describe, expect, it } from 'vitest';
import { formatAmount } from '@/lib/format/amount';
import { describeConnector } from '@/lib/format/connector';
import { changeLabel, directionLabel, entityLabel, plural } from '@/lib/format/labels';
import { calendarDay, clockTime, dateTime, dayAndTime, parseTime, relativeAge, shortTime } from '@/lib/format/time';
import type { Connector } from '@/lib/api/schema';
import { useLocale } from './setup-i18n';

// Local times, so the expectations hold in any time zone.
const now = new Date(2026, 10, 26, 14, 30, 0);
const at = (d: number, h: number, m: number, month = 10, year = 2026) => new Date(year, month, d, h, m).toISOString();

describe('relative ages', () => {
  it.each([
    [new Date(now.getTime() - 20_000), 'just now'],
    [new Date(now.getTime() + 90_000), 'just now'],
    [new Date(now.getTime() - 5 * 60_000), '5 min. ago'],
    [new Date(now.getTime() - 59 * 60_000), '59 min. ago'],
    [new Date(now.getTime() - 3 * 3_600_000 - 1), '3 hr. ago'],
    [new Date(now.getTime() - 2 * 86_400_000), '2 days ago'],
    [new Date(now.getTime() - 30 * 86_400_000), '4 wk. ago'],
  ])('%s → %s', (d, expected) => {
    expect(relativeAge(d.toISOString(), now)).toBe(expected);
  });

  it('is empty for missing or broken input', () => {
    expect(relativeAge(null, now)).toBe('');
    expect(relativeAge('not a date', now)).toBe('');
    expect(parseTime('nope')).toBeNull();
  });
});

describe('clock times', () => {
  it('uses the locale clock (12-hour with AM/PM in en-US) with two-digit minutes', () => {
    expect(clockTime(new Date(2026, 0, 1, 9, 2))).toBe('9:02 AM');
    expect(clockTime(new Date(2026, 0, 1, 17, 45))).toBe('5:45 PM');
  });

  it('says today / yesterday / a date', () => {
    expect(dayAndTime(at(26, 9, 2), now)).toBe('today 9:02 AM');
    expect(dayAndTime(at(25, 23, 59), now)).toBe('yesterday 11:59 PM');
    expect(dayAndTime(at(24, 9, 2), now)).toBe('Nov 24, 9:02 AM');
    expect(dayAndTime(at(24, 9, 2, 11, 2025), now)).toBe('Dec 24, 2025, 9:02 AM');
    expect(dayAndTime(null, now)).toBe('');
  });

  it('short time drops "today"', () => {
    expect(shortTime(at(26, 9, 2), now)).toBe('9:02 AM');
    expect(shortTime(at(25, 9, 2), now)).toBe('yesterday 9:02 AM');
  });

  it('formats calendar days and full date-times in the locale', () => {
    expect(calendarDay('2026-11-24')).toBe('Nov 24, 2026');
    expect(calendarDay('not a day')).toBe('not a day');
    expect(dateTime(at(24, 9, 2))).toBe('Nov 24, 2026, 9:02 AM');
    expect(dateTime(null)).toBe('');
    useLocale('es');
    expect(calendarDay('2026-11-24')).toMatch(/^24 nov(\.)? 2026$/);
  });

  it('speaks Spanish with the Spanish UI language', () => {
    useLocale('es');
    expect(relativeAge(new Date(now.getTime() - 5 * 60_000).toISOString(), now)).toBe('hace 5 min');
    expect(relativeAge(new Date(now.getTime() - 2 * 86_400_000).toISOString(), now)).toBe('hace 2 días');
    expect(relativeAge(new Date(now.getTime() - 1_000).toISOString(), now)).toBe('justo ahora');
    expect(dayAndTime(at(25, 17, 45), now)).toMatch(/^ayer 5:45\s?p\.\s?m\.$/);
    expect(dayAndTime(at(24, 9, 2), now)).toMatch(/^24 nov(\.)?,? 9:02/);
    expect(formatAmount(1234.5)).toBe('1,234.50');
  });
});

describe('amounts and labels', () => {
  it('formats amounts with the locale grouping and two decimals, blank when absent', () => {
    expect(formatAmount(1234.5)).toBe('1,234.50');
    expect(formatAmount(-80)).toBe('-80.00');
    expect(formatAmount(0)).toBe('0.00');
    expect(formatAmount(null)).toBe('');
    expect(formatAmount(undefined)).toBe('');
    expect(formatAmount(Number.NaN)).toBe('');
  });

  it('labels entity types in plain words', () => {
    expect(entityLabel('Invoice')).toBe('Invoice');
    expect(entityLabel('PurchaseOrder')).toBe('Purchase order');
    expect(entityLabel('Purchase')).toBe('Expense');
    expect(entityLabel('WorkOrderVisit')).toBe('Work order visit');
  });

  it('labels changes, directions and counts', () => {
    expect(changeLabel('create')).toBe('New');
    expect(changeLabel('update')).toBe('Changed');
    expect(changeLabel('delete')).toBe('Deleted');
    expect(directionLabel('export')).toBe('Export to QuickBooks');
    expect(directionLabel('import')).toBe('Import from QuickBooks');
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(2, 'company', 'companies')).toBe('2 companies');
  });
});

describe('connector description', () => {
  const connector = (state: Connector['state'], lastContactAt: string | null = at(26, 9, 2)): Connector => ({
    kind: 'web-connector',
    state,
    lastContactAt,
    lastRunAt: lastContactAt,
  });

  it('QBD ok: explains Pending and gives the last contact', () => {
    const d = describeConnector('qbd', connector('ok'), now);
    expect(d).toEqual({
      tone: 'ok',
      text: 'Approved items wait in Pending until the Web Connector runs. Web Connector last contact: today 9:02 AM.',
      action: null,
    });
  });

  it.each([
    ['stale', /Update Selected/],
    ['offline', /Start QuickBooks Desktop and the Web Connector/],
    ['auth-expired', /Reconnect/],
  ] as const)('QBD %s warns with what to do', (state, action) => {
    const d = describeConnector('qbd', connector(state), now);
    expect(d.tone).toBe('warn');
    expect(d.text).toContain('today 9:02 AM');
    expect(d.action).toMatch(action);
  });

  it('QBD that never called says so', () => {
    expect(describeConnector('qbd', connector('offline', null), now).text).toContain('Last contact: never');
  });

  it('QBO lines do not mention the Web Connector', () => {
    const ok = describeConnector('qbo', { ...connector('ok'), kind: 'qbo-api' }, now);
    expect(ok.tone).toBe('ok');
    expect(ok.text).toBe('QuickBooks Online connected. Last sync: today 9:02 AM.');
    const expired = describeConnector('qbo', { ...connector('auth-expired'), kind: 'qbo-api' }, now);
    expect(expired.tone).toBe('warn');
    expect(expired.action).toMatch(/Reconnect QuickBooks Online/);
    expect(`${ok.text}${expired.text}${expired.action}`).not.toMatch(/Web Connector/);
  });
});
