/**
 * The Web Connector SOAP service over the wire: every method's request (fixtures shaped like the
 * Web Connector's own posts) and reply envelope, checked against the element names of the official
 * WSDL; faults without internals; a parser that expands no entity and reads no DTD.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';

const USER = 'acme-lawn';
const PASSWORD = 'correct horse battery';
const NS = 'http://developer.intuit.com/';
const COMPANY_FILE = 'C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\Acme Lawn Care.qbw';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer({ webConnector: { userName: USER, password: PASSWORD } });
});
afterEach(async () => {
  await t.close();
});

const fixture = (name: string, values: Record<string, string> = {}) => {
  let text = readFileSync(new URL(`../fixtures/qbwc/${name}.xml`, import.meta.url), 'utf8');
  for (const [k, v] of Object.entries({ USER, PASSWORD, ...values })) text = text.replaceAll(`{{${k}}}`, v);
  return text;
};

const replyParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'string' });

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.server.url}/qbwc`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', ...headers }, body });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, doc: replyParser.parse(text) };
}

/** Posts a method's fixture and returns `<method>Result`, checking the reply envelope's names. */
async function call(method: string, fixtureName: string, values: Record<string, string> = {}) {
  const r = await post(fixture(fixtureName, values), { soapaction: `"${NS}${method}"` });
  expect(r.status, r.text).toBe(200);
  expect(r.contentType).toMatch(/^text\/xml/);
  expect(r.text.startsWith('<?xml')).toBe(true);
  const body = r.doc['soap:Envelope']['soap:Body'];
  const response = body[`${method}Response`];
  expect(response, r.text).toBeTruthy();
  expect(response['@_xmlns']).toBe(NS);
  expect(Object.keys(response).filter((k) => !k.startsWith('@_'))).toEqual([`${method}Result`]);
  return { result: response[`${method}Result`], raw: r.text };
}

async function authenticate(password = PASSWORD): Promise<string[]> {
  const { result } = await call('authenticate', 'authenticate', { PASSWORD: password });
  return result.string.map((s: unknown) => (typeof s === 'string' ? s : ''));
}

/** A customer waiting for QuickBooks, so authenticate has work to offer. */
async function pendingCustomer(localId = 'c-1', displayName = 'Hill & Dale Estates') {
  const put = await t.call('PUT', `/companies/acme-qbd/records/Customer/${localId}`, { body: { record: { displayName, email: 'office@example.com' } } });
  expect(put.status, put.text).toBeLessThan(300);
  const item = put.json.wizardItem;
  const approved = await t.post('/companies/acme-qbd/wizard/approve', { reviewedIds: [item.id], approveIds: [item.id], unchecked: 'keep' });
  expect(approved.status, approved.text).toBe(200);
}

function innerQbxml(text: string) {
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(text);
}

