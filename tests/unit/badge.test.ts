import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanySummary, Connector, Summary } from '@/lib/api/schema';
import { renderBadge } from '@/lib/badge/render';
import { BADGE_COLORS, badgeFor, countText, type BadgeInput } from '@/lib/badge/states';
import type { ConnectionStatus } from '@/lib/messaging/protocol';

const fmt = (iso: string) => iso.slice(11, 16); // "09:02": locale-free for assertions

const okConnector: Connector = { kind: 'web-connector', state: 'ok', lastContactAt: '2026-11-26T09:02:00.000Z', lastRunAt: '2026-11-26T09:02:00.000Z' };

function company(id: string, over: Partial<CompanySummary> = {}): CompanySummary {
  return {
    companyId: id,
    companyName: `Company ${id}`,
    system: 'qbd',
    connector: okConnector,
    generatedAt: '2026-11-26T09:05:00.000Z',
    pendingApprovals: { export: 0, import: 0 },
    pendingSyncs: 0,
    failedSyncs: 0,
    unsynced: 0,
    ...over,
  };
}

function summaryOf(...companies: CompanySummary[]): Summary {
  const sum = (f: (c: CompanySummary) => number) => companies.reduce((n, c) => n + f(c), 0);
  return {
    companies,
    generatedAt: '2026-11-26T09:05:00.000Z',
    pendingApprovals: { export: sum((c) => c.pendingApprovals.export), import: sum((c) => c.pendingApprovals.import) },
    pendingSyncs: sum((c) => c.pendingSyncs),
    failedSyncs: sum((c) => c.failedSyncs),
    unsynced: sum((c) => c.unsynced),
  };
}

const ok: ConnectionStatus = { state: 'ok', lastSuccessAt: '2026-11-26T09:05:00.000Z', failingSince: null, message: null, nextPollAt: null };
const input = (over: Partial<BadgeInput>): BadgeInput => ({ status: ok, summary: null, followedCompanyIds: [], formatTime: fmt, ...over });

