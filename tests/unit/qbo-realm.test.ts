import { describe, expect, it } from 'vitest';
import {
  chooseCompany,
  realmFromCookieHeader,
  realmFromCookieValue,
  realmFromShellContextCookie,
  realmFromUrl,
  storedChoiceMatters,
  type FollowedCompany,
} from '@/lib/qbo/realm';

describe('realmFromUrl', () => {
  it.each([
    ['https://qbo.intuit.com/app/switchCompany?companyId=9130350000000001', '9130350000000001'],
    ['https://qbo.intuit.com/app/switchCompany?companyId=123&navigationURL=invoice%3FtxnId%3D5', '123'],
    ['https://qbo.intuit.com/app/switchcompany?companyid=123', '123'],
    ['https://qbo.intuit.com/app/multiEntitySwitchCompany?companyId=456', '456'],
    ['https://app.qbo.intuit.com/app/homepage?companyId=789', '789'],
    ['https://qbo.intuit.com/app/banking?jobId=accounting&realmId=321', '321'],
    ['https://qbo.intuit.com/app/vendorcredit?txnId=5&companyId=55', '55'],
    ['https://qbo.intuit.com/app/homepage?companyId=77&realmId=77', '77'],
  ])('%s → %s', (url, realm) => {
    expect(realmFromUrl(url)).toBe(realm);
  });

  it('accepts URL objects', () => {
    expect(realmFromUrl(new URL('https://qbo.intuit.com/app/homepage?companyId=42'))).toBe('42');
  });

  it.each([
    'https://qbo.intuit.com/app/invoice?txnId=5', // normal app URLs carry no realm
    'https://qbo.intuit.com/app/homepage?companyId=abc',
    'https://qbo.intuit.com/app/homepage?companyId=',
    'https://qbo.intuit.com/app/homepage?companyId=1&companyId=2',
    'https://qbo.intuit.com/app/homepage?companyId=1&realmId=2',
    'https://qbo.intuit.com/app/switchCompany',
    'https://qbo.intuit.com/app/switchCompany?companyId=12x',
    'https://evil.com/app/switchCompany?companyId=123',
    'http://qbo.intuit.com/app/switchCompany?companyId=123',
    'not a url',
  ])('%s → null', (url) => {
    expect(realmFromUrl(url)).toBeNull();
  });
});

describe('realm cookies', () => {
  it('reads qbo.currentcompanyid values, digits only', () => {
    expect(realmFromCookieValue('9130350000000001')).toBe('9130350000000001');
    expect(realmFromCookieValue(' 123 ')).toBe('123');
    expect(realmFromCookieValue('"123"')).toBe('123');
    expect(realmFromCookieValue('123abc')).toBeNull();
    expect(realmFromCookieValue('')).toBeNull();
    expect(realmFromCookieValue('%E0%A4%A')).toBeNull();
    expect(realmFromCookieValue('1'.repeat(21))).toBeNull();
    expect(realmFromCookieValue(null)).toBeNull();
    expect(realmFromCookieValue(undefined)).toBeNull();
  });

  it('reads companyId inside shell.ctx.id', () => {
    expect(realmFromShellContextCookie('env=prod&companyId=4620816365&user=1')).toBe('4620816365');
    expect(realmFromShellContextCookie('env%3Dprod%26companyId%3D42')).toBe('42');
    expect(realmFromShellContextCookie('parentcompanyId=42')).toBeNull();
    expect(realmFromShellContextCookie('companyId=1&companyId=2')).toBeNull();
    expect(realmFromShellContextCookie('companyId=1&companyId=1')).toBe('1');
    expect(realmFromShellContextCookie('nothing here')).toBeNull();
  });

  it('reads a document.cookie string, preferring qbo.currentcompanyid', () => {
    expect(realmFromCookieHeader('a=1; qbo.currentcompanyid=555; shell.ctx.id=companyId%3D666')).toBe('555');
    expect(realmFromCookieHeader('a=1; shell.ctx.id=companyId%3D666')).toBe('666');
    expect(realmFromCookieHeader('qbo.currentcompanyid=bad; shell.ctx.id=companyId=666')).toBe('666');
    expect(realmFromCookieHeader('qbo.currentcompanyidx=555')).toBeNull();
    expect(realmFromCookieHeader('')).toBeNull();
    expect(realmFromCookieHeader(undefined)).toBeNull();
  });
});