describe('GET /qbwc?wsdl', () => {
  it('is a well-formed WSDL, XML declaration first, with the official service, operations and element names', async () => {
    const res = await fetch(`${t.server.url}/qbwc?wsdl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const text = await res.text();
    expect(text.startsWith('<?xml version="1.0"')).toBe(true);
    const ours = wsdlShape(text);
    const official = wsdlShape(readFileSync(new URL('../fixtures/qbxml/QBWebConnectorSvc.wsdl', import.meta.url), 'utf8'));
    expect(ours.service).toBe('QBWebConnectorSvc');
    for (const [element, children] of Object.entries(official.elements)) expect(ours.elements[element], element).toEqual(children);
    expect(ours.operations).toEqual(expect.arrayContaining(official.operations));
    expect(ours.address).toBe(`${t.server.url}/qbwc`);
  });
});

/** Element name → child element names in order, the operations and the service of a WSDL. */
function wsdlShape(text: string) {
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['s:element', 'wsdl:operation', 'wsdl:message'].includes(name) }).parse(text);
  const defs = doc['wsdl:definitions'];
  const elements: Record<string, string[]> = {};
  for (const e of defs['wsdl:types']['s:schema']['s:element']) {
    const seq = e['s:complexType']?.['s:sequence']?.['s:element'] ?? [];
    elements[e['@_name']] = seq.map((c: Record<string, string>) => c['@_name']);
  }
  return {
    elements,
    operations: defs['wsdl:portType']['wsdl:operation'].map((o: Record<string, string>) => o['@_name']),
    service: defs['wsdl:service']['@_name'],
    address: defs['wsdl:service']['wsdl:port']['soap:address']['@_location'],
  };
}

describe('POST /qbwc: each method', () => {
  it('serverVersion and clientVersion', async () => {
    expect((await call('serverVersion', 'serverVersion')).result).toMatch(/^SyncLens \d/);
    const client = await call('clientVersion', 'clientVersion');
    expect(client.result === '' || client.result === undefined).toBe(true);
  });

  it('authenticate: a wrong password or an unknown user is "nvu" with an empty ticket, and says nothing about which', async () => {
    expect(await authenticate('wrong password!')).toEqual(['', 'nvu']);
    const { result } = await call('authenticate', 'authenticate', { USER: 'someone-else' });
    expect(result.string.map((s: unknown) => (typeof s === 'string' ? s : ''))).toEqual(['', 'nvu']);
    expect((await t.get('/companies/acme-qbd/connector')).json.lastContactAt).toBe('2026-03-01T11:30:00.000Z');
  });

  it('authenticate: nothing to do is "none"; work waiting gives the company file; last contact is now', async () => {
    const [ticket, status] = await authenticate();
    expect(ticket).toMatch(/^[0-9a-f-]{36}$/);
    expect(status).toBe('none');
    await pendingCustomer();
    const [ticket2, file] = await authenticate();
    expect(ticket2).not.toBe(ticket);
    expect(file).toBe(COMPANY_FILE);
    expect((await t.get('/companies/acme-qbd/connector')).json.lastContactAt).toBe('2026-03-01T12:00:00.000Z');
    // Tickets and passwords are stored hashed only.
    const db = t.server.store.db;
    expect(JSON.stringify((await db.prepare('SELECT * FROM qbwc_sessions').all()))).not.toContain(ticket2);
    const stored = (await db.prepare('SELECT password_hash FROM qbwc_companies WHERE company_id = ?').pluck().get('acme-qbd')) as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(PASSWORD);
  });

  it('sendRequestXML → qbXML escaped as text; receiveResponseXML matches by requestID and answers 100; closeConnection reports', async () => {
    await pendingCustomer();
    const [ticket] = await authenticate();
    const sent = await call('sendRequestXML', 'sendRequestXML', { TICKET: ticket! });
    // The qbXML travels as escaped text inside the result element, not as nested elements.
    expect(sent.raw).toContain('&lt;CustomerAddRq');
    expect(sent.raw).not.toContain('<CustomerAddRq');
    expect(sent.result.startsWith('<?xml version="1.0" encoding="utf-8"?><?qbxml version="13.0"?>')).toBe(true);
    const rq = innerQbxml(sent.result).QBXML.QBXMLMsgsRq;
    expect(rq['@_onError']).toBe('continueOnError');
    const add = rq.CustomerAddRq;
    expect(add.CustomerAdd.Name).toBe('Hill & Dale Estates');
    expect(Object.keys(add.CustomerAdd)).toEqual(['Name', 'IsActive', 'Email']);
    const requestId = add['@_requestID'];
    expect(requestId).toBeTruthy();

    const received = await call('receiveResponseXML', 'receiveResponseXML', { TICKET: ticket!, REQUEST_ID: requestId });
    expect(received.result).toBe('100');
    const log = await t.get('/companies/acme-qbd/log?status=success');
    expect(log.json.items.find((e: { localId: string }) => e.localId === 'c-1')).toMatchObject({ qbId: '80000031-1772366400' });
    // The same answer delivered twice is applied once.
    expect((await call('receiveResponseXML', 'receiveResponseXML', { TICKET: ticket!, REQUEST_ID: requestId })).result).toBe('100');

    expect((await call('closeConnection', 'closeConnection', { TICKET: ticket! })).result).toBe('Sync complete: 1 synced, 0 failed.');
    expect((await t.get('/companies/acme-qbd/connector')).json.lastRunAt).toBe('2026-03-01T12:00:00.000Z');
    // The ticket is dead after closeConnection.
    expect((await call('sendRequestXML', 'sendRequestXML', { TICKET: ticket! })).result ?? '').toBe('');
  });

  it('a response sent as a CDATA section is read the same as escaped text', async () => {
    await pendingCustomer();
    const [ticket] = await authenticate();
    const sent = await call('sendRequestXML', 'sendRequestXML', { TICKET: ticket! });
    const requestId = innerQbxml(sent.result).QBXML.QBXMLMsgsRq.CustomerAddRq['@_requestID'];
    const escaped = fixture('receiveResponseXML', { TICKET: ticket!, REQUEST_ID: requestId });
    const inner = escaped.slice(escaped.indexOf('<response>') + 10, escaped.indexOf('</response>'))
      .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    const cdata = escaped.replace(/<response>[\s\S]*<\/response>/, `<response><![CDATA[${inner}]]></response>`);
    const r = await post(cdata);
    expect(r.doc['soap:Envelope']['soap:Body'].receiveResponseXMLResponse.receiveResponseXMLResult).toBe('100');
  });

  it('the company file parameter is read in either spelling (strCompanyFileName / strCompanyFilename)', async () => {
    await pendingCustomer();
    const [ticket] = await authenticate();
    const r = await post(fixture('sendRequestXML', { TICKET: ticket! }).replaceAll('strCompanyFileName>', 'strCompanyFilename>'));
    expect(r.status).toBe(200);
    expect(r.text).toContain('&lt;CustomerAddRq');
  });

  it('receiveResponseXML with an HRESULT and no response → -1, and getLastError explains it', async () => {
    await pendingCustomer();
    const [ticket] = await authenticate();
    await call('sendRequestXML', 'sendRequestXML', { TICKET: ticket! });
    expect((await call('receiveResponseXML', 'receiveResponseXML-hresult', { TICKET: ticket! })).result).toBe('-1');
    const { result } = await call('getLastError', 'getLastError', { TICKET: ticket! });
    expect(result).toContain('0x80040400');
    expect(result).toContain('parsing the provided XML');
    // Nothing was applied: the entry is still waiting.
    const pending = await t.get('/companies/acme-qbd/log?status=pending');
    expect(pending.json.items.some((e: { localId: string }) => e.localId === 'c-1')).toBe(true);
  });

  it('connectionError → "done" and the connector is offline with the HRESULT explained', async () => {
    await pendingCustomer();
    const [ticket] = await authenticate();
    expect((await call('connectionError', 'connectionError', { TICKET: ticket! })).result).toBe('done');
    const connector = (await t.get('/companies/acme-qbd/connector')).json;
    expect(connector.state).toBe('offline');
    expect(connector.message).toContain('0x80040408');
    expect(connector.message).toContain('Could not start QuickBooks.');
  });

  it('an expired ticket gets no requests, and getLastError says the session expired', async () => {
    await pendingCustomer();
    const [ticket] = await authenticate();
    t.clock.advance(2 * 3_600_000);
    expect((await call('sendRequestXML', 'sendRequestXML', { TICKET: ticket! })).result ?? '').toBe('');
    expect((await call('getLastError', 'getLastError', { TICKET: ticket! })).result).toMatch(/expired/);
  });

  it('dispatches on the body element, whatever SOAPAction says', async () => {
    const r = await post(fixture('serverVersion'), { soapaction: `"${NS}closeConnection"` });
    expect(r.doc['soap:Envelope']['soap:Body'].serverVersionResponse).toBeTruthy();
  });
});

describe('POST /qbwc: refusals', () => {
  const faultOf = (r: { status: number; doc: any }) => {
    expect(r.status).toBe(500);
    return r.doc['soap:Envelope']['soap:Body']['soap:Fault'];
  };

  it('malformed XML, a foreign body or an unknown operation get a SOAP fault with a plain message and no stack', async () => {
    for (const body of ['<soap:Envelope', 'not xml at all', '<a/>',
      fixture('serverVersion').replace(/serverVersion/g, 'dropTables')]) {
      const r = await post(body);
      const fault = faultOf(r);
      expect(fault.faultcode).toBe('soap:Client');
      expect(fault.faultstring).toBeTruthy();
      expect(r.text).not.toMatch(/\bat .+\.ts:\d+|node_modules|Error:/);
    }
  });

  it('a billion-laughs payload is refused without expanding anything', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) =>
      `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`
      + `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><serverVersion xmlns="${NS}"><strVersion>&lol9;</strVersion></serverVersion></soap:Body></soap:Envelope>`;
    const started = Date.now();
    const r = await post(lol);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(faultOf(r).faultstring).toMatch(/document type declaration/);
    expect(r.text).not.toContain('lollol');
  });

  it('an external entity is never read', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`
      + `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="${NS}"><strUserName>&xxe;</strUserName><strPassword>x</strPassword></authenticate></soap:Body></soap:Envelope>`;
    const r = await post(xxe);
    faultOf(r);
    expect(r.text).not.toContain('root:');
    // Without a DOCTYPE an entity reference is just text: no expansion, no file.
    const inert = await post(fixture('authenticate').replace('{{USER}}', '&xxe;').replace(USER, '&xxe;'));
    expect(inert.status).toBe(200);
    expect(inert.text).not.toContain('root:');
  });

  it('a qbXML response carrying a DTD is refused (-1) and getLastError says why', async () => {
    await pendingCustomer();
    const [ticket] = await authenticate();
    await call('sendRequestXML', 'sendRequestXML', { TICKET: ticket! });
    const evil = fixture('receiveResponseXML', { TICKET: ticket!, REQUEST_ID: 'x' })
      .replace('&lt;QBXML&gt;', '&lt;!DOCTYPE QBXML [&lt;!ENTITY e SYSTEM "file:///etc/passwd"&gt;]&gt;&lt;QBXML&gt;');
    const r = await post(evil);
    expect(r.doc['soap:Envelope']['soap:Body'].receiveResponseXMLResponse.receiveResponseXMLResult).toBe('-1');
    expect((await call('getLastError', 'getLastError', { TICKET: ticket! })).result).toMatch(/document type declaration/);
  });

  it('a request over the size limit is refused with 413 and a fault', async () => {
    const big = fixture('serverVersion').replace('<serverVersion xmlns="http://developer.intuit.com/" />',
      `<serverVersion xmlns="${NS}"><strVersion>${'x'.repeat(13 * 1024 * 1024)}</strVersion></serverVersion>`);
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(r.doc['soap:Envelope']['soap:Body']['soap:Fault'].faultcode).toBe('soap:Client');
  });
});
