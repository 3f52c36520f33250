import { describe, expect, it } from 'vitest';
import { isQboHost, isQboUrl, isSandboxHost, parseQboUrl } from '@/lib/qbo/hosts';

describe('isQboHost', () => {
  it.each([
    'qbo.intuit.com',
    'app.qbo.intuit.com',
    'c1.qbo.intuit.com',
    'c15.qbo.intuit.com',
    'c40.qbo.intuit.com',
    'sandbox.qbo.intuit.com',
    'app.sandbox.qbo.intuit.com',
    'c50.sandbox.qbo.intuit.com',
    'QBO.Intuit.COM',
    'qbo.intuit.com.',
  ])('accepts %s', (host) => {
    expect(isQboHost(host)).toBe(true);
  });

  it.each([
    'qbo.intuit.com.evil.com',
    'evilqbo.intuit.com',
    'evil-qbo.intuit.com',
    'qbo-intuit.com',
    'intuit.com',
    'quickbooks.intuit.com',
    'app.qbo.intuit.co',
    'x.app.qbo.intuit.com',
    'cx.qbo.intuit.com',
    'c1234.qbo.intuit.com',
    'e2e.qbo.intuit.com',
    'sandbox.app.qbo.intuit.com',
    'qbo.intuit.com:443',
    '',
  ])('rejects %s', (host) => {
    expect(isQboHost(host)).toBe(false);
  });

  it('rejects non-strings without throwing', () => {
    expect(isQboHost(undefined as unknown as string)).toBe(false);
    expect(isQboHost(42 as unknown as string)).toBe(false);
  });
});

describe('isSandboxHost', () => {
  it('tells sandbox hosts from production ones', () => {
    expect(isSandboxHost('app.sandbox.qbo.intuit.com')).toBe(true);
    expect(isSandboxHost('c50.sandbox.qbo.intuit.com')).toBe(true);
    expect(isSandboxHost('sandbox.qbo.intuit.com')).toBe(true);
    expect(isSandboxHost('app.qbo.intuit.com')).toBe(false);
    expect(isSandboxHost('sandbox.qbo.intuit.com.evil.com')).toBe(false);
  });
});

describe('isQboUrl / parseQboUrl', () => {
  it('requires https, the default port and no credentials', () => {
    expect(isQboUrl(new URL('https://qbo.intuit.com/app/homepage'))).toBe(true);
    expect(isQboUrl(new URL('https://qbo.intuit.com:443/app/homepage'))).toBe(true);
    expect(isQboUrl(new URL('http://qbo.intuit.com/app/homepage'))).toBe(false);
    expect(isQboUrl(new URL('https://qbo.intuit.com:8443/app/homepage'))).toBe(false);
    expect(isQboUrl(new URL('https://user:pw@qbo.intuit.com/app/homepage'))).toBe(false);
    expect(isQboUrl(new URL('https://qbo.intuit.com@evil.com/app/homepage'))).toBe(false);
  });

  it('returns null for strings that are not URLs instead of throwing', () => {
    expect(parseQboUrl('not a url')).toBeNull();
    expect(parseQboUrl('')).toBeNull();
    expect(parseQboUrl('javascript:alert(1)')).toBeNull();
    expect(parseQboUrl('/app/invoice?txnId=1', 'https://app.qbo.intuit.com/app/invoices')?.hostname).toBe(
      'app.qbo.intuit.com',
    );
  });
});