describe('chooseCompany', () => {
  const greenside: FollowedCompany = { id: 'c-green', realmId: '111', system: 'qbo' };
  const oakTree: FollowedCompany = { id: 'c-oak', realmId: '222', system: 'qbo' };
  const desktop: FollowedCompany = { id: 'c-desk', realmId: null, system: 'qbd' };
  const desktopWithRealm: FollowedCompany = { id: 'c-desk2', realmId: '111', system: 'qbd' };

  it('no followed QBO company → no-qbo-company, whatever the signals', () => {
    expect(chooseCompany({ signals: {}, companies: [] })).toEqual({ none: 'no-qbo-company' });
    expect(chooseCompany({ signals: { cookie: '111' }, companies: [desktop, desktopWithRealm] })).toEqual({
      none: 'no-qbo-company',
    });
  });

  it('when the URL and the cookie disagree, the cookie wins (a crafted link cannot pick another company)', () => {
    expect(chooseCompany({ signals: { url: '222', cookie: '111' }, companies: [greenside, oakTree] })).toEqual({
      companyId: 'c-green',
      how: 'cookie',
    });
    // Even when the URL names a followed company and the cookie one SyncLens does not follow.
    expect(chooseCompany({ signals: { url: '222', cookie: '999' }, companies: [greenside, oakTree] })).toEqual({
      none: 'realm-not-followed',
    });
  });

  it('a URL realm decides only when there is no cookie', () => {
    expect(chooseCompany({ signals: { url: '222' }, companies: [greenside, oakTree] })).toEqual({ companyId: 'c-oak', how: 'url' });
    expect(chooseCompany({ signals: { url: '222', cookie: 'garbage' }, companies: [greenside, oakTree] })).toEqual({
      companyId: 'c-oak',
      how: 'url',
    });
  });

  it('the cookie decides when the URL has no realm', () => {
    expect(chooseCompany({ signals: { cookie: '111' }, companies: [greenside, oakTree] })).toEqual({
      companyId: 'c-green',
      how: 'cookie',
    });
  });

  it('a realm signal that matches no followed company → realm-not-followed, even with one company or a stored choice', () => {
    expect(chooseCompany({ signals: { cookie: '999' }, companies: [greenside] })).toEqual({ none: 'realm-not-followed' });
    expect(chooseCompany({ signals: { url: '111', cookie: '999' }, companies: [greenside] })).toEqual({
      none: 'realm-not-followed',
    });
    expect(chooseCompany({ signals: { cookie: '999', stored: 'c-green' }, companies: [greenside, oakTree] })).toEqual({
      none: 'realm-not-followed',
    });
  });

  it('a Desktop company never matches a realm signal', () => {
    expect(chooseCompany({ signals: { cookie: '111' }, companies: [desktopWithRealm, oakTree] })).toEqual({
      none: 'realm-not-followed',
    });
  });

  it('one QBO company and no signal → only-one', () => {
    expect(chooseCompany({ signals: {}, companies: [desktop, greenside] })).toEqual({ companyId: 'c-green', how: 'only-one' });
  });

  it('several and no signal → picker with the QBO companies only', () => {
    expect(chooseCompany({ signals: {}, companies: [greenside, desktop, oakTree] })).toEqual({
      need: 'picker',
      candidates: [greenside, oakTree],
    });
  });

  it('several and no signal but a stored choice for the tab → stored', () => {
    expect(chooseCompany({ signals: { stored: 'c-oak' }, companies: [greenside, oakTree] })).toEqual({
      companyId: 'c-oak',
      how: 'stored',
    });
  });

  it('a stored choice that is no longer followed is ignored', () => {
    expect(chooseCompany({ signals: { stored: 'c-gone' }, companies: [greenside, oakTree] })).toEqual({
      need: 'picker',
      candidates: [greenside, oakTree],
    });
    expect(chooseCompany({ signals: { stored: 'c-desk' }, companies: [desktop, greenside] })).toEqual({
      companyId: 'c-green',
      how: 'only-one',
    });
  });

  it('malformed signals are ignored as if absent', () => {
    expect(chooseCompany({ signals: { url: 'abc', cookie: '' }, companies: [greenside] })).toEqual({
      companyId: 'c-green',
      how: 'only-one',
    });
    expect(chooseCompany({ signals: { url: 'abc', cookie: '222' }, companies: [greenside, oakTree] })).toEqual({
      companyId: 'c-oak',
      how: 'cookie',
    });
  });

  it('two followed companies with the same realm → picker among them, settled by a stored choice', () => {
    const twin = { id: 'c-green-2', realmId: '111', system: 'qbo' as const };
    expect(chooseCompany({ signals: { cookie: '111' }, companies: [greenside, oakTree, twin] })).toEqual({
      need: 'picker',
      candidates: [greenside, twin],
    });
    expect(chooseCompany({ signals: { cookie: '111', stored: 'c-green-2' }, companies: [greenside, oakTree, twin] })).toEqual({
      companyId: 'c-green-2',
      how: 'stored',
    });
    // A stored choice outside the matching realm does not override the signal.
    expect(chooseCompany({ signals: { cookie: '111', stored: 'c-oak' }, companies: [greenside, oakTree, twin] })).toEqual({
      need: 'picker',
      candidates: [greenside, twin],
    });
  });

  it('companies without a system field count as QBO when they have a realm', () => {
    expect(chooseCompany({ signals: { cookie: '5' }, companies: [{ id: 'x', realmId: '5' }, { id: 'y' }] })).toEqual({
      companyId: 'x',
      how: 'cookie',
    });
  });

  it('works end to end from raw page signals', () => {
    const signals = {
      url: realmFromUrl('https://qbo.intuit.com/app/invoice?txnId=5'),
      cookie: realmFromCookieHeader('qbo.currentcompanyid=222; other=1'),
    };
    expect(chooseCompany({ signals, companies: [greenside, oakTree] })).toEqual({ companyId: 'c-oak', how: 'cookie' });
  });
});

