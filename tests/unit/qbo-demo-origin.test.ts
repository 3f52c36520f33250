/**
 * The demo-only QuickBooks Online stand-in (lib/qbo/demo-origin.ts): a build made with
 * SYNCLENS_DEMO_QBO_ORIGIN accepts exactly that loopback origin as a QBO host; every other build
 * accepts exactly what it accepted before. The build variable reaches the code as a Vite define,
 * which these tests stand in for with a stubbed global of the same name.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoQboOrigin, parseDemoQboOrigin, qboMatchPatterns } from '@/lib/qbo/demo-origin';
import { isQboUrl, parseQboUrl } from '@/lib/qbo/hosts';
import { detectPage, recordFromHref } from '@/lib/qbo/page-detect';
import { realmFromUrl } from '@/lib/qbo/realm';
import { qboRecordUrl } from '@/lib/qbo/deep-link';
import { parseSwitchCompanyUrl } from '@/lib/qbo/switch-company';
import { cookieRealm } from '@/lib/records/tab-company';

const DEMO = 'http://127.0.0.1:8790';
const useDemoBuild = (origin: string) => vi.stubGlobal('__SYNCLENS_DEMO_QBO_ORIGIN__', origin);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** URLs whose verdict must not change in a build without the variable. */
const PRODUCTION_VERDICTS: [string, boolean][] = [
  ['https://qbo.intuit.com/app/invoice?txnId=1', true],
  ['https://app.qbo.intuit.com/app/homepage', true],
  ['https://c15.qbo.intuit.com/app/bill?txnId=3', true],
  ['https://app.sandbox.qbo.intuit.com/app/customers', true],
  ['http://qbo.intuit.com/app/homepage', false],
  ['https://qbo.intuit.com:8443/app/homepage', false],
  ['https://evilqbo.intuit.com/app/homepage', false],
  ['http://127.0.0.1:8790/app/invoice?txnId=1', false],
  ['http://localhost:8790/app/invoice?txnId=1', false],
  ['https://127.0.0.1/app/invoice?txnId=1', false],
];

describe('parseDemoQboOrigin (the build variable)', () => {
  it('is null when unset or blank', () => {
    expect(parseDemoQboOrigin(undefined)).toBeNull();
    expect(parseDemoQboOrigin('')).toBeNull();
    expect(parseDemoQboOrigin('  ')).toBeNull();
  });

  it('takes a bare loopback origin, in canonical form', () => {
    expect(parseDemoQboOrigin('http://127.0.0.1:8790')).toBe(DEMO);
    expect(parseDemoQboOrigin('http://127.0.0.1:8790/')).toBe(DEMO);
    expect(parseDemoQboOrigin('HTTP://LOCALHOST:8790')).toBe('http://localhost:8790');
    expect(parseDemoQboOrigin('https://127.0.0.2')).toBe('https://127.0.0.2');
    expect(parseDemoQboOrigin('http://[::1]:8790')).toBe('http://[::1]:8790');
  });

  it.each([
    ['not a url', /not a URL/],
    ['ftp://127.0.0.1:8790', /http or https/],
    ['http://127.0.0.1:8790/app', /bare origin/],
    ['http://127.0.0.1:8790/?x=1', /bare origin/],
    ['http://user:pw@127.0.0.1:8790', /bare origin/],
    ['http://qbo-emulator.example.com:8790', /this machine/],
    ['https://qbo.intuit.com', /this machine/],
    ['http://127.0.0.1.evil.com:8790', /this machine/],
  ])('refuses %s with a clear error (the build fails)', (raw, message) => {
    expect(() => parseDemoQboOrigin(raw)).toThrow(message);
  });
});

describe('a normal build (no SYNCLENS_DEMO_QBO_ORIGIN)', () => {
  it('has no demo origin and only the production match pattern', () => {
    expect(demoQboOrigin()).toBeNull();
    expect(qboMatchPatterns()).toEqual(['https://*.qbo.intuit.com/*']);
  });

  it.each(PRODUCTION_VERDICTS)('keeps the allowlist unchanged: %s → %s', (raw, accepted) => {
    expect(isQboUrl(new URL(raw))).toBe(accepted);
  });

  it('sees nothing on a local emulator page', async () => {
    expect(detectPage(`${DEMO}/app/invoice?txnId=101`)).toEqual({ kind: 'none', reason: 'not-qbo' });
    expect(realmFromUrl(`${DEMO}/app/switchCompany?companyId=9130355`)).toBeNull();
    const get = vi.spyOn(fakeBrowser.cookies, 'get');
    expect(await cookieRealm(`${DEMO}/app/invoice?txnId=101`)).toBeNull();
    expect(get).not.toHaveBeenCalled();
  });
});

