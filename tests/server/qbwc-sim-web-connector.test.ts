/**
 * The Web Connector simulator over the wire, against a small fake SOAP service written here:
 * call order, envelopes checked against the WSDL fixture and real request captures, the
 * percentage loop, getLastError / NoOp, nvu / none / busy, connectionError, the fault injections.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanyFile } from '../../server/qbwc-sim/company-file.ts';
import { buildSoapRequest, METHOD_PARAMETERS } from '../../server/qbwc-sim/soap-client.ts';
import { runWebConnectorSession } from '../../server/qbwc-sim/web-connector.ts';

const NS = 'http://developer.intuit.com/';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/qbxml/${name}`, import.meta.url), 'utf8');

interface Received { method: string; soapAction: string | undefined; contentType: string | undefined; raw: string; params: Record<string, string>; paramOrder: string[]; ns: string }

const reader = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, processEntities: true, trimValues: false });

/** Reads a SOAP request the way a service would: body element, its namespace, its parameters in order. */
function readEnvelope(raw: string) {
  const doc = reader.parse(raw) as any[];
  const env = doc.find((n) => Object.keys(n).some((k) => k.endsWith('Envelope')));
  const envKey = Object.keys(env).find((k) => k.endsWith('Envelope'))!;
  const bodyNode = env[envKey].find((n: any) => Object.keys(n).some((k) => k.endsWith('Body')));
  const bodyKey = Object.keys(bodyNode).find((k) => k.endsWith('Body'))!;
  const op = bodyNode[bodyKey].find((n: any) => Object.keys(n).some((k) => k !== '#text' && k !== ':@'));
  const method = Object.keys(op).find((k) => k !== ':@')!;
  const params: Record<string, string> = {};
  const paramOrder: string[] = [];
  for (const p of op[method] as any[]) {
    const name = Object.keys(p).find((k) => k !== ':@');
    if (!name || name === '#text') continue;
    paramOrder.push(name);
    params[name] = (p[name] as any[]).map((t) => t['#text'] ?? '').join('');
  }
  return { method, ns: op[':@']?.xmlns ?? '', params, paramOrder, envelopeNs: env[':@']?.[`xmlns:${envKey.split(':')[0]}`] };
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
function reply(method: string, result: string | string[] | null): string {
  const value = Array.isArray(result) ? { string: result } : result;
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': { '@_xmlns:soap': 'http://schemas.xmlsoap.org/soap/envelope/', 'soap:Body': {
      [`${method}Response`]: { '@_xmlns': NS, ...(result === null ? {} : { [`${method}Result`]: value }) } } },
  });
}

type Script = Partial<Record<string, (p: Record<string, string>, n: number) => string | string[] | { fault: string } | { raw: string }>>;

interface Fake { url: string; received: Received[]; methods: () => string[]; close: () => Promise<void> }
const servers: Server[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))); });

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => { const chunks: Buffer[] = []; req.on('data', (c) => chunks.push(c)); req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))); });
}

