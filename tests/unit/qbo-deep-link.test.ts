import { describe, expect, it } from 'vitest';
import { QboLinkError, qboListUrl, qboRecordUrl } from '@/lib/qbo/deep-link';
import { detectPage } from '@/lib/qbo/page-detect';
import { realmFromUrl } from '@/lib/qbo/realm';
import { PREFERRED_RECORD_ROUTE, QBO_ROUTES, type RecordRouteName } from '@/lib/qbo/routes';
import { parseSwitchCompanyUrl } from '@/lib/qbo/switch-company';

const recordRoutes = Object.entries(QBO_ROUTES).flatMap(([name, r]) =>
  r.kind === 'record' ? [[name as RecordRouteName, r.entityType] as const] : [],
);
const listTypes = Object.entries(QBO_ROUTES).flatMap(([name, r]) => (r.kind === 'list' ? [name] : []));

describe('qboRecordUrl', () => {
  it('builds the preferred page for common entity types', () => {
    expect(qboRecordUrl({ entityType: 'Invoice', qbId: '145' })).toBe('https://qbo.intuit.com/app/invoice?txnId=145');
    expect(qboRecordUrl({ entityType: 'Payment', qbId: '7' })).toBe('https://qbo.intuit.com/app/recvpayment?txnId=7');
    expect(qboRecordUrl({ entityType: 'Purchase', qbId: '8' })).toBe('https://qbo.intuit.com/app/expense?txnId=8');
    expect(qboRecordUrl({ entityType: 'JournalEntry', qbId: '9' })).toBe('https://qbo.intuit.com/app/journal?txnId=9');
    expect(qboRecordUrl({ entityType: 'Customer', qbId: '58' })).toBe('https://qbo.intuit.com/app/customerdetail?nameId=58');
    expect(qboRecordUrl({ entityType: 'Account', qbId: '35' })).toBe('https://qbo.intuit.com/app/register?accountId=35');
  });

  it.each(recordRoutes)('round trip through route %s (%s)', (route, entityType) => {
    const url = qboRecordUrl({ entityType, qbId: '4021', route, host: 'https://app.sandbox.qbo.intuit.com' });
    expect(url).not.toBeNull();
    expect(detectPage(url!)).toEqual({ kind: 'record', entityType, qbId: '4021', route });
  });

  it.each(Object.entries(PREFERRED_RECORD_ROUTE))('round trip for %s via its preferred route', (entityType, route) => {
    const url = qboRecordUrl({ entityType, qbId: '77' });
    expect(detectPage(url!)).toEqual({ kind: 'record', entityType, qbId: '77', route });
  });

  it('every record entity type except Item has a preferred route', () => {
    const types = new Set(recordRoutes.map(([, t]) => t));
    types.delete('Item');
    expect(new Set(Object.keys(PREFERRED_RECORD_ROUTE))).toEqual(types);
  });

  it('returns null for entity types with no known QBO page', () => {
    expect(qboRecordUrl({ entityType: 'Item', qbId: '4' })).toBeNull();
    expect(qboRecordUrl({ entityType: 'Class', qbId: '4' })).toBeNull();
    expect(qboRecordUrl({ entityType: 'toString', qbId: '4' })).toBeNull();
    expect(qboRecordUrl({ entityType: 'constructor', qbId: '4' })).toBeNull();
  });

  it('accepts a route override only when it shows that entity type', () => {
    expect(qboRecordUrl({ entityType: 'Purchase', qbId: '17', route: 'check' })).toBe(
      'https://qbo.intuit.com/app/check?txnId=17',
    );
    expect(() => qboRecordUrl({ entityType: 'Invoice', qbId: '1', route: 'bill' })).toThrow(QboLinkError);
    expect(() => qboRecordUrl({ entityType: 'Invoice', qbId: '1', route: 'customers' as RecordRouteName })).toThrow(
      /does not show Invoice/,
    );
  });

  it('uses the given host, as an origin or a bare host name', () => {
    expect(qboRecordUrl({ entityType: 'Bill', qbId: '2', host: 'app.qbo.intuit.com' })).toBe(
      'https://app.qbo.intuit.com/app/bill?txnId=2',
    );
    expect(qboRecordUrl({ entityType: 'Bill', qbId: '2', host: 'https://c50.sandbox.qbo.intuit.com/some/path' })).toBe(
      'https://c50.sandbox.qbo.intuit.com/app/bill?txnId=2',
    );
  });

  it.each([
    [{ entityType: 'Invoice', qbId: 'abc' }, /not a QuickBooks Online record id/],
    [{ entityType: 'Invoice', qbId: '' }, /record id/],
    [{ entityType: 'Invoice', qbId: '80000001-1234567890' }, /record id/],
    [{ entityType: 'Invoice', qbId: '5&txnId=6' }, /record id/],
    [{ entityType: 'Invoice', qbId: '5', realmId: '12ab' }, /realm/],
    [{ entityType: 'Invoice', qbId: '5', host: 'https://evil.com' }, /not a QuickBooks Online https host/],
    [{ entityType: 'Invoice', qbId: '5', host: 'http://qbo.intuit.com' }, /https host/],
    [{ entityType: 'Invoice', qbId: '5', host: 'qbo.intuit.com.evil.com' }, /https host/],
    [{ entityType: 'Invoice', qbId: '5', host: '::::' }, /https host/],
  ])('rejects bad input %o', (input, message) => {
    expect(() => qboRecordUrl(input)).toThrow(message);
  });

  it('normalises ids the same way detection does', () => {
    expect(qboRecordUrl({ entityType: 'Invoice', qbId: '0042' })).toBe('https://qbo.intuit.com/app/invoice?txnId=42');
  });
});

