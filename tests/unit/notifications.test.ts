import { describe, expect, it } from 'vitest';
import type { CompanySummary, ConnectorState } from '@/lib/api/schema';
import { parseCenterHash } from '@/lib/center/center-link';
import type { NotificationSettings } from '@/lib/messaging/center-commands';
import { afterQuiet, isQuiet } from '@/lib/notifications/clock';
import { connectorKey, decideAfterPoll, failureKey, type PollInput } from '@/lib/notifications/decide';
import { digestDue, digestText, nextDigest } from '@/lib/notifications/digest';
import { DEFAULT_NOTIFICATION_SETTINGS } from '@/lib/notifications/settings';

/** Local time (the digest and quiet hours are in the user's zone). */
const at = (day: string, clock: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = clock.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min);
};
const ON: NotificationSettings = { ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true };

function company(id: string, over: Partial<CompanySummary> = {}, state: ConnectorState = 'ok'): CompanySummary {
  return {
    companyId: id,
    companyName: id === 'evergreen' ? 'Evergreen Tree & Landscape' : 'Cedar Ridge Lawn',
    system: id === 'evergreen' ? 'qbo' : 'qbd',
    pendingApprovals: { export: 0, import: 0 },
    pendingSyncs: 0,
    failedSyncs: 0,
    unsynced: 0,
    connector: { kind: id === 'evergreen' ? 'qbo-api' : 'web-connector', state, lastContactAt: null, lastRunAt: null },
    generatedAt: '2026-11-26T09:00:00.000Z',
    ...over,
  };
}

describe('quiet hours', () => {
  const quiet = { quietFrom: '20:00', quietTo: '06:30' };
  it('wrap midnight: quiet from 20:00 up to (not including) 06:30', () => {
    expect(isQuiet(at('2026-11-26', '19:59'), quiet)).toBe(false);
    expect(isQuiet(at('2026-11-26', '20:00'), quiet)).toBe(true);
    expect(isQuiet(at('2026-11-26', '23:59'), quiet)).toBe(true);
    expect(isQuiet(at('2026-11-27', '00:00'), quiet)).toBe(true);
    expect(isQuiet(at('2026-11-27', '06:29'), quiet)).toBe(true);
    expect(isQuiet(at('2026-11-27', '06:30'), quiet)).toBe(false);
  });
  it('within one day, and off when unset or empty', () => {
    expect(isQuiet(at('2026-11-26', '12:30'), { quietFrom: '12:00', quietTo: '13:00' })).toBe(true);
    expect(isQuiet(at('2026-11-26', '13:00'), { quietFrom: '12:00', quietTo: '13:00' })).toBe(false);
    expect(isQuiet(at('2026-11-26', '23:00'), { quietFrom: null, quietTo: '06:30' })).toBe(false);
    expect(isQuiet(at('2026-11-26', '08:00'), { quietFrom: '08:00', quietTo: '08:00' })).toBe(false);
  });
  it('end: later the same night, or the next morning', () => {
    expect(afterQuiet(at('2026-11-26', '21:00'), quiet)).toEqual(at('2026-11-27', '06:30'));
    expect(afterQuiet(at('2026-11-27', '02:00'), quiet)).toEqual(at('2026-11-27', '06:30'));
    expect(afterQuiet(at('2026-11-27', '09:00'), quiet)).toEqual(at('2026-11-27', '09:00'));
  });
});