describe('badge state table', () => {
  it('shows the waiting count with a full breakdown when all is well', () => {
    const view = badgeFor(input({ summary: summaryOf(company('a', { pendingApprovals: { export: 8, import: 4 } })) }));
    expect(view).toEqual({
      kind: 'ok',
      text: '12',
      color: BADGE_COLORS.ok,
      title: 'SyncLens: 12 waiting for approval (8 export, 4 import) · Web Connector last ran 09:02',
    });
  });

  it('is empty for zero waiting items but still explains itself', () => {
    const view = badgeFor(input({ summary: summaryOf(company('a')) }));
    expect(view.text).toBe('');
    expect(view.kind).toBe('ok');
    expect(view.title).toContain('Nothing waiting for approval');
  });

  it('caps the count at 999+', () => {
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('999+');
    expect(countText(0)).toBe('');
    const view = badgeFor(input({ summary: summaryOf(company('a', { pendingApprovals: { export: 5000, import: 1 } })) }));
    expect(view.text).toBe('999+');
    expect(view.title).toContain('5,001 waiting for approval');
  });

  it('uses the failure colour when anything is unsynced or failed, and says how many', () => {
    const view = badgeFor(input({ summary: summaryOf(company('a', { pendingApprovals: { export: 8, import: 4 }, unsynced: 3 })) }));
    expect(view.kind).toBe('failures');
    expect(view.color).toBe(BADGE_COLORS.failures);
    expect(view.color).not.toBe(BADGE_COLORS.ok);
    expect(view.text).toBe('12');
    expect(view.title).toBe('SyncLens: 12 waiting for approval (8 export, 4 import) · 3 unsynced · Web Connector last ran 09:02');
    expect(badgeFor(input({ summary: summaryOf(company('a', { failedSyncs: 2 })) })).kind).toBe('failures');
  });

  it('warns when a connector is stale or offline', () => {
    for (const state of ['stale', 'offline', 'auth-expired'] as const) {
      const view = badgeFor(input({ summary: summaryOf(company('a', { connector: { ...okConnector, state }, pendingApprovals: { export: 1, import: 0 } })) }));
      expect(view.kind).toBe('connector-warning');
      expect(view.color).toBe(BADGE_COLORS['connector-warning']);
      expect(view.text).toBe('1');
      expect(view.title).toContain('Company a: connector');
    }
  });

  it('shows ! when signed out', () => {
    const view = badgeFor(input({ status: { ...ok, state: 'signed-out' }, summary: summaryOf(company('a', { pendingApprovals: { export: 3, import: 0 } })) }));
    expect(view.kind).toBe('signed-out');
    expect(view.text).toBe('!');
    expect(view.title).toContain('refused the token');
  });

  it('shows ? when unreachable, saying since when and how old the data is', () => {
    const status: ConnectionStatus = { ...ok, state: 'unreachable', failingSince: '2026-11-26T09:30:00.000Z', lastSuccessAt: '2026-11-26T09:02:00.000Z' };
    const view = badgeFor(input({ status, summary: summaryOf(company('a')) }));
    expect(view.kind).toBe('unreachable');
    expect(view.text).toBe('?');
    expect(view.title).toBe('SyncLens: cannot reach the sync service since 09:30. Showing data from 09:02.');
  });

  it('explains a service error', () => {
    const view = badgeFor(input({ status: { ...ok, state: 'error', message: 'The service at x sent a reply SyncLens does not understand.' } }));
    expect(view.kind).toBe('error');
    expect(view.text).toBe('?');
    expect(view.title).toBe('SyncLens: The service at x sent a reply SyncLens does not understand. Showing data from 09:05.');
  });

  it('has a not-configured state that points to the options', () => {
    const view = badgeFor(input({ status: { ...ok, state: 'unconfigured', lastSuccessAt: null } }));
    expect(view.kind).toBe('unconfigured');
    expect(view.text).toBe('');
    expect(view.title).toContain('options');
  });

  it('counts followed companies only (empty = all)', () => {
    const summary = summaryOf(
      company('a', { pendingApprovals: { export: 2, import: 0 } }),
      company('b', { pendingApprovals: { export: 0, import: 5 }, unsynced: 4 }),
    );
    expect(badgeFor(input({ summary })).text).toBe('7');
    const onlyA = badgeFor(input({ summary, followedCompanyIds: ['a'] }));
    expect(onlyA.text).toBe('2');
    expect(onlyA.kind).toBe('ok'); // b's failures are not ours to show
    expect(onlyA.title).not.toContain('unsynced');
  });

  it('tells a partial outage of several services apart: amber, or red with the count for a refused token', () => {
    const summary = summaryOf(company('a', { pendingApprovals: { export: 3, import: 0 } }));
    const down = badgeFor(input({ summary, serviceProblems: [{ name: 'Oak Hill', state: 'unreachable', since: '2026-11-26T08:05:00.000Z' }] }));
    expect(down).toMatchObject({ kind: 'service-warning', text: '3', color: BADGE_COLORS['service-warning'] });
    expect(down.title).toMatch(/^SyncLens: cannot reach Oak Hill since 08:05 · 3 waiting/);
    const refused = badgeFor(input({ summary, serviceProblems: [{ name: 'Oak Hill', state: 'signed-out', since: null }] }));
    expect(refused).toMatchObject({ kind: 'signed-out', text: '3' });
    expect(refused.title).toContain('Oak Hill refused the token');
    expect(badgeFor(input({ summary: summaryOf(company('a')), serviceProblems: [{ name: 'X', state: 'error', since: null }] })).text).toBe('?');
    // Failures still win over an outage elsewhere: they are work to do.
    const failing = badgeFor(input({ summary: summaryOf(company('a', { failedSyncs: 1 })), serviceProblems: [{ name: 'X', state: 'error', since: null }] }));
    expect(failing.kind).toBe('failures');
    expect(failing.title).toContain('X answers with an error');
  });

  it('renders onto the toolbar button', async () => {
    fakeBrowser.reset();
    await renderBadge({ kind: 'failures', text: '12', color: '#c5221f', title: 'SyncLens: 12 waiting' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('12');
    expect(await fakeBrowser.action.getTitle({})).toBe('SyncLens: 12 waiting');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xc5, 0x22, 0x1f, 255]);
  });
});