describe('qboRecordUrl with a realm', () => {
  it('wraps the link in a company switch when the current realm is unknown or different', () => {
    for (const currentRealmId of [undefined, null, '222']) {
      const url = qboRecordUrl({ entityType: 'Invoice', qbId: '145', realmId: '111', currentRealmId })!;
      const parsed = new URL(url);
      expect(parsed.origin + parsed.pathname).toBe('https://qbo.intuit.com/app/switchCompany');
      expect(parsed.searchParams.get('companyId')).toBe('111');
      expect(parsed.searchParams.get('navigationURL')).toBe('invoice?txnId=145');
      expect(realmFromUrl(url)).toBe('111');
      // The switch page itself shows no record; the target it names does.
      expect(detectPage(url)).toEqual({ kind: 'none' });
      const target = parseSwitchCompanyUrl(url);
      expect(target?.realmId).toBe('111');
      expect(detectPage(target!.next!)).toEqual({ kind: 'record', entityType: 'Invoice', qbId: '145', route: 'invoice' });
    }
  });

  it('links straight to the record when the tab already shows that realm', () => {
    expect(qboRecordUrl({ entityType: 'Invoice', qbId: '145', realmId: '111', currentRealmId: '111' })).toBe(
      'https://qbo.intuit.com/app/invoice?txnId=145',
    );
  });

  it.each(recordRoutes)('switch round trip through route %s', (route, entityType) => {
    const url = qboRecordUrl({ entityType, qbId: '31', route, realmId: '9130350000000001', host: 'app.qbo.intuit.com' })!;
    const target = parseSwitchCompanyUrl(url)!;
    expect(target.realmId).toBe('9130350000000001');
    expect(new URL(target.next!).hostname).toBe('app.qbo.intuit.com');
    expect(detectPage(target.next!)).toEqual({ kind: 'record', entityType, qbId: '31', route });
  });
});

describe('parseSwitchCompanyUrl', () => {
  it('accepts navigation targets with or without the /app/ prefix', () => {
    const a = parseSwitchCompanyUrl('https://qbo.intuit.com/app/switchCompany?companyId=1&navigationURL=bill%3FtxnId%3D2');
    const b = parseSwitchCompanyUrl('https://qbo.intuit.com/app/switchCompany?companyId=1&navigationURL=%2Fapp%2Fbill%3FtxnId%3D2');
    expect(a).toEqual({ realmId: '1', next: 'https://qbo.intuit.com/app/bill?txnId=2' });
    expect(b).toEqual(a);
  });

  it('never follows a navigation target on a foreign host', () => {
    expect(
      parseSwitchCompanyUrl('https://qbo.intuit.com/app/switchCompany?companyId=1&navigationURL=https%3A%2F%2Fevil.com%2Fapp%2Fbill'),
    ).toEqual({ realmId: '1', next: null });
    expect(
      parseSwitchCompanyUrl('https://qbo.intuit.com/app/switchCompany?companyId=1&navigationURL=%2F%2Fevil.com%2Fapp%2Fbill'),
    ).toEqual({ realmId: '1', next: null });
  });

  it('returns null for other pages and invalid realms', () => {
    expect(parseSwitchCompanyUrl('https://qbo.intuit.com/app/homepage?companyId=1')).toBeNull();
    expect(parseSwitchCompanyUrl('https://qbo.intuit.com/app/switchCompany?companyId=x')).toBeNull();
    expect(parseSwitchCompanyUrl('https://evil.com/app/switchCompany?companyId=1')).toBeNull();
  });
});

describe('qboListUrl', () => {
  it.each(listTypes)('%s round trips through detectPage', (listType) => {
    const page = detectPage(qboListUrl(listType));
    expect(page).toMatchObject({ kind: 'list', listType, route: listType });
  });

  it('builds on the given host', () => {
    expect(qboListUrl('customers', 'app.sandbox.qbo.intuit.com')).toBe('https://app.sandbox.qbo.intuit.com/app/customers');
    expect(qboListUrl('customers')).toBe('https://qbo.intuit.com/app/customers');
  });

  it('rejects unknown lists and record routes', () => {
    expect(() => qboListUrl('invoice')).toThrow(QboLinkError);
    expect(() => qboListUrl('Customers')).toThrow(/not a QuickBooks Online list page/);
    expect(() => qboListUrl('hasOwnProperty')).toThrow(QboLinkError);
    expect(() => qboListUrl('customers', 'https://evil.com')).toThrow(/https host/);
  });
});