describe('digest scheduling', () => {
  it('is off when notifications or the digest are off', () => {
    expect(nextDigest(DEFAULT_NOTIFICATION_SETTINGS, null, at('2026-11-26', '05:00'))).toBeNull();
    expect(nextDigest({ ...ON, digestAt: null }, null, at('2026-11-26', '05:00'))).toBeNull();
  });

  it('is set for today at the chosen time, then tomorrow once today has been shown', () => {
    const now = at('2026-11-26', '05:00');
    expect(nextDigest(ON, '2026-11-25', now)).toEqual({ day: '2026-11-26', at: at('2026-11-26', '07:30') });
    expect(nextDigest(ON, '2026-11-26', at('2026-11-26', '07:30'))).toEqual({ day: '2026-11-27', at: at('2026-11-27', '07:30') });
  });

  it('fires once a day: a restart after the digest does not show it again', () => {
    const fired = at('2026-11-26', '07:30');
    const slot = nextDigest(ON, '2026-11-25', fired);
    expect(digestDue(slot, fired)).toBe(true);
    // Stored lastDigestDay = 2026-11-26; the worker restarts at 07:31 and at noon.
    for (const later of [at('2026-11-26', '07:31'), at('2026-11-26', '12:00')]) {
      const again = nextDigest(ON, '2026-11-26', later);
      expect(digestDue(again, later)).toBe(false);
      expect(again?.day).toBe('2026-11-27');
    }
  });

  it('catches up the same day when the browser was closed at the set time', () => {
    const opened = at('2026-11-26', '09:15');
    const slot = nextDigest(ON, '2026-11-24', opened);
    expect(slot).toEqual({ day: '2026-11-26', at: opened });
    expect(digestDue(slot, opened)).toBe(true);
  });

  it('skips a day it missed entirely, and a catch-up that would fall in quiet hours', () => {
    // Opened at 21:00: today's digest is not shown at night; the next is tomorrow's.
    expect(nextDigest(ON, '2026-11-25', at('2026-11-26', '21:00'))).toEqual({ day: '2026-11-27', at: at('2026-11-27', '07:30') });
    // Never shown yesterday's the day after.
    expect(nextDigest(ON, '2026-11-20', at('2026-11-27', '05:00'))).toEqual({ day: '2026-11-27', at: at('2026-11-27', '07:30') });
  });

  it('waits until quiet hours end when the digest time falls inside them', () => {
    const early = { ...ON, digestAt: '05:00' };
    expect(nextDigest(early, null, at('2026-11-26', '04:00'))).toEqual({ day: '2026-11-26', at: at('2026-11-26', '06:30') });
    const late = { ...ON, digestAt: '23:00' };
    expect(nextDigest(late, '2026-11-25', at('2026-11-26', '12:00'))).toEqual({ day: '2026-11-26', at: at('2026-11-27', '06:30') });
    // Once that late digest has been shown the next morning, the next one is the following morning.
    expect(nextDigest(late, '2026-11-26', at('2026-11-27', '06:30'))).toEqual({ day: '2026-11-27', at: at('2026-11-28', '06:30') });
  });

  it('says what waits, what is unsynced and when the Web Connector last ran', () => {
    const now = at('2026-11-26', '07:30');
    const ran = at('2026-11-25', '18:04').toISOString();
    const one = company('cedar-ridge', { pendingApprovals: { export: 9, import: 3 }, unsynced: 3 });
    one.connector = { ...one.connector, lastRunAt: ran };
    expect(digestText([one], now)).toEqual({
      title: 'SyncLens: Cedar Ridge Lawn',
      message: '12 waiting for approval, 3 unsynced, Web Connector last ran yesterday 6:04 PM',
    });
    const both = digestText([company('evergreen', { pendingApprovals: { export: 2, import: 0 }, unsynced: 1 }), one], now);
    expect(both.message).toBe('14 waiting for approval, 4 unsynced, Cedar Ridge Lawn: Web Connector last ran yesterday 6:04 PM');
    expect(both.title).toBe('SyncLens: 2 companies');
  });
});