async function fakeService(script: Script): Promise<Fake> {
  const received: Received[] = [];
  const counts: Record<string, number> = {};
  const defaults: Script = {
    serverVersion: () => '1.0.0-test',
    clientVersion: () => '',
    authenticate: (p) => (p.strUserName === 'bookkeeper' && p.strPassword === 'correct horse' ? ['TICKET-1', ''] : ['', 'nvu']),
    sendRequestXML: () => '',
    receiveResponseXML: () => '100',
    getLastError: () => 'Nothing to do',
    connectionError: () => 'done',
    closeConnection: () => 'OK',
  };
  const server = createServer(async (req, res) => {
    const raw = await body(req);
    const env = readEnvelope(raw);
    received.push({ method: env.method, soapAction: req.headers.soapaction as string | undefined, contentType: req.headers['content-type'], raw, params: env.params, paramOrder: env.paramOrder, ns: env.ns });
    const n = counts[env.method] = (counts[env.method] ?? 0) + 1;
    const out = (script[env.method] ?? defaults[env.method])!(env.params, n);
    if (typeof out === 'object' && 'raw' in out) {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(out.raw);
      return;
    }
    if (typeof out === 'object' && !Array.isArray(out)) {
      res.writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(`<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>${out.fault}</faultstring></soap:Fault></soap:Body></soap:Envelope>`);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
    res.end(reply(env.method, out));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/qbwc`;
  return { url, received, methods: () => received.map((r) => r.method), close: async () => {} };
}

const CUSTOMER_ADD = '<?xml version="1.0" encoding="utf-8"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="continueOnError">'
  + '<CustomerAddRq requestID="e-1"><CustomerAdd><Name>Rivera &amp; Sons</Name></CustomerAdd></CustomerAddRq></QBXMLMsgsRq></QBXML>';
const CUSTOMER_QUERY = '<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="continueOnError"><CustomerQueryRq requestID="q-1"><FullName>Rivera &amp; Sons</FullName></CustomerQueryRq></QBXMLMsgsRq></QBXML>';

function session(fake: Fake, extra: Partial<Parameters<typeof runWebConnectorSession>[0]> = {}) {
  const lines: string[] = [];
  const company = extra.company ?? createCompanyFile({ companyName: 'Green Lawn' });
  return runWebConnectorSession({ url: fake.url, userName: 'bookkeeper', password: 'correct horse', company, noOpWaitMs: 10, log: (l) => lines.push(l), ...extra })
    .then((result) => ({ result, lines, company }));
}

describe('Web Connector simulator against a SOAP service', () => {
  it('runs a whole session in the Web Connector\'s order and applies the requests in the company file', async () => {
    const fake = await fakeService({
      sendRequestXML: (_p, n) => (n === 1 ? CUSTOMER_ADD : CUSTOMER_QUERY),
      receiveResponseXML: (_p, n) => (n === 1 ? '50' : '100'),
      closeConnection: () => 'Complete!',
    });
    const { result, lines, company } = await session(fake);
    expect(result.outcome).toBe('done');
    expect(result.sendRequestCount).toBe(2);
    expect(result.closeMessage).toBe('Complete!');
    expect(fake.methods()).toEqual(['serverVersion', 'clientVersion', 'authenticate', 'sendRequestXML', 'receiveResponseXML', 'sendRequestXML', 'receiveResponseXML', 'closeConnection']);
    expect(result.calls.map((c) => c.method)).toEqual(fake.methods());
    for (const r of fake.received) {
      expect(r.soapAction).toBe(`"${NS}${r.method}"`);
      expect(r.contentType).toBe('text/xml; charset=utf-8');
      expect(r.ns).toBe(NS);
    }
    const [, clientVersion, auth, send1, recv1, send2] = fake.received;
    expect(clientVersion!.params.strVersion).toBe('2.3.0.215');
    expect(auth!.params).toEqual({ strUserName: 'bookkeeper', strPassword: 'correct horse' });
    expect(send1!.params).toMatchObject({ ticket: 'TICKET-1', qbXMLCountry: 'US', qbXMLMajorVers: '13', qbXMLMinorVers: '0' });
    expect(send1!.params.strCompanyFileName).toMatch(/Green Lawn\.QBW$/);
    // Host / Company / Preferences go on the first call only, as escaped qbXML text.
    expect(send1!.params.strHCPResponse).toContain('<HostRet>');
    expect(send1!.params.strHCPResponse).toContain('<CompanyName>Green Lawn</CompanyName>');
    expect(send1!.raw).toContain('&lt;HostRet&gt;');
    expect(send2!.params.strHCPResponse).toBe('');
    expect(recv1!.params).toMatchObject({ ticket: 'TICKET-1', hresult: '', message: '' });
    expect(recv1!.params.response).toMatch(/<CustomerAddRs requestID="e-1" statusCode="0" statusSeverity="Info" statusMessage="Status OK"><CustomerRet><ListID>/);
    expect(fake.received[6]!.params.response).toContain('<FullName>Rivera &amp; Sons</FullName>');
    expect(company.list('Customer').map((c) => c.Name)).toEqual(['Rivera & Sons']);
    // QWCLog-like lines, with no password anywhere.
    expect(lines.some((l) => l.includes('authenticate() username = \'bookkeeper\''))).toBe(true);
    expect(lines.join('\n')).not.toContain('correct horse');
    expect(JSON.stringify(result)).not.toContain('correct horse');
  });

  it('every envelope matches the WSDL: operation element, namespace, parameter names in sequence order', async () => {
    const wsdl = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['s:element', 'wsdl:operation'].includes(n) }).parse(fixture('QBWebConnectorSvc.wsdl'));
    const schema = wsdl['wsdl:definitions']['wsdl:types']['s:schema'];
    expect(schema.targetNamespace).toBe(NS);
    const elements = Object.fromEntries((schema['s:element'] as any[]).map((e) => [e.name, e]));
    const actions = Object.fromEntries((wsdl['wsdl:definitions']['wsdl:binding']['wsdl:operation'] as any[]).map((o) => [o.name, o['soap:operation'].soapAction]));
    for (const method of Object.keys(METHOD_PARAMETERS) as (keyof typeof METHOD_PARAMETERS)[]) {
      const expected = (elements[method]['s:complexType']['s:sequence']['s:element'] as any[]).map((e) => e.name);
      expect(METHOD_PARAMETERS[method]).toEqual(expected);
      const args = Object.fromEntries(expected.map((n: string) => [n, 'x']));
      const env = readEnvelope(buildSoapRequest(method, args as never));
      expect(env).toMatchObject({ method, ns: NS, paramOrder: expected, envelopeNs: 'http://schemas.xmlsoap.org/soap/envelope/' });
      expect(actions[method]).toBe(`${NS}${method}`);
      expect(elements[`${method}Response`]['s:complexType']['s:sequence']['s:element'][0].name).toBe(`${method}Result`);
    }
  });

  it('envelopes have the same structure as captured Web Connector requests', () => {
    for (const method of ['authenticate', 'sendRequestXML', 'receiveResponseXML', 'connectionError'] as const) {
      const captured = readEnvelope(fixture(`captures/${method}.xml`));
      const ours = readEnvelope(buildSoapRequest(method, captured.params as never));
      expect(ours).toEqual(captured);
    }
    // qbXML survives the trip as escaped text.
    const capturedHcp = readEnvelope(fixture('captures/sendRequestXML.xml')).params.strHCPResponse!;
    expect(capturedHcp.startsWith('<?xml version="1.0" ?><QBXML>')).toBe(true);
  });

  it('wrong password: authenticate answers nvu and the run stops there', async () => {
    const fake = await fakeService({});
    const { result } = await session(fake, { password: 'wrong' });
    expect(result.outcome).toBe('nvu');
    expect(fake.methods()).toEqual(['serverVersion', 'clientVersion', 'authenticate']);
  });

  it('nothing to do: none → closeConnection, no request asked for', async () => {
    const fake = await fakeService({ authenticate: () => ['TICKET-2', 'none'] });
    const { result } = await session(fake);
    expect(result.outcome).toBe('none');
    expect(fake.methods()).toEqual(['serverVersion', 'clientVersion', 'authenticate', 'closeConnection']);
    expect(fake.received[3]!.params.ticket).toBe('TICKET-2');
  });

  it('busy and postponed runs stop after authenticate; the minimum interval is reported', async () => {
    let fake = await fakeService({ authenticate: () => ['T', 'busy'] });
    expect((await session(fake)).result.outcome).toBe('busy');
    fake = await fakeService({ authenticate: () => ['T', '', '60', '300'] });
    const { result } = await session(fake);
    expect(result).toMatchObject({ outcome: 'busy', postponeSeconds: 60, minimumRunEverySeconds: 300 });
    expect(fake.methods()).toEqual(['serverVersion', 'clientVersion', 'authenticate']);
  });

  it('clientVersion E: stops the run; W: only warns', async () => {
    let fake = await fakeService({ clientVersion: () => 'E:Please upgrade' });
    const stopped = await session(fake);
    expect(stopped.result.outcome).toBe('error');
    expect(fake.methods()).toEqual(['serverVersion', 'clientVersion']);
    fake = await fakeService({ clientVersion: () => 'W:Old version', authenticate: () => ['T', 'none'] });
    const warned = await session(fake);
    expect(warned.result.outcome).toBe('none');
    expect(warned.lines.some((l) => l.includes('Old version'))).toBe(true);
  });

  it('a company file that cannot be opened: connectionError with 0x80040408 until done, no sendRequestXML', async () => {
    const fake = await fakeService({ connectionError: (_p, n) => (n < 2 ? '' : 'done') });
    const { result } = await session(fake, { cannotOpenFile: true });
    expect(result.outcome).toBe('connection-error');
    expect(fake.methods()).toEqual(['serverVersion', 'clientVersion', 'authenticate', 'connectionError', 'connectionError']);
    expect(fake.received[3]!.params).toEqual({ ticket: 'TICKET-1', hresult: '0x80040408', message: 'Could not start QuickBooks.' });
    expect(result.lastError).toContain('0x80040408');
  });

  it('another company file open than the one the service names: 0x8004040A', async () => {
    const fake = await fakeService({ authenticate: () => ['T', 'C:\\Books\\Other.QBW'] });
    const { result } = await session(fake, { companyFilePath: 'C:\\Books\\Green Lawn.QBW' });
    expect(result.outcome).toBe('connection-error');
    expect(fake.received[3]!.params.hresult).toBe('0x8004040A');
  });

  it('a negative percentage → getLastError → closeConnection', async () => {
    const fake = await fakeService({ sendRequestXML: () => CUSTOMER_ADD, receiveResponseXML: () => '-1', getLastError: () => 'The response could not be matched' });
    const { result } = await session(fake);
    expect(result).toMatchObject({ outcome: 'error', lastError: 'The response could not be matched' });
    expect(fake.methods().slice(3)).toEqual(['sendRequestXML', 'receiveResponseXML', 'getLastError', 'closeConnection']);
  });

  it('an empty sendRequestXML → getLastError; NoOp waits and asks again', async () => {
    const fake = await fakeService({
      sendRequestXML: (_p, n) => (n === 1 ? '' : CUSTOMER_ADD),
      getLastError: () => 'NoOp',
    });
    const { result } = await session(fake);
    expect(result.outcome).toBe('done');
    expect(fake.methods().slice(3)).toEqual(['sendRequestXML', 'getLastError', 'sendRequestXML', 'receiveResponseXML', 'closeConnection']);
    const plain = await fakeService({ getLastError: () => 'Queue unavailable' });
    const stopped = await session(plain);
    expect(stopped.result).toMatchObject({ outcome: 'error', lastError: 'Queue unavailable' });
    expect(plain.methods().slice(3)).toEqual(['sendRequestXML', 'getLastError', 'closeConnection']);
  });

  it('qbXML QuickBooks cannot parse: receiveResponseXML carries an empty response, the HRESULT and its message', async () => {
    const fake = await fakeService({ sendRequestXML: () => '<QBXML><QBXMLMsgsRq><CustomerAddRq>' });
    const { result } = await session(fake);
    expect(result.outcome).toBe('done');
    expect(fake.received[4]!.params).toEqual({ ticket: 'TICKET-1', response: '', hresult: '0x80040400', message: expect.stringContaining('QuickBooks found an error when parsing the provided XML text stream.') });
  });

  it('refuses a non-integer percentage like the real Web Connector and logs it', async () => {
    const fake = await fakeService({ sendRequestXML: () => CUSTOMER_ADD, receiveResponseXML: () => '33.3' });
    const { result, lines } = await session(fake);
    expect(result.outcome).toBe('error');
    expect(result.lastError).toContain('33.3');
    expect(lines.some((l) => l.includes('not an integer'))).toBe(true);
  });

  it('a session killed after a sendRequestXML: applied in QuickBooks, response never delivered', async () => {
    const fake = await fakeService({ sendRequestXML: () => CUSTOMER_ADD });
    const { result, company } = await session(fake, { killAfterSends: 1 });
    expect(result.outcome).toBe('killed');
    expect(fake.methods()).toEqual(['serverVersion', 'clientVersion', 'authenticate', 'sendRequestXML']);
    expect(company.list('Customer')).toHaveLength(1);
  });

  it('a corrupted response reaches the service as text that is not well-formed', async () => {
    const fake = await fakeService({ sendRequestXML: () => CUSTOMER_ADD });
    await session(fake, { corruptResponse: true });
    const sent = fake.received.find((r) => r.method === 'receiveResponseXML')!.params.response!;
    expect(sent.length).toBeGreaterThan(0);
    expect(() => new XMLParser().parse(sent, true)).toThrow();
  });

  it('a SOAP fault, a reply with a DTD or an unreachable service ends the run with an error and no stack trace', async () => {
    const fake = await fakeService({ authenticate: () => ({ fault: 'Server was unable to process request.' }) });
    const { result } = await session(fake);
    expect(result.outcome).toBe('error');
    expect(result.lastError).toBe('authenticate: SOAP fault: Server was unable to process request.');
    const laughs = await fakeService({ serverVersion: () => ({ raw: '<?xml version="1.0"?><!DOCTYPE e [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
      + `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><serverVersionResponse xmlns="${NS}"><serverVersionResult>&b;</serverVersionResult></serverVersionResponse></soap:Body></soap:Envelope>` }) });
    const refused = await session(laughs);
    expect(refused.result.outcome).toBe('error');
    expect(refused.result.lastError).toContain('DTDs and entity declarations are not accepted');
    expect(laughs.methods()).toEqual(['serverVersion']);
    const gone = await runWebConnectorSession({ url: 'http://127.0.0.1:9/qbwc', userName: 'u', password: 'p', company: createCompanyFile() });
    expect(gone.outcome).toBe('error');
    expect(gone.lastError).toMatch(/^serverVersion: The service could not be reached/);
  });
});
