import { describe, expect, it } from 'vitest';
import { ALL_ENTRIES, canonicalCode, entryFor, fallbackFor, isGeneral, lookup } from '../../lib/errors/catalog/index';
import { QBO_ENTRIES, QBO_MESSAGES } from '../../lib/errors/catalog/qbo';
import { ERROR_CATEGORIES, type ErrorSystem } from '../../lib/errors/types';
import { fold } from '../../lib/errors/match-message';

const CODE_SHAPE: Record<ErrorSystem, RegExp> = {
  // Fault and gateway numbers, HTTP statuses, Intuit's OAuth 2.0 error names, network error names.
  qbo: /^(?:[1-9]\d*|HTTP[1-5]\d{2}|[a-z]+(?:_[a-z]+)+|E[A-Z]+(?:_[A-Z]+)*)$/,
  qbd: /^(?:0|[1-9]\d*)$/,
  sdk: /^0x[0-9a-f]{8}$/,
  qbwc: /^QBWC\d{4}$/,
  // The sync service's own: SL- plus upper-case words, or its QuickBooks Online client's lower-case names.
  synclens: /^(?:SL(?:-[A-Z]+)+|[a-z]+(?:-[a-z_]+)+)$/,
};

describe('catalog integrity (all systems)', () => {
  it('holds at least 120 entries across all catalog files', () => {
    expect(ALL_ENTRIES.length).toBeGreaterThanOrEqual(120);
  });

  it('has entries from every system', () => {
    const systems = new Set(ALL_ENTRIES.map((e) => e.system));
    expect([...systems].sort()).toEqual(['qbd', 'qbo', 'qbwc', 'sdk', 'synclens']);
  });

  it('has no duplicate (system, code)', () => {
    const keys = ALL_ENTRIES.map((e) => `${e.system}:${e.code}`);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it.each(ALL_ENTRIES.map((e) => [`${e.system}:${e.code}`, e] as const))('%s is complete', (_key, e) => {
    expect(e.code).toMatch(CODE_SHAPE[e.system]);
    expect(canonicalCode(e.system, e.code)).toBe(e.code);
    for (const text of [e.title, e.meaning, e.likelyCause]) {
      expect(text.trim().length).toBeGreaterThan(3);
      expect(text).not.toMatch(/<\/?[a-z][^>]*>/i); // rendered as text; markup would show literally
    }
    expect(e.steps.length).toBeGreaterThan(0);
    for (const step of e.steps) expect(step.trim().length).toBeGreaterThan(3);
    expect(ERROR_CATEGORIES).toContain(e.category);
    expect(typeof e.resyncAlone).toBe('boolean');
    expect(typeof e.clearIdFixes).toBe('boolean');
    if (e.helpUrl !== undefined) expect(new URL(e.helpUrl).protocol).toBe('https:');
  });
});

describe('QuickBooks Online catalog', () => {
  it('holds at least 60 fault codes', () => {
    expect(QBO_ENTRIES.length).toBeGreaterThanOrEqual(60);
    expect(QBO_ENTRIES.every((e) => e.system === 'qbo')).toBe(true);
  });

  it('gives every entry 2 to 6 steps', () => {
    const bad = QBO_ENTRIES.filter((e) => e.steps.length < 2 || e.steps.length > 6).map((e) => e.code);
    expect(bad).toEqual([]);
  });

  it.each([
    '100', '120', '500', '610', '620', '2010', '2020', '2030', '2050', '2090', '2170', '2190', '2200', '2210', '2220',
    '2230', '2240', '2250', '2260', '2270', '2280', '2290', '2300', '2500', '3001', '3100', '3200', '3202', '4000',
    '4001', '4002', '5010', '5020', '5030', '6000', '6140', '6190', '6210', '6240', '6430', '6540', '10000',
    'HTTP401', 'HTTP403', 'HTTP429', 'HTTP500', 'HTTP502', 'HTTP503', 'HTTP504', '6002', '6003', '7001', '6490', '6500', '6510',
    '24', '212', '270', 'invalid_grant', 'ECONNRESET', 'ETIMEDOUT',
  ])('lists %s', (code) => {
    expect(lookup('qbo', code)).toBeDefined();
  });

  it('offers Clear ID for a deleted record (610) and not for validation problems', () => {
    expect(lookup('qbo', '610')).toMatchObject({ clearIdFixes: true, category: 'deleted-or-inactive' });
    expect(lookup('qbo', '6240')).toMatchObject({ clearIdFixes: false, resyncAlone: false, category: 'duplicate' });
  });

  it('marks transient failures as fixable by Resync alone', () => {
    for (const code of ['3001', '5010', '10000', 'HTTP429', 'HTTP502', 'HTTP503', 'HTTP504', 'ECONNRESET', 'ETIMEDOUT'])
      expect(lookup('qbo', code)!.resyncAlone, code).toBe(true);
    for (const code of ['6210', '6190', '2210', 'invalid_grant', '7001']) expect(lookup('qbo', code)!.resyncAlone, code).toBe(false);
  });

  it('keeps QBO fault 500 and HTTP 500 apart', () => {
    expect(lookup('qbo', '500')!.title).not.toBe(lookup('qbo', 'HTTP500')!.title);
    expect(lookup('qbo', 'HTTP 500')).toBe(lookup('qbo', 'HTTP500'));
  });
});

describe('QuickBooks Online catalog: size and wordings', () => {
  it('holds at least 150 entries', () => {
    // Issue 9's brief asked for 190. Intuit's published QuickBooks Online table names 120 codes (all
    // here, with 6490-6510); real responses add the gateway's 3001/3100/3200/6002/6003/7001, the SDK
    // fixtures the retired connection API's 24/212/270, and Intuit's sign-in service its OAuth 2.0
    // error names. No further code with a public source could be found, and none is invented; the
    // floor keeps what we have from shrinking. Raise it as sourced codes are added.
    expect(QBO_ENTRIES.length).toBeGreaterThanOrEqual(150);
  });

  it('gives every entry at least one wording QuickBooks uses (messages)', () => {
    const without = QBO_ENTRIES.filter((e) => (e.messages ?? []).length === 0).map((e) => e.code);
    expect(without).toEqual([]);
  });

  it('lists wordings only for codes the catalog has', () => {
    const codes = new Set(QBO_ENTRIES.map((e) => e.code));
    expect(Object.keys(QBO_MESSAGES).filter((code) => !codes.has(code))).toEqual([]);
  });

  it('has no empty wording, no wording that is only wildcards, and no repeats within an entry', () => {
    for (const e of QBO_ENTRIES) {
      const messages = e.messages ?? [];
      expect(new Set(messages).size, `${e.code} repeats a wording`).toBe(messages.length);
      for (const m of messages) {
        expect(m, e.code).toBe(m.trim());
        // Something besides `*`, spaces and punctuation must be left to match on.
        expect(m.replace(/[*\s\p{P}]/gu, '').length, `${e.code}: "${m}"`).toBeGreaterThan(3);
        expect(m, e.code).not.toMatch(/\*\*/);
      }
    }
  });

  it('gives a wording to two codes only where Intuit uses it for both', () => {
    const byWording = new Map<string, string[]>();
    for (const e of QBO_ENTRIES) {
      for (const m of e.messages ?? []) {
        const key = m.toLowerCase().replace(/[^a-z0-9*]+/g, ' ').trim();
        byWording.set(key, [...(byWording.get(key) ?? []), e.code]);
      }
    }
    const shared = [...byWording].filter(([, codes]) => codes.length > 1);
    // Intuit's own table gives "Invalid TaxCodeRef Error" to both 6160 (create) and 6230 (update).
    expect(shared).toEqual([['invalid taxcoderef error', ['6160', '6230']]]);
  });

  it.each([
    ['6240', 'Duplicate Name Exists Error'],
    ['6240', 'The name supplied already exists. : *'],
    ['6140', 'Duplicate Document Number Error'],
    ['6140', 'You must specify a different number. This number has already been used. DocNumber=* is assigned to TxnType=* with TxnId=*'],
    ['5010', 'Stale Object Error'],
    ['5010', 'You and * were working on this at the same time. * finished before you did, so your work was not saved.'],
    ['6210', 'Account Period Closed, Cannot Update Through Services API'],
    ['2500', 'Invalid Reference Id'],
    ['2500', 'Invalid Reference Id : *'],
    ['2020', 'Required param missing, need to supply the required value for the API'],
    ['610', 'Object Not Found'],
    ['610', 'Object Not Found : Another user has deleted this transaction.'],
    ['3200', 'message=AuthenticationFailed; errorCode=003200; statusCode=401'],
    ['3001', 'message=ThrottleExceeded; errorCode=003001; statusCode=429'],
    ['3100', 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403'],
    ['6000', 'A business validation error has occurred while processing your request'],
    ['10000', 'An application error has occurred while processing your request'],
    ['invalid_grant', '{"error":"invalid_grant"}'],
    ['invalid_grant', 'Incorrect or invalid refresh token'],
    ['HTTP502', '502 Bad Gateway'],
    ['HTTP503', '503 Service Temporarily Unavailable'],
    ['HTTP504', '504 Gateway Time-out'],
    ['ECONNRESET', 'socket hang up'],
    ['ECONNRESET', 'read ECONNRESET'],
    ['ETIMEDOUT', 'connect ETIMEDOUT *'],
    ['6002', 'message=GatewayTimeout; errorCode=006002; statusCode=504'],
  ])('%s keeps the wording %j', (code, wording) => {
    expect(lookup('qbo', code)?.messages ?? []).toContain(wording);
  });
});

describe('QuickBooks Online catalog: sign-in and transport failures (issue 9 §4)', () => {
  const OAUTH = [
    'invalid_grant',
    'invalid_client',
    'unauthorized_client',
    'access_denied',
    'invalid_request',
    'invalid_scope',
    'unsupported_grant_type',
    'unsupported_response_type',
  ];
  const INTUIT_TROUBLE = ['HTTP502', 'HTTP503', 'HTTP504', '6002', '6003'];
  const NETWORK = ['ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

  it.each(OAUTH)('%s is a connection problem that a retry alone does not fix', (code) => {
    expect(lookup('qbo', code)).toMatchObject({ system: 'qbo', code, category: 'connection', resyncAlone: false, clearIdFixes: false });
  });

  it('says a dead refresh token means reconnecting QuickBooks', () => {
    const entry = lookup('qbo', 'invalid_grant')!;
    expect(entry.steps.join(' ')).toMatch(/reconnect QuickBooks/);
    expect(entry.likelyCause).toMatch(/100 days/);
  });

  it.each(INTUIT_TROUBLE)('%s is Intuit having trouble: wait and retry', (code) => {
    expect(lookup('qbo', code)).toMatchObject({ category: 'quickbooks-busy', resyncAlone: true, clearIdFixes: false });
  });

  it.each(NETWORK)('%s is a cut or slow connection to Intuit: retry', (code) => {
    expect(lookup('qbo', code)).toMatchObject({ category: 'connection', resyncAlone: true, clearIdFixes: false });
  });

  it.each([...INTUIT_TROUBLE, ...NETWORK])('%s is never explained as an unsupported operation or a bookkeeping rule', (code) => {
    const entry = lookup('qbo', code)!;
    const text = [entry.title, entry.meaning, entry.likelyCause].join(' ');
    expect(text).not.toMatch(/not supported|unsupported|business rule|bookkeeping rule/i);
    expect(entry.title).not.toBe(lookup('qbo', '500')!.title);
  });

  it.each([
    ['HTTP 502', 'HTTP502'],
    ['http-504', 'HTTP504'],
    ['006002', '6002'],
    ['006003', '6003'],
    ['007001', '7001'],
    [' invalid_grant ', 'invalid_grant'],
    ['ECONNRESET', 'ECONNRESET'],
  ])('lookup finds %j as %s', (given, code) => {
    expect(lookup('qbo', given)?.code).toBe(code);
  });
});

describe('lookup canonicalises codes', () => {
  it.each([
    ['qbo', '003200', '3200'],
    ['qbo', ' 6240 ', '6240'],
    ['qbo', 'http-401', 'HTTP401'],
    ['qbd', '03100', '3100'],
    ['sdk', '80040408', '0x80040408'],
    ['sdk', '0X80040408', '0x80040408'],
    ['sdk', '8004 0408', '0x80040408'],
    ['sdk', '-2147220472', '0x80040408'],
    ['sdk', '2147746824', '0x80040408'],
    ['qbwc', 'qbwc1039', 'QBWC1039'],
    ['qbwc', 'QBWC 1039', 'QBWC1039'],
    ['qbwc', '1039', 'QBWC1039'],
  ] as const)('%s %j → %s', (system, code, canonical) => {
    expect(canonicalCode(system, code)).toBe(canonical);
  });

  it('finds the same entry through any spelling', () => {
    expect(lookup('qbo', '003200')).toBe(lookup('qbo', '3200'));
    expect(lookup('sdk', '-2147220472')).toBe(lookup('sdk', '0x80040408'));
    expect(lookup('sdk', '0x80040408')).toBeDefined();
    expect(lookup('qbwc', 'qbwc1039')).toBe(lookup('qbwc', 'QBWC1039'));
    expect(lookup('qbwc', 'QBWC1039')).toBeDefined();
  });

  it('returns undefined for unknown codes', () => {
    expect(lookup('qbo', '6999')).toBeUndefined();
    expect(lookup('qbo', 'nonsense')).toBeUndefined();
  });
});

describe('the system decides colliding codes', () => {
  it.each(['3200', '3100', '500'])('%s means different things in QBO and QBD', (code) => {
    const online = lookup('qbo', code);
    const desktop = lookup('qbd', code);
    expect(online).toBeDefined();
    expect(desktop).toBeDefined();
    expect(online!.system).toBe('qbo');
    expect(desktop!.system).toBe('qbd');
    expect(online!.title).not.toBe(desktop!.title);
  });

  it('QBO 3200 is a sign-in problem, QBD 3200 an outdated copy', () => {
    expect(lookup('qbo', '3200')!.category).toBe('connection');
    expect(lookup('qbd', '3200')!.category).toBe('stale-copy');
  });

  it('QBO 3100 is about authorization, QBD 3100 a duplicate name', () => {
    expect(lookup('qbo', '3100')!.category).toBe('connection');
    expect(lookup('qbd', '3100')!.category).toBe('duplicate');
  });
});

describe('fallbackFor explains unknown codes by range', () => {
  it.each([
    ['qbo', '499', 'connection', 'error'],
    ['qbo', '2999', 'validation', 'error'],
    ['qbo', '3999', 'connection', 'error'],
    ['qbo', '5999', 'stale-copy', 'error'],
    ['qbo', '6999', 'validation', 'error'],
    ['qbo', '10500', 'system', 'error'],
    ['qbo', 'HTTP418', 'validation', 'error'],
    ['qbo', 'HTTP502', 'system', 'error'],
    ['qbd', '7', 'system', 'info'],
    ['qbd', '599', 'validation', 'warn'],
    ['qbd', '3099', 'validation', 'error'],
    ['qbd', '3199', 'missing-reference', 'error'],
    ['qbd', '9150', 'system', 'error'],
    ['qbd', '9500', 'system', 'error'],
    ['sdk', '0x8004ffff', 'connection', 'error'],
    ['sdk', '0x80070005', 'system', 'error'],
    ['qbwc', 'QBWC1999', 'connection', 'error'],
  ] as const)('%s %s → %s (%s)', (system, code, category, severity) => {
    const entry = fallbackFor(system, code);
    expect(entry).toMatchObject({ system, code, general: true, category, severity, clearIdFixes: false });
    expect(entry.title).toContain(code);
    expect(entry.meaning).toMatch(/^General explanation/);
    expect(entry.steps.length).toBeGreaterThan(0);
  });

  it('keeps the raw code as given', () => {
    const entry = fallbackFor('qbo', '006999');
    expect(entry.code).toBe('6999');
    expect(entry.rawCode).toBe('006999');
  });

  it('gives different help for neighbouring ranges', () => {
    expect(fallbackFor('qbo', '2999').title).not.toBe(fallbackFor('qbo', '6999').title);
    expect(fallbackFor('qbd', '3150').title).not.toBe(fallbackFor('qbd', '3050').title);
  });

  it('marks Intuit-side and connection failures as retryable', () => {
    expect(fallbackFor('qbo', '10999').resyncAlone).toBe(true);
    expect(fallbackFor('sdk', '0x8004ffff').resyncAlone).toBe(true);
    expect(fallbackFor('qbo', '2999').resyncAlone).toBe(false);
  });

  it('entryFor prefers the exact entry and falls back otherwise', () => {
    expect(isGeneral(entryFor('qbo', '6240'))).toBe(false);
    expect(entryFor('qbo', '6240')).toBe(lookup('qbo', '6240'));
    expect(isGeneral(entryFor('qbo', '6999'))).toBe(true);
  });
});

describe('explanations in their own words (issue 9)', () => {
  it('no entry\'s title repeats one of QuickBooks\' wordings for it', () => {
    const echoes = ALL_ENTRIES.filter((e) =>
      (e.messages ?? []).some((m) => {
        const wording = fold(m.replace(/\*/g, ' '));
        const title = fold(e.title);
        return wording === title || (title.split(' ').length >= 3 && wording.includes(title));
      }),
    ).map((e) => `${e.system}:${e.code} "${e.title}"`);
    expect(echoes).toEqual([]);
  });
});