describe('after a poll', () => {
  const now = at('2026-11-26', '10:00');
  const base = (over: Partial<PollInput> = {}): PollInput => ({
    settings: ON, companies: [], seen: {}, notified: new Set(), previousPollAt: '2026-11-26T08:55:00.000Z', now, ...over,
  });

  it('takes a first sighting as the baseline: old failures are not new', () => {
    const d = decideAfterPoll(base({ companies: [company('evergreen', { failedSyncs: 7, unsynced: 9 })] }));
    expect(d.notices).toEqual([]);
    expect(d.seen).toEqual({ evergreen: { failed: 7, unsynced: 9 } });
  });

  it('groups new failures into ONE notification that opens the Sync Center filtered to them', () => {
    const d = decideAfterPoll(base({
      companies: [company('evergreen', { failedSyncs: 5, unsynced: 6 })],
      seen: { evergreen: { failed: 2, unsynced: 3 } },
    }));
    expect(d.notices).toHaveLength(1);
    const [n] = d.notices;
    expect(n).toMatchObject({ title: 'SyncLens: new sync failures', message: '3 new sync failures in Evergreen Tree & Landscape', keys: [failureKey('evergreen', 6, '2026-11-26')] });
    expect(parseCenterHash(n!.path.split('#')[1]!)).toEqual({ tab: 'unsynced', companyId: 'evergreen', failedSince: '2026-11-26T08:55:00.000Z' });
    expect(d.seen.evergreen).toEqual({ failed: 5, unsynced: 6 });
  });

  it('one notification for several companies, naming each', () => {
    const d = decideAfterPoll(base({
      companies: [company('evergreen', { failedSyncs: 3 }), company('cedar-ridge', { failedSyncs: 1, unsynced: 1 })],
      seen: { evergreen: { failed: 2, unsynced: 0 }, 'cedar-ridge': { failed: 0, unsynced: 0 } },
    }));
    expect(d.notices.map((n) => n.message)).toEqual(['2 new sync failures: 1 in Evergreen Tree & Landscape, 1 in Cedar Ridge Lawn']);
    expect(parseCenterHash(d.notices[0]!.path.split('#')[1]!).companyId).toBeUndefined();
  });

  it('does not notify the same count twice the same day (restart, or a dip and back)', () => {
    const input = base({ companies: [company('evergreen', { failedSyncs: 5, unsynced: 5 })], seen: { evergreen: { failed: 4, unsynced: 4 } } });
    const first = decideAfterPoll(input);
    expect(first.notices).toHaveLength(1);
    const again = decideAfterPoll({ ...input, notified: new Set(first.notices[0]!.keys) });
    expect(again.notices).toEqual([]);
  });

  it('shows nothing in quiet hours, when off, or with new failures switched off, but still moves the baseline', () => {
    const input = base({ companies: [company('evergreen', { failedSyncs: 5 })], seen: { evergreen: { failed: 1, unsynced: 0 } } });
    for (const d of [
      decideAfterPoll({ ...input, now: at('2026-11-26', '22:00') }),
      decideAfterPoll({ ...input, settings: { ...ON, enabled: false } }),
      decideAfterPoll({ ...input, settings: { ...ON, newFailures: false } }),
    ]) {
      expect(d.notices).toEqual([]);
      expect(d.seen.evergreen).toEqual({ failed: 5, unsynced: 0 });
    }
  });

  it('fewer failures: nothing shown', () => {
    const d = decideAfterPoll(base({ companies: [company('evergreen', { failedSyncs: 1 })], seen: { evergreen: { failed: 4, unsynced: 4 } } }));
    expect(d.notices).toEqual([]);
  });

  it('a connector turning bad is notified once per transition; recovery resets it', () => {
    const offline = [company('cedar-ridge', {}, 'offline')];
    const first = decideAfterPoll(base({ companies: offline }));
    expect(first.notices).toEqual([expect.objectContaining({
      id: connectorKey('cedar-ridge', 'offline'),
      message: 'The Web Connector is offline. Approved items stay in Pending until it runs.',
      keys: ['connector:cedar-ridge:offline'],
    })]);
    expect(parseCenterHash(first.notices[0]!.path.split('#')[1]!)).toEqual({ tab: 'connector', companyId: 'cedar-ridge' });
    // Already notified (persisted): not again.
    expect(decideAfterPoll(base({ companies: offline, notified: new Set(['connector:cedar-ridge:offline']) })).notices).toEqual([]);
    // Another bad state is another transition.
    const signedOut = decideAfterPoll(base({ companies: [company('cedar-ridge', {}, 'auth-expired')], notified: new Set(['connector:cedar-ridge:offline']) }));
    expect(signedOut.notices.map((n) => n.message)).toEqual(['The Web Connector is signed out: reconnect it. Approved items stay in Pending until it runs.']);
    // Back to ok: its keys are forgotten so the next outage is notified.
    expect(decideAfterPoll(base({ companies: [company('cedar-ridge')] })).forgetPrefixes).toEqual(['connector:cedar-ridge:']);
  });

  it('a connector still bad after quiet hours is notified then', () => {
    const input = base({ companies: [company('evergreen', {}, 'stale')] });
    expect(decideAfterPoll({ ...input, now: at('2026-11-26', '23:00') }).notices).toEqual([]);
    expect(decideAfterPoll({ ...input, now: at('2026-11-27', '06:30') }).notices.map((n) => n.message)).toEqual(['The QuickBooks Online connection is overdue.']);
    expect(decideAfterPoll({ ...input, settings: { ...ON, connectorAlerts: false } }).notices).toEqual([]);
  });
});
