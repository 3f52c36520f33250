import { describe, expect, it } from 'vitest';
import { bestError, classifyCode, normalizeError, type NormalizedError, type NormalizeOptions } from '../../lib/errors/normalize';
import { explainText } from '../../lib/errors/explanation-view';

interface Case {
  name: string;
  input: unknown;
  opts?: NormalizeOptions;
  /** Expected fields of the best (first) error. */
  expect: Partial<NormalizedError> & Pick<NormalizedError, 'system' | 'code'>;
  /** How many errors the input holds, when more than one. */
  count?: number;
}

const fault = (code: string, message: string, detail: string, type = 'ValidationFault', element = '') => ({
  Fault: { Error: [{ Message: message, Detail: detail, code, element }], type },
  time: '2026-05-02T09:17:31.892-07:00',
});

const CASES: Case[] = [
  // ---------------------------------------------------------------- QBO Fault JSON
  {
    name: 'Fault JSON, documented casing',
    input: fault('6240', 'Duplicate Name Exists Error', 'The name supplied already exists. : Another customer, vendor or employee is already using this name.'),
    expect: { system: 'qbo', code: '6240', message: 'Duplicate Name Exists Error', faultType: 'ValidationFault', severity: 'error' },
  },
  {
    name: 'Fault JSON as a JSON string',
    input: JSON.stringify(fault('610', 'Object Not Found', 'Another user has deleted this transaction.')),
    expect: { system: 'qbo', code: '610', message: 'Object Not Found', detail: 'Another user has deleted this transaction.' },
  },
  {
    name: 'Fault JSON with element',
    input: fault('2500', 'Invalid Reference Id', 'Invalid Reference Id : Item assigned to this transaction has been deleted.', 'ValidationFault', 'Line.SalesItemLineDetail.ItemRef'),
    expect: { system: 'qbo', code: '2500', element: 'Line.SalesItemLineDetail.ItemRef' },
  },
  {
    name: 'lower-case gateway fault with code',
    input: { fault: { error: [{ message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', detail: 'Token expired', code: '3200' }], type: 'AUTHENTICATION' } },
    expect: { system: 'qbo', code: '3200', detail: 'Token expired', faultType: 'AUTHENTICATION' },
  },
  {
    name: 'lower-case gateway fault without code: errorCode= in message',
    input: { fault: { error: [{ message: 'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403', detail: '' }], type: 'SERVICE' } },
    expect: { system: 'qbo', code: '3100' },
  },
  {
    name: 'zero-padded fault code',
    input: { Fault: { Error: [{ Message: 'Throttle', Detail: 'The request limit was reached.', code: '003001' }], type: 'SERVICE' } },
    expect: { system: 'qbo', code: '3001' },
  },
  {
    name: 'upper-case keys',
    input: { FAULT: { ERROR: [{ MESSAGE: 'String length is either shorter or longer than supported by specification', DETAIL: 'Max:1000, Supplied:1240', CODE: '2050' }] } },
    expect: { system: 'qbo', code: '2050', detail: 'Max:1000, Supplied:1240' },
  },
  {
    name: 'Error given as a single object, not an array',
    input: { Fault: { Error: { Message: 'Stale Object Error', Detail: 'Stale Object Error : You and Crew Lead were working on this at the same time.', code: '5010' }, type: 'ValidationFault' } },
    expect: { system: 'qbo', code: '5010', message: 'Stale Object Error' },
  },
  {
    name: 'IntuitResponse wrapper',
    input: { IntuitResponse: fault('6140', 'Duplicate Document Number Error', 'DocNumber=1042 is assigned to TxnType=Invoice with TxnId=187') },
    expect: { system: 'qbo', code: '6140', detail: 'DocNumber=1042 is assigned to TxnType=Invoice with TxnId=187' },
  },
  {
    name: 'responseBody holding a JSON string',
    input: { statusCode: 400, responseBody: JSON.stringify(fault('6210', 'Account Period Closed, Cannot Update Through Services API', 'The account period has closed.')) },
    expect: { system: 'qbo', code: '6210', message: 'Account Period Closed, Cannot Update Through Services API' },
  },
  {
    name: 'BatchItemResponse with two faults',
    input: {
      BatchItemResponse: [
        { bId: '1', Invoice: { Id: '55' } },
        { bId: '2', Fault: { Error: [{ Message: 'Duplicate Name Exists Error', code: '6240' }], type: 'ValidationFault' } },
        { bId: '3', Fault: { Error: [{ Message: 'Invalid Email Address Format', code: '2210' }], type: 'ValidationFault' } },
      ],
    },
    expect: { system: 'qbo', code: '6240' },
    count: 2,
  },
  {
    name: 'one Fault with two errors',
    input: { Fault: { Error: [{ Message: 'A', code: '2020' }, { Message: 'B', code: '2250' }], type: 'ValidationFault' } },
    expect: { system: 'qbo', code: '2020', message: 'A' },
    count: 2,
  },
  {
    name: 'SystemFault',
    input: fault('10000', 'An application error has occurred while processing your request', 'System Failure Error: Could not find resource', 'SystemFault'),
    expect: { system: 'qbo', code: '10000', faultType: 'SystemFault' },
  },
  {
    name: 'Fault JSON after a prefix in text',
    input: `Request failed with status 400: ${JSON.stringify(fault('6000', 'A business validation error has occurred while processing your request', 'Business Validation Error: You must set a transaction amount.'))}`,
    expect: { system: 'qbo', code: '6000', detail: 'Business Validation Error: You must set a transaction amount.' },
  },
  // ---------------------------------------------------------------- QBO XML
  {
    name: 'XML Fault',
    input:
      '<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2026-05-02T10:00:00"><Fault type="ValidationFault"><Error code="6240" element=""><Message>Duplicate Name Exists Error</Message><Detail>The name supplied already exists. : Name=&quot;Maple &amp; Pine Apartments&quot;</Detail></Error></Fault></IntuitResponse>',
    expect: { system: 'qbo', code: '6240', message: 'Duplicate Name Exists Error', detail: 'The name supplied already exists. : Name="Maple & Pine Apartments"', faultType: 'ValidationFault' },
  },
  {
    name: 'XML Fault with namespace prefixes and single quotes',
    input: "<ns2:IntuitResponse><ns2:Fault type='ValidationFault'><ns2:Error code='2210' element='PrimaryEmailAddr'><ns2:Message>Invalid Email Address Format</ns2:Message><ns2:Detail>Supplied value:jo@@example.com</ns2:Detail></ns2:Error></ns2:Fault></ns2:IntuitResponse>",
    expect: { system: 'qbo', code: '2210', element: 'PrimaryEmailAddr', message: 'Invalid Email Address Format' },
  },
  {
    name: 'XML Fault with CDATA and zero-padded code',
    input: '<IntuitResponse><Fault type="AuthenticationFault"><Error code="003200"><Message><![CDATA[message=AuthenticationFailed; errorCode=003200; statusCode=401]]></Message></Error></Fault></IntuitResponse>',
    expect: { system: 'qbo', code: '3200', message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', faultType: 'AuthenticationFault' },
  },
  {
    name: 'XML Fault inside a log line',
    input: 'POST /v3/company/123/invoice -> 400 <IntuitResponse><Fault type="ValidationFault"><Error code="6540"><Message>Deposited Transaction cannot be changed</Message></Error></Fault></IntuitResponse>',
    expect: { system: 'qbo', code: '6540', message: 'Deposited Transaction cannot be changed' },
  },
  // ---------------------------------------------------------------- QBO gateway text
  {
    name: 'gateway message text with errorCode=',
    input: 'message=Exception authenticating OAuth; errorCode=003200; statusCode=401',
    expect: { system: 'qbo', code: '3200' },
  },
  {
    name: 'throttle message text',
    input: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
    expect: { system: 'qbo', code: '3001' },
  },
  // ---------------------------------------------------------------- qbXML
  {
    name: 'qbXML statusCode 3100 with entity-escaped quotes',
    input:
      '<?xml version="1.0" ?><QBXML><QBXMLMsgsRs><CustomerAddRs requestID="1" statusCode="3100" statusSeverity="Error" statusMessage="The name &quot;Oak Hollow HOA&quot; of the list element is already in use." /></QBXMLMsgsRs></QBXML>',
    expect: { system: 'qbd', code: '3100', severity: 'error', message: 'The name "Oak Hollow HOA" of the list element is already in use.' },
  },
  {
    name: 'qbXML 3180 with the embedded QuickBooks message',
    input:
      '<QBXML><QBXMLMsgsRs><InvoiceAddRs requestID="7" statusCode="3180" statusSeverity="Error" statusMessage="There was an error when saving a Invoice.  QuickBooks error message: This transaction will put the customer over their credit limit." /></QBXMLMsgsRs></QBXML>',
    expect: { system: 'qbd', code: '3180', embeddedMessage: 'This transaction will put the customer over their credit limit.' },
  },
  {
    name: 'qbXML attributes in another order, single quotes',
    input: "<CustomerModRs statusMessage='The provided edit sequence &quot;1710000000&quot; is out-of-date.' statusSeverity='Error' statusCode='3200' requestID='3'/>",
    expect: { system: 'qbd', code: '3200', message: 'The provided edit sequence "1710000000" is out-of-date.' },
  },
  {
    name: 'qbXML batch: the first real failure ranks before the 3231 fall-out',
    input:
      '<QBXMLMsgsRs><CustomerAddRs requestID="1" statusCode="0" statusSeverity="Info" statusMessage="Status OK"/><InvoiceAddRs requestID="2" statusCode="3231" statusSeverity="Error" statusMessage="The request has not been processed."/><InvoiceAddRs requestID="3" statusCode="3140" statusSeverity="Error" statusMessage="There is an invalid reference to QuickBooks Customer &quot;Birch Lane:Pruning&quot; in the Invoice. QuickBooks error message: Invalid argument.  The specified record does not exist in the list."/></QBXMLMsgsRs>',
    expect: { system: 'qbd', code: '3140', embeddedMessage: 'Invalid argument.  The specified record does not exist in the list.' },
    count: 2,
  },
  {
    name: 'qbXML warning 500 keeps its severity',
    input: '<CustomerQueryRs requestID="2" statusCode="500" statusSeverity="Warn" statusMessage="The query request has not been fully completed. There was a required element (&quot;80000123-1111&quot;) that could not be found in QuickBooks."/>',
    expect: { system: 'qbd', code: '500', severity: 'warn' },
  },
  {
    name: 'qbXML status converted to JSON',
    input: { statusCode: '3120', statusSeverity: 'Error', statusMessage: 'Object "80000001-1234567890" specified in the request cannot be found.' },
    expect: { system: 'qbd', code: '3120', severity: 'error' },
  },
  // ---------------------------------------------------------------- SDK HRESULTs
  {
    name: 'HRESULT hex in text',
    input: 'Could not start QuickBooks. (0x80040408)',
    expect: { system: 'sdk', code: '0x80040408' },
  },
  { name: 'HRESULT hex without 0x', input: '80040408', expect: { system: 'sdk', code: '0x80040408' } },
  { name: 'HRESULT hex split in two', input: 'hresult 8004 0408', expect: { system: 'sdk', code: '0x80040408' } },
  { name: 'HRESULT upper-case hex', input: '0X8004041A', expect: { system: 'sdk', code: '0x8004041a' } },
  { name: 'HRESULT negative decimal number', input: -2147220472, expect: { system: 'sdk', code: '0x80040408' } },
  { name: 'HRESULT unsigned decimal string', input: '2147746824', expect: { system: 'sdk', code: '0x80040408' } },
  {
    name: 'HRESULT decimal inside text',
    input: 'connectionError called: hresult=-2147220460, message=A modal dialog box is showing in the QuickBooks user interface.',
    expect: { system: 'sdk', code: '0x80040414' },
  },
  {
    name: 'receiveResponseXML arguments as an object',
    input: { ticket: 'abc', response: '', hresult: '0x80040400', message: 'QuickBooks found an error when parsing the provided XML text stream.' },
    expect: { system: 'sdk', code: '0x80040400', message: 'QuickBooks found an error when parsing the provided XML text stream.' },
  },
  // ---------------------------------------------------------------- Web Connector
  { name: 'QBWC code', input: 'QBWC1039: There was a problem adding the application.', expect: { system: 'qbwc', code: 'QBWC1039' } },
  { name: 'QBWC code lower case with a space', input: 'qbwc 1048 certificate could not be verified', expect: { system: 'qbwc', code: 'QBWC1048' } },
  // ---------------------------------------------------------------- plain text and numbers
  { name: 'Error NNNN: text', input: 'Error 6240: Duplicate Name Exists Error', expect: { system: 'qbo', code: '6240', message: 'Duplicate Name Exists Error' } },
  { name: 'Error code NNNN', input: 'Error code 6140', opts: { system: 'qbo' }, expect: { system: 'qbo', code: '6140' } },
  { name: 'code: NNNN', input: 'Sync failed (code: 2500) for invoice 1042', expect: { system: 'qbo', code: '2500' } },
  {
    name: 'Error #NNNN for a Desktop company',
    input: 'Error #3100 - name already in use',
    opts: { system: 'qbd' },
    expect: { system: 'qbd', code: '3100', message: 'name already in use' },
  },
  { name: 'bare zero-padded code', input: '003200', opts: { system: 'qbo' }, expect: { system: 'qbo', code: '3200' } },
  { name: 'bare code for a Desktop company', input: '3200', opts: { system: 'qbd' }, expect: { system: 'qbd', code: '3200' } },
  { name: 'bare colliding code with no system', input: '3200', expect: { system: 'qbo', code: '3200', ambiguous: true } },
  {
    name: 'flat object with code, message and detail',
    input: { code: '6240', message: 'Duplicate Name Exists Error', detail: 'Name=Oak Hollow HOA' },
    expect: { system: 'qbo', code: '6240', detail: 'Name=Oak Hollow HOA' },
  },
  {
    name: 'stored failure whose message points to Desktop',
    input: { errorCode: '3100', errorMessage: 'The name "Cedar Ridge" of the list element is already in use.' },
    expect: { system: 'qbd', code: '3100' },
  },
  { name: 'thrown Error with a code in its message', input: new Error('Error 6210: Account Period Closed'), expect: { system: 'qbo', code: '6210' } },
  // ---------------------------------------------------------------- HTTP
  { name: 'HTTP status line', input: '401 Unauthorized', expect: { system: 'qbo', code: 'HTTP401' } },
  { name: 'HTTP/1.1 line', input: 'HTTP/1.1 429 Too Many Requests', expect: { system: 'qbo', code: 'HTTP429' } },
  { name: 'HTTP n', input: 'upstream said HTTP 500', expect: { system: 'qbo', code: 'HTTP500' } },
  { name: 'fetch-like response object', input: { status: 503, statusText: 'Service Unavailable' }, expect: { system: 'qbo', code: 'HTTP503' } },
];

describe('normalizeError reads a code from every shape', () => {
  it('has a broad table of inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$name', ({ input, opts, expect: want, count }) => {
    const all = normalizeError(input, opts);
    expect(all.length).toBe(count ?? 1);
    expect(all[0]).toMatchObject(want);
    expect(typeof all[0]!.raw).toBe('string');
    expect(all[0]!.raw.length).toBeGreaterThan(0);
    if (!('ambiguous' in want)) expect(all[0]!.ambiguous).toBeUndefined();
  });
});

describe('normalizeError edge cases', () => {
  it.each([null, undefined, '', '   ', 'all good', {}, [], '<not xml', '{"broken json', { ok: true, data: { id: 3 } }])(
    'finds nothing in %j',
    (input) => {
      expect(normalizeError(input)).toEqual([]);
    },
  );

  it('skips qbXML status 0 and returns info codes as info', () => {
    const found = normalizeError('<CustomerQueryRs requestID="1" statusCode="1" statusSeverity="Info" statusMessage="A query request did not find a matching object in QuickBooks"/><CustomerAddRs statusCode="0" statusSeverity="Info" statusMessage="Status OK"/>');
    expect(found).toEqual([expect.objectContaining({ system: 'qbd', code: '1', severity: 'info' })]);
  });

  it('ranks errors before warnings', () => {
    const found = normalizeError('<A statusCode="530" statusSeverity="Warn" statusMessage="w"/><B statusCode="3120" statusSeverity="Error" statusMessage="e"/>');
    expect(found.map((e) => e.code)).toEqual(['3120', '530']);
  });

  it('reads one failure per line of a pasted log', () => {
    const found = normalizeError('10:01 Error 6240: Duplicate Name Exists Error\n10:02 QBWC1048 certificate\n10:03 HTTP/1.1 503 Service Unavailable');
    expect(found.map((e) => `${e.system}:${e.code}`)).toEqual(['qbo:6240', 'qbwc:QBWC1048', 'qbo:HTTP503']);
  });

  it('lets the shape win over the company system: a Fault is always QBO', () => {
    expect(bestError(fault('3200', 'AuthenticationFailed', 'Token revoked'), { system: 'qbd' })).toMatchObject({ system: 'qbo', code: '3200' });
  });

  it('keeps the raw text of the input it read', () => {
    const text = 'message=ThrottleExceeded; errorCode=003001; statusCode=429';
    expect(bestError(text)!.raw).toBe(text);
  });

  it('does not choke on a cyclic object or a very large input', () => {
    const cyclic: Record<string, unknown> = { code: '6240', message: 'Duplicate Name Exists Error' };
    cyclic.self = cyclic;
    expect(bestError(cyclic)).toMatchObject({ system: 'qbo', code: '6240' });
    const big = 'x'.repeat(500_000) + ' Error 6240';
    expect(() => normalizeError(big)).not.toThrow();
  });

  it('reads XML that arrived HTML-escaped', () => {
    const escaped =
      '&lt;CustomerAddRs requestID=&quot;1&quot; statusCode=&quot;3100&quot; statusSeverity=&quot;Error&quot; statusMessage=&quot;The name &amp;quot;Oak Hollow HOA&amp;quot; of the list element is already in use.&quot; /&gt;';
    expect(bestError(escaped)).toMatchObject({
      system: 'qbd',
      code: '3100',
      message: 'The name "Oak Hollow HOA" of the list element is already in use.',
    });
  });

  it('pairs each Fault closer with its nearest opener, ignoring unclosed openers', () => {
    const text =
      '<Fault type="X">'.repeat(50) +
      '<Fault type="ValidationFault"><Error code="6240"><Message>Duplicate Name Exists Error</Message></Error></Fault>' +
      '<Fault type="SystemFault">'.repeat(50);
    expect(normalizeError(text)).toEqual([
      expect.objectContaining({ system: 'qbo', code: '6240', faultType: 'ValidationFault', message: 'Duplicate Name Exists Error' }),
    ]);
  });

  it('does not mistake other long numbers for HRESULTs', () => {
    expect(normalizeError('Invoice 1234567890 synced')).toEqual([]);
  });
});

describe('classifyCode', () => {
  it.each([
    ['0x80040408', {}, { system: 'sdk', code: '0x80040408' }],
    ['QBWC1039', {}, { system: 'qbwc', code: 'QBWC1039' }],
    ['HTTP401', {}, { system: 'qbo', code: 'HTTP401' }],
    ['006240', { system: 'qbo' }, { system: 'qbo', code: '6240' }],
    ['3100', { system: 'qbd' }, { system: 'qbd', code: '3100' }],
    ['-2147220472', { system: 'qbd' }, { system: 'sdk', code: '0x80040408' }],
  ] as const)('%s', (code, opts, want) => {
    expect(classifyCode(code, opts as NormalizeOptions)).toEqual(want);
  });

  it('rejects what is not a code, and takes network error names as the catalog\'s own codes', () => {
    expect(classifyCode('')).toBeUndefined();
    expect(classifyCode('ENOENT')).toBeUndefined();
    expect(classifyCode('ECONNREFUSED')).toEqual({ system: 'qbo', code: 'ECONNREFUSED' });
  });

  it('uses message cues to place a bare colliding number', () => {
    expect(classifyCode('3100', {}, 'of the list element is already in use')).toEqual({ system: 'qbd', code: '3100' });
    expect(classifyCode('3200', {}, 'ValidationFault')).toEqual({ system: 'qbo', code: '3200' });
    expect(classifyCode('500', {})).toEqual({ system: 'qbo', code: '500', ambiguous: true });
  });
});

describe('which QuickBooks, OAuth and transport failures (issue 9 §3, §4)', () => {
  it('decides 3100 and 3200 by the evidence in the text', () => {
    expect(bestError('Error 3200: EditSequence 1614201234 no longer matches')).toMatchObject({ system: 'qbd', code: '3200' });
    expect(bestError('statusCode="3100" statusSeverity="Error"')).toMatchObject({ system: 'qbd', code: '3100' });
    expect(bestError('Error 3200 for realmId 9130357766542011 (intuit_tid: 1-abc)')).toMatchObject({ system: 'qbo', code: '3200' });
    expect(bestError('code 3100 from TxnID 80000001-1234567890')).toMatchObject({ system: 'qbd', code: '3100' });
    expect(bestError('QBO error 3100, minorversion=65')).toMatchObject({ system: 'qbo', code: '3100' });
  });

  it('leaves a bare number with no evidence ambiguous, and the lookup then explains both meanings', () => {
    expect(bestError('Error 3200')).toMatchObject({ code: '3200', ambiguous: true });
    const views = explainText('Error 3200');
    expect(views.map((v) => v.system).sort()).toEqual(['qbd', 'qbo']);
    expect(views.every((v) => v.ambiguous)).toBe(true);
  });

  it('reads OAuth errors as what they are, not as QuickBooks business rules', () => {
    expect(bestError('{"error":"invalid_grant","error_description":"Incorrect or invalid refresh token"}')).toMatchObject({ system: 'qbo', code: 'invalid_grant' });
    expect(bestError('OAuth2 token refresh failed: invalid_client')).toMatchObject({ code: 'invalid_client' });
    expect(bestError({ error: 'access_denied', state: 'x' })).toMatchObject({ code: 'access_denied' });
  });

  it('reads Intuit\'s edge pages and cut connections as transport failures, never a 503 page as an operation not supported', () => {
    expect(bestError('<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>')).toMatchObject({ code: 'HTTP503' });
    expect(bestError('<html><body><h1>504 Gateway Time-out</h1>The server didn\'t respond in time.</body></html>')).toMatchObject({ code: 'HTTP504' });
    expect(bestError('Error: read ECONNRESET at TCP.onStreamRead')).toMatchObject({ system: 'qbo', code: 'ECONNRESET' });
    expect(bestError('Error: socket hang up')).toMatchObject({ code: 'ECONNRESET' });
    expect(bestError('connect ETIMEDOUT 52.1.2.3:443')).toMatchObject({ code: 'ETIMEDOUT' });
  });
});