describe('a demo build (SYNCLENS_DEMO_QBO_ORIGIN=http://127.0.0.1:8790)', () => {
  it('accepts exactly that origin, and nothing near it', () => {
    useDemoBuild(DEMO);
    expect(demoQboOrigin()).toBe(DEMO);
    expect(isQboUrl(new URL(`${DEMO}/app/homepage`))).toBe(true);
    for (const near of [
      'http://127.0.0.1:8791/app/homepage', // another local service
      'http://127.0.0.1/app/homepage',
      'https://127.0.0.1:8790/app/homepage',
      'http://localhost:8790/app/homepage', // same machine, another origin
      'http://user:pw@127.0.0.1:8790/app/homepage',
    ]) {
      expect(isQboUrl(new URL(near)), near).toBe(false);
    }
  });

  it.each(PRODUCTION_VERDICTS.filter(([raw]) => !raw.startsWith(DEMO)))('keeps every production verdict: %s → %s', (raw, accepted) => {
    useDemoBuild(DEMO);
    expect(isQboUrl(new URL(raw))).toBe(accepted);
  });

  it('detects records, lists and row links on the emulator’s pages', () => {
    useDemoBuild(DEMO);
    expect(detectPage(`${DEMO}/app/invoice?txnId=101`)).toEqual({ kind: 'record', entityType: 'Invoice', qbId: '101', route: 'invoice' });
    expect(detectPage(`${DEMO}/app/customers`)).toMatchObject({ kind: 'list', entityTypes: ['Customer'] });
    expect(recordFromHref('/app/customerdetail?nameId=58', `${DEMO}/app/customers`)).toEqual({ entityType: 'Customer', qbId: '58' });
    expect(recordFromHref('http://127.0.0.1:9999/app/customerdetail?nameId=58', `${DEMO}/app/customers`)).toBeNull();
  });

  it('reads the realm of a company switch and builds links that stay on the emulator', () => {
    useDemoBuild(DEMO);
    expect(realmFromUrl(`${DEMO}/app/switchCompany?companyId=9130355`)).toBe('9130355');
    expect(parseSwitchCompanyUrl(`${DEMO}/app/switchCompany?companyId=9130355&navigationURL=invoice%3FtxnId%3D5`)).toEqual({
      realmId: '9130355',
      next: `${DEMO}/app/invoice?txnId=5`,
    });
    // A switch on the emulator may not send the tab to another local origin.
    expect(parseSwitchCompanyUrl(`${DEMO}/app/switchCompany?companyId=1&navigationURL=http%3A%2F%2F127.0.0.1%3A9999%2F`)?.next).toBeNull();
    expect(qboRecordUrl({ entityType: 'Invoice', qbId: '7', host: DEMO })).toBe(`${DEMO}/app/invoice?txnId=7`);
    expect(parseQboUrl('/app/items', `${DEMO}/app/homepage`)?.origin).toBe(DEMO);
  });

  it('reads the realm cookie on the emulator’s origin through the cookies API', async () => {
    useDemoBuild(DEMO);
    const get = vi.spyOn(fakeBrowser.cookies, 'get').mockImplementation((async () => ({ name: 'qbo.currentcompanyid', value: '9130355' })) as never);
    expect(await cookieRealm(`${DEMO}/app/invoice?txnId=101`)).toBe('9130355');
    expect(get).toHaveBeenCalledWith({ url: `${DEMO}/`, name: 'qbo.currentcompanyid' });
    expect(await cookieRealm('http://127.0.0.1:9999/app/invoice?txnId=101')).toBeNull();
  });

  it('adds the origin, with its port, to the match patterns', () => {
    useDemoBuild(DEMO);
    expect(qboMatchPatterns()).toEqual(['https://*.qbo.intuit.com/*', `${DEMO}/*`]);
  });

  it('treats a malformed injected value as no demo origin', () => {
    useDemoBuild('https://example.com');
    expect(demoQboOrigin()).toBeNull();
    expect(isQboUrl(new URL('https://example.com/app/homepage'))).toBe(false);
  });
});
