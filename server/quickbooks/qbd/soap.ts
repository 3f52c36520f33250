/**
 * SOAP 1.1 document/literal as the QuickBooks Web Connector speaks it: reading a call from an
 * envelope (dispatch on the body's first element, never on SOAPAction), writing replies and faults,
 * and the service's WSDL. Everything is built through the XML toolkit, so qbXML travels as escaped text.
 */
import { buildXml, child, el, XmlRefused, parseSoapXml, type XmlNode } from './xml.ts';

export const QBWC_NS = 'http://developer.intuit.com/';
const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Operations of the official WSDL with their parameters in order and the type of their result. */
export const QBWC_OPERATIONS = {
  serverVersion: { params: ['strVersion'], result: 'string' },
  clientVersion: { params: ['strVersion'], result: 'string' },
  authenticate: { params: ['strUserName', 'strPassword'], result: 'ArrayOfString' },
  sendRequestXML: { params: ['ticket', 'strHCPResponse', 'strCompanyFileName', 'qbXMLCountry', 'qbXMLMajorVers', 'qbXMLMinorVers'], result: 'string' },
  receiveResponseXML: { params: ['ticket', 'response', 'hresult', 'message'], result: 'int' },
  connectionError: { params: ['ticket', 'hresult', 'message'], result: 'string' },
  getLastError: { params: ['ticket'], result: 'string' },
  closeConnection: { params: ['ticket'], result: 'string' },
} as const;
export type QbwcOperation = keyof typeof QBWC_OPERATIONS;
const INT_PARAMS = new Set(['qbXMLMajorVers', 'qbXMLMinorVers']);

export interface SoapCall { operation: QbwcOperation; params: Record<string, string> }

export class SoapClientError extends Error {}

/** Reads the call out of a request envelope; a malformed or unknown call is the client's error. */
export function readSoapCall(text: string): SoapCall {
  let root: XmlNode;
  try {
    root = parseSoapXml(text);
  } catch (err) {
    throw new SoapClientError(err instanceof XmlRefused ? err.message : 'The request is not well-formed XML.');
  }
  if (root.name !== 'Envelope') throw new SoapClientError('The request is not a SOAP envelope.');
  const body = child(root, 'Body');
  const call = body?.children?.[0];
  if (!call) throw new SoapClientError('The SOAP body is empty.');
  if (!Object.hasOwn(QBWC_OPERATIONS, call.name)) throw new SoapClientError(`Unknown operation "${call.name.slice(0, 64)}".`);
  const params: Record<string, string> = {};
  for (const p of call.children ?? []) {
    // Some Web Connector servers spell it strCompanyFilename; both mean the same parameter.
    const name = p.name === 'strCompanyFilename' ? 'strCompanyFileName' : p.name;
    params[name] = p.text ?? '';
  }
  return { operation: call.name as QbwcOperation, params };
}

/** The reply envelope of an operation; the result is a string, an int or an array of strings. */
export function soapReply(operation: QbwcOperation, result: string | number | string[]): string {
  const resultNode = Array.isArray(result)
    ? el(`${operation}Result`, result.map((s) => el('string', s)))
    : el(`${operation}Result`, String(result));
  return envelope(el(`${operation}Response`, [resultNode], { xmlns: QBWC_NS }));
}

/** A SOAP 1.1 fault with a plain message: never a stack trace or internal detail. */
export function soapFault(faultcode: 'soap:Client' | 'soap:Server', message: string): string {
  return envelope(el('soap:Fault', [el('faultcode', faultcode), el('faultstring', message)]));
}

function envelope(content: XmlNode): string {
  return buildXml(el('soap:Envelope', [el('soap:Body', [content])], {
    'xmlns:soap': SOAP_ENV_NS, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
  }));
}

/** The service description with the official names (service QBWebConnectorSvc), pointing at `address`. */
export function qbwcWsdl(address: string): string {
  const xs = (name: string, type: string, extra: Record<string, string> = {}) =>
    el('s:element', null, { minOccurs: INT_PARAMS.has(name) || type === 's:int' ? '1' : '0', maxOccurs: '1', name, type, ...extra });
  const elements: XmlNode[] = [];
  for (const [op, def] of Object.entries(QBWC_OPERATIONS)) {
    elements.push(el('s:element', [el('s:complexType', [el('s:sequence',
      def.params.map((p) => xs(p, INT_PARAMS.has(p) ? 's:int' : 's:string')))])], { name: op }));
    const resultType = def.result === 'ArrayOfString' ? 'tns:ArrayOfString' : def.result === 'int' ? 's:int' : 's:string';
    elements.push(el('s:element', [el('s:complexType', [el('s:sequence', [xs(`${op}Result`, resultType)])])], { name: `${op}Response` }));
  }
  elements.push(el('s:complexType', [el('s:sequence', [
    el('s:element', null, { minOccurs: '0', maxOccurs: 'unbounded', name: 'string', nillable: 'true', type: 's:string' }),
  ])], { name: 'ArrayOfString' }));
  const ops = Object.keys(QBWC_OPERATIONS);
  const defs: XmlNode[] = [
    el('wsdl:types', [el('s:schema', elements, { elementFormDefault: 'qualified', targetNamespace: QBWC_NS })]),
    ...ops.flatMap((op) => [
      el('wsdl:message', [el('wsdl:part', null, { name: 'parameters', element: `tns:${op}` })], { name: `${op}SoapIn` }),
      el('wsdl:message', [el('wsdl:part', null, { name: 'parameters', element: `tns:${op}Response` })], { name: `${op}SoapOut` }),
    ]),
    el('wsdl:portType', ops.map((op) => el('wsdl:operation', [
      el('wsdl:input', null, { message: `tns:${op}SoapIn` }), el('wsdl:output', null, { message: `tns:${op}SoapOut` }),
    ], { name: op })), { name: 'QBWebConnectorSvcSoap' }),
    el('wsdl:binding', [
      el('soap:binding', null, { transport: 'http://schemas.xmlsoap.org/soap/http' }),
      ...ops.map((op) => el('wsdl:operation', [
        el('soap:operation', null, { soapAction: `${QBWC_NS}${op}`, style: 'document' }),
        el('wsdl:input', [el('soap:body', null, { use: 'literal' })]),
        el('wsdl:output', [el('soap:body', null, { use: 'literal' })]),
      ], { name: op })),
    ], { name: 'QBWebConnectorSvcSoap', type: 'tns:QBWebConnectorSvcSoap' }),
    el('wsdl:service', [el('wsdl:port', [el('soap:address', null, { location: address })],
      { name: 'QBWebConnectorSvcSoap', binding: 'tns:QBWebConnectorSvcSoap' })], { name: 'QBWebConnectorSvc' }),
  ];
  return buildXml(el('wsdl:definitions', defs, {
    'xmlns:soap': 'http://schemas.xmlsoap.org/wsdl/soap/', 'xmlns:s': 'http://www.w3.org/2001/XMLSchema',
    'xmlns:tns': QBWC_NS, 'xmlns:wsdl': 'http://schemas.xmlsoap.org/wsdl/', targetNamespace: QBWC_NS,
  }));
}
