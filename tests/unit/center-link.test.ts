import { describe, expect, it } from 'vitest';
import { centerHash, centerPath, parseCenterHash } from '@/lib/center/center-link';

describe('Sync Center links', () => {
  it('round-trips tab, company and the failures-since time', () => {
    const link = { tab: 'unsynced' as const, companyId: 'evergreen', failedSince: '2026-11-26T07:00:00.000Z' };
    expect(parseCenterHash(centerHash(link))).toEqual(link);
    expect(centerPath(link)).toMatch(/^\/sidepanel\.html#tab=unsynced&company=evergreen&since=/);
    expect(centerPath()).toBe('/sidepanel.html');
  });

  it('drops unknown tabs, bad times and control characters', () => {
    expect(parseCenterHash('#tab=admin&company=%00x&since=yesterday')).toEqual({});
    expect(parseCenterHash('')).toEqual({});
  });
});