describe('storedChoiceMatters', () => {
  const companies: FollowedCompany[] = [
    { id: 'c-green', realmId: '111', system: 'qbo' },
    { id: 'c-oak', realmId: '222', system: 'qbo' },
    { id: 'c-oak-2', realmId: '222', system: 'qbo' }, // the same realm through a second service
    { id: 'c-desk', realmId: '111', system: 'qbd' },
  ];
  const realms = [undefined, null, 'garbage', '111', '222', '999'];
  const picks = [null, 'c-green', 'c-oak', 'c-oak-2', 'c-desk', 'c-gone'];

  it('says no only where the stored choice cannot change chooseCompany (the background then does not read it)', () => {
    for (const list of [companies, companies.slice(0, 2), companies.slice(0, 1), []]) {
      for (const cookie of realms) {
        for (const url of realms) {
          const signals = { cookie, url };
          if (storedChoiceMatters({ signals, companies: list })) continue;
          const without = chooseCompany({ signals, companies: list });
          for (const stored of picks) expect(chooseCompany({ signals: { ...signals, stored }, companies: list })).toEqual(without);
        }
      }
    }
  });

  it('says yes without a realm, and for a realm several followed companies share', () => {
    expect(storedChoiceMatters({ signals: {}, companies })).toBe(true);
    expect(storedChoiceMatters({ signals: { cookie: 'garbage' }, companies })).toBe(true);
    expect(storedChoiceMatters({ signals: { cookie: '222' }, companies })).toBe(true);
    expect(storedChoiceMatters({ signals: { url: '222' }, companies })).toBe(true);
    expect(storedChoiceMatters({ signals: { cookie: '111', url: '222' }, companies })).toBe(false);
    expect(storedChoiceMatters({ signals: { cookie: '999' }, companies })).toBe(false);
  });
});
