/** The Sync Center's pure list logic: preparing rows, filters, search, sorting, category counts, grouping, windowing, bulk plans. */
import { describe, expect, it } from 'vitest';
import type { UnsyncedEntity } from '@/lib/api/schema';
import { bulkProgressText, bulkSummaryText, planBulkResync } from '@/lib/center/bulk';
import { isHttpUrl, qboLinkFor } from '@/lib/center/links';
import { isStuckPending } from '@/lib/center/pending';
import {
  categoryCounts,
  categorySentence,
  codeInfo,
  distinctCodes,
  filterRows,
  groupByCompany,
  nextSort,
  NO_FILTERS,
  narrows,
  prepareRows,
  rowKey,
  sortRows,
  splitRowKey,
} from '@/lib/center/unsynced-rows';
import { windowRange } from '@/lib/center/windowing';

const T0 = Date.parse('2026-11-26T09:00:00.000Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

function u(id: string, over: Partial<UnsyncedEntity> = {}): UnsyncedEntity {
  return {
    id,
    companyId: 'evergreen',
    entityType: 'Invoice',
    localId: `job-${id}`,
    qbId: '100',
    name: `Client ${id}`,
    docNumber: null,
    errorCode: '6240',
    errorMessage: 'Duplicate Name Exists Error',
    firstFailedAt: at(-100),
    lastAttemptAt: at(0),
    attempts: 1,
    state: 'failed',
    ...over,
  };
}

const items = [
  u('a', { errorCode: '610', errorMessage: 'Object Not Found', name: 'Pine Ridge Estates', entityType: 'Customer', lastAttemptAt: at(-30), attempts: 3 }),
  u('b', { errorCode: '6140', errorMessage: 'Duplicate Document Number Error', name: 'Riverside Church', docNumber: '1002', lastAttemptAt: at(-10) }),
  u('c', { errorCode: '6240', name: 'oak hollow hoa', lastAttemptAt: at(-20), attempts: 2 }),
  u('d', { errorCode: '610', errorMessage: 'Object Not Found', name: 'Maple Street Dental', entityType: 'Customer', lastAttemptAt: at(-5) }),
  u('e', { errorCode: '6210', errorMessage: 'Account Period Closed', name: 'Cedar Court', docNumber: '88', lastAttemptAt: at(-1) }),
];
const rows = prepareRows(items, 'qbo');
const ids = (list: { item: UnsyncedEntity }[]) => list.map((r) => r.item.id);

describe('prepared rows', () => {
  it('carry the catalog title and category of their code, once per code', () => {
    const b = rows.find((r) => r.item.id === 'b')!;
    expect(b.codeTitle).toBe(codeInfo('qbo', '6140').title);
    expect(b.codeTitle.length).toBeGreaterThan(3);
    expect(rows.find((r) => r.item.id === 'a')!.category).toBe('deleted-or-inactive');
    expect(rows.find((r) => r.item.id === 'c')!.category).toBe('duplicate');
    expect(rows.find((r) => r.item.id === 'e')!.category).toBe('closed-period');
  });

  it('classify Desktop SDK and Web Connector codes by their own tables', () => {
    expect(codeInfo('qbd', '0x80040408')).toEqual({ category: 'quickbooks-busy', title: 'QuickBooks did not open for the sync' });
    expect(codeInfo('qbd', 'QBWC1039').category).toBe('connection');
    expect(codeInfo('qbd', '3100').category).toBe('duplicate');
  });

  it('use a key that keeps equal ids of two companies apart', () => {
    expect(rowKey('a', 'x')).not.toBe(rowKey('b', 'x'));
    expect(splitRowKey(rowKey('evergreen', 'u-1/2'))).toEqual({ companyId: 'evergreen', id: 'u-1/2' });
  });
});

describe('filters and search', () => {
  it('filter by code, type and category', () => {
    expect(ids(filterRows(rows, { ...NO_FILTERS, code: '610' }))).toEqual(['a', 'd']);
    expect(ids(filterRows(rows, { ...NO_FILTERS, entityType: 'Customer' }))).toEqual(['a', 'd']);
    expect(ids(filterRows(rows, { ...NO_FILTERS, category: 'duplicate' }))).toEqual(['b', 'c']);
    expect(ids(filterRows(rows, { ...NO_FILTERS, category: 'duplicate', code: '6240' }))).toEqual(['c']);
  });

  it('search name, document number, message and code, case-insensitively, every word', () => {
    expect(ids(filterRows(rows, { ...NO_FILTERS, search: 'OAK' }))).toEqual(['c']);
    expect(ids(filterRows(rows, { ...NO_FILTERS, search: '1002' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...NO_FILTERS, search: 'period closed' }))).toEqual(['e']);
    expect(ids(filterRows(rows, { ...NO_FILTERS, search: '6140' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...NO_FILTERS, search: 'not found maple' }))).toEqual(['d']);
    expect(filterRows(rows, { ...NO_FILTERS, search: 'zzz' })).toEqual([]);
    expect(filterRows(rows, { ...NO_FILTERS, search: '   ' })).toHaveLength(5);
  });

  it('keep only failures since a time (the new-failures link)', () => {
    expect(ids(filterRows(rows, { ...NO_FILTERS, sinceMs: T0 - 10 * 60_000 }))).toEqual(['b', 'd', 'e']);
  });

  it('hand back the list itself when nothing filters, and scan only earlier matches when a change narrows', () => {
    expect(filterRows(rows, NO_FILTERS)).toBe(rows);
    const oak = { ...NO_FILTERS, search: 'o' };
    const first = filterRows(rows, oak);
    const next = { ...NO_FILTERS, search: 'oak', code: '6240' };
    expect(narrows(oak, next)).toBe(true);
    expect(ids(filterRows(rows, next, first))).toEqual(ids(filterRows(rows, next)));
    // Widening or changing a filter needs the whole list again.
    expect(narrows({ ...NO_FILTERS, search: 'oak' }, { ...NO_FILTERS, search: 'oa' })).toBe(false);
    expect(narrows({ ...NO_FILTERS, code: '610' }, { ...NO_FILTERS, code: '6240' })).toBe(false);
    expect(narrows({ ...NO_FILTERS, code: '610' }, NO_FILTERS)).toBe(false);
    expect(narrows({ ...NO_FILTERS, sinceMs: T0 }, { ...NO_FILTERS, sinceMs: T0 - 1 })).toBe(false);
    expect(narrows({ ...NO_FILTERS, sinceMs: T0 - 1 }, { ...NO_FILTERS, sinceMs: T0, entityType: 'Customer' })).toBe(true);
    expect(narrows({ ...NO_FILTERS, search: 'not found' }, { ...NO_FILTERS, search: 'found maple not' })).toBe(true);
  });
});

describe('codes as the sync service stored them (issue 8 §6)', () => {
  const stored = prepareRows(
    [
      u('p', { errorCode: '003200', errorMessage: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', lastAttemptAt: at(-3) }),
      u('q', { errorCode: '3200', errorMessage: 'AuthenticationFailed', lastAttemptAt: at(-2) }),
      u('r', { errorCode: 'ThrottleExceeded', errorMessage: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', lastAttemptAt: at(-1) }),
      u('s', { errorCode: '6240' }),
    ],
    'qbo',
  );

  it('carry the normalized code, its title and category', () => {
    const byId = (id: string) => stored.find((r) => r.item.id === id)!;
    expect(byId('p').code).toBe('3200');
    expect(byId('q').code).toBe('3200');
    expect(byId('r').code).toBe('3001');
    expect(byId('r').category).toBe('throttling');
    expect(byId('r').codeTitle).toBe(codeInfo('qbo', '3001').title);
    expect(byId('p').item.errorCode).toBe('003200');
  });

  it('group 003200 with 3200 in the code filter and its choices', () => {
    expect(distinctCodes(stored)).toEqual(['3001', '3200', '6240']);
    expect(ids(filterRows(stored, { ...NO_FILTERS, code: '3200' }))).toEqual(['p', 'q']);
    expect(ids(filterRows(stored, { ...NO_FILTERS, code: '3001' }))).toEqual(['r']);
  });

  it('find a row by the normalized code and by the code as stored', () => {
    expect(ids(filterRows(stored, { ...NO_FILTERS, search: '3001' }))).toEqual(['r']);
    expect(ids(filterRows(stored, { ...NO_FILTERS, search: 'throttleexceeded' }))).toEqual(['r']);
    expect(ids(filterRows(stored, { ...NO_FILTERS, search: '003200' }))).toEqual(['p']);
  });

  it('sort by the normalized code', () => {
    expect(ids(sortRows(stored, { key: 'errorCode', dir: 'asc' }))).toEqual(['r', 'p', 'q', 's']);
  });
});

describe('sorting', () => {
  it('sorts by each column both ways, ties stable by key', () => {
    expect(ids(sortRows(rows, { key: 'lastAttemptAt', dir: 'desc' }))).toEqual(['e', 'd', 'b', 'c', 'a']);
    expect(ids(sortRows(rows, { key: 'lastAttemptAt', dir: 'asc' }))).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(ids(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual(['e', 'd', 'c', 'a', 'b']);
    expect(ids(sortRows(rows, { key: 'attempts', dir: 'desc' }))).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(ids(sortRows(rows, { key: 'errorCode', dir: 'asc' }))).toEqual(['a', 'd', 'b', 'e', 'c']);
  });

  it('a header click sorts a new column ascending and flips the same one', () => {
    expect(nextSort({ key: 'lastAttemptAt', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
  });
});

describe('category counts', () => {
  it('count per category, most first, as a sentence', () => {
    const counts = categoryCounts(rows);
    expect(counts.map((c) => [c.category, c.count])).toEqual([
      ['duplicate', 2],
      ['deleted-or-inactive', 2],
      ['closed-period', 1],
    ]);
    expect(categorySentence(counts)).toBe('2 duplicates · 2 deleted in QuickBooks · 1 closed period');
    expect(categorySentence(categoryCounts(rows.filter((r) => r.item.id === 'c')))).toBe('1 duplicate');
  });
});

describe('grouping by company', () => {
  it('puts a heading before each company, in company order, skipping empty ones', () => {
    const mixed = [...rows, ...prepareRows([u('z', { companyId: 'birchwood' })], 'qbo')];
    const out = groupByCompany(mixed, ['birchwood', 'evergreen', 'empty'], true);
    expect(out[0]).toEqual({ kind: 'group', companyId: 'birchwood', count: 1 });
    expect(out[2]).toEqual({ kind: 'group', companyId: 'evergreen', count: 5 });
    expect(out).toHaveLength(8);
    expect(groupByCompany(mixed, ['evergreen'], false).every((e) => e.kind === 'row')).toBe(true);
  });
});

describe('windowing', () => {
  it('renders only what is in view plus a margin, with exact spacers', () => {
    const r = windowRange({ total: 10_000, scrollTop: 60 * 5000, viewportHeight: 600, rowHeight: 60, overscan: 5 });
    expect(r.start).toBe(4995);
    expect(r.end).toBe(5016);
    expect(r.before).toBe(4995 * 60);
    expect(r.before + (r.end - r.start) * 60 + r.after).toBe(10_000 * 60);
  });

  it('accounts for one open panel under a row', () => {
    const r = windowRange({ total: 1000, scrollTop: 60 * 500 + 300, viewportHeight: 600, rowHeight: 60, overscan: 0, open: { index: 100, extra: 300 } });
    expect(r.start).toBe(500);
    expect(r.before).toBe(500 * 60 + 300);
    expect(r.before + (r.end - r.start) * 60 + r.after).toBe(1000 * 60 + 300);
  });
});

describe('bulk resync plan', () => {
  it('one batch per company, at most 1,000 ids each, duplicates dropped', () => {
    const sel = [
      ...Array.from({ length: 1200 }, (_, i) => ({ companyId: 'evergreen', id: `e${i}` })),
      { companyId: 'birchwood', id: 'b1' },
      { companyId: 'evergreen', id: 'e0' },
    ];
    const plan = planBulkResync(sel);
    expect(plan.map((b) => [b.companyId, b.ids.length])).toEqual([
      ['evergreen', 1000],
      ['evergreen', 200],
      ['birchwood', 1],
    ]);
  });

  it('words progress and the summary', () => {
    expect(bulkProgressText(1000, 1200)).toBe('Resyncing 1,200 rows: 1,000 / 1,200');
    expect(bulkSummaryText(18, [])).toBe('18 queued');
    expect(bulkSummaryText(18, [{ name: 'Riverside Church', message: 'not found' }, { name: 'Cedar Court', message: 'locked' }])).toBe(
      '18 queued · 2 failed: Riverside Church (not found), Cedar Court (locked)',
    );
  });
});

describe('links and pending', () => {
  it('follows only http(s) URLs', () => {
    expect(isHttpUrl('https://jobs.example.com/1')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('data:text/html,x')).toBe(false);
    expect(isHttpUrl(null)).toBe(false);
  });

  it('links QBO records (switching company when a realm is known), never Desktop ones', () => {
    const url = qboLinkFor({ system: 'qbo', realmId: '9130357766542011' }, 'Invoice', '1002');
    expect(url).toMatch(/^https:\/\/[^/]*qbo\.intuit\.com\//);
    expect(url).toContain('9130357766542011');
    expect(qboLinkFor({ system: 'qbd', realmId: null }, 'Invoice', '80000001-1')).toBeNull();
    expect(qboLinkFor({ system: 'qbo', realmId: null }, 'Invoice', null)).toBeNull();
    expect(qboLinkFor({ system: 'qbo', realmId: null }, 'Invoice', 'not an id!')).toBeNull();
  });

  it('flags Pending entries older than the connector run', () => {
    expect(isStuckPending({ status: 'pending', at: at(-60) }, { lastRunAt: at(-5) })).toBe(true);
    expect(isStuckPending({ status: 'pending', at: at(-1) }, { lastRunAt: at(-5) })).toBe(false);
    expect(isStuckPending({ status: 'failed', at: at(-60) }, { lastRunAt: at(-5) })).toBe(false);
    expect(isStuckPending({ status: 'pending', at: at(-60) }, { lastRunAt: null })).toBe(false);
  });
});
