/**
 * A SOAP 1.1 client for the Web Connector's service contract (QBWebConnectorSvc): document /
 * literal, body elements in http://developer.intuit.com/, SOAPAction in double quotes as .NET
 * clients send it. Parameters go in the WSDL's order and names; values are escaped by the XML
 * builder (qbXML travels as escaped text). Replies are parsed with the same safe parser.
 */
import { buildXml, child, localName, parseXml, XmlRefused, type XmlElement } from './xml.ts';

export const QBWC_NAMESPACE = 'http://developer.intuit.com/';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Request parameters per method, in the WSDL's sequence order. */
export const METHOD_PARAMETERS = {
  serverVersion: ['strVersion'],
  clientVersion: ['strVersion'],
  authenticate: ['strUserName', 'strPassword'],
  sendRequestXML: ['ticket', 'strHCPResponse', 'strCompanyFileName', 'qbXMLCountry', 'qbXMLMajorVers', 'qbXMLMinorVers'],
  receiveResponseXML: ['ticket', 'response', 'hresult', 'message'],
  connectionError: ['ticket', 'hresult', 'message'],
  getLastError: ['ticket'],
  closeConnection: ['ticket'],
} as const;

export type QbwcMethod = keyof typeof METHOD_PARAMETERS;
export type MethodArgs<M extends QbwcMethod> = { [K in (typeof METHOD_PARAMETERS)[M][number]]: string | number };

/** The service answered with a SOAP fault, a non-2xx status or text that is not the expected reply. */
export class SoapCallError extends Error {
  constructor(readonly method: QbwcMethod, message: string, readonly httpStatus?: number) { super(message); }
}

const MAX_REPLY_BYTES = 64 * 1024 * 1024;

export function buildSoapRequest<M extends QbwcMethod>(method: M, args: MethodArgs<M>): string {
  const params: XmlElement[] = METHOD_PARAMETERS[method].map((name) => ({ name, text: String((args as Record<string, string | number>)[name] ?? '') }));
  return buildXml([{
    name: 'soap:Envelope',
    attrs: {
      'xmlns:soap': SOAP_ENVELOPE_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
    },
    children: [{ name: 'soap:Body', children: [{ name: method, attrs: { xmlns: QBWC_NAMESPACE }, children: params }] }],
  }], { declaration: true, encoding: 'utf-8' });
}

/** The `<methodResult>` element of a reply, or a SoapCallError for faults and unexpected shapes. */
export function readSoapReply(method: QbwcMethod, xml: string): XmlElement {
  let doc: XmlElement[];
  try {
    doc = parseXml(xml, MAX_REPLY_BYTES);
  } catch (e) {
    if (e instanceof XmlRefused) throw new SoapCallError(method, `Response is not well-formed XML (${e.message})`);
    throw e;
  }
  const envelope = doc.find((el) => localName(el.name) === 'Envelope');
  const soapBody = child(envelope, 'Body');
  if (!soapBody) throw new SoapCallError(method, 'The reply has no SOAP Envelope/Body');
  const fault = child(soapBody, 'Fault');
  if (fault) throw new SoapCallError(method, `SOAP fault: ${child(fault, 'faultstring')?.text ?? 'no faultstring'}`);
  const response = child(soapBody, `${method}Response`);
  if (!response) throw new SoapCallError(method, `The reply has no <${method}Response> element`);
  if (response.attrs?.xmlns !== undefined && response.attrs.xmlns !== QBWC_NAMESPACE) {
    throw new SoapCallError(method, `<${method}Response> is in namespace ${response.attrs.xmlns}, not ${QBWC_NAMESPACE}`);
  }
  // A missing result element is a nil string: the Web Connector reads it as empty.
  return child(response, `${method}Result`) ?? { name: `${method}Result` };
}

export interface SoapClientOptions { url: string; timeoutMs?: number; fetchImpl?: typeof fetch }

export class QbwcSoapClient {
  constructor(private readonly opts: SoapClientOptions) {}

  async call<M extends QbwcMethod>(method: M, args: MethodArgs<M>): Promise<XmlElement> {
    const body = buildSoapRequest(method, args);
    let res: Response;
    try {
      res = await (this.opts.fetchImpl ?? fetch)(this.opts.url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${QBWC_NAMESPACE}${method}"` },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 120_000),
      });
    } catch (e) {
      throw new SoapCallError(method, `The service could not be reached: ${(e as Error).message}`);
    }
    const text = await res.text();
    // SOAP 1.1 sends faults with HTTP 500; read them so the fault string is what gets reported.
    if (!res.ok && !(res.status === 500 && text.includes('Fault'))) throw new SoapCallError(method, `HTTP ${res.status} from the service`, res.status);
    return readSoapReply(method, text);
  }

  async callString<M extends QbwcMethod>(method: M, args: MethodArgs<M>): Promise<string> {
    return (await this.call(method, args)).text ?? '';
  }

  /** `ArrayOfString` results (authenticate). */
  async callStrings<M extends QbwcMethod>(method: M, args: MethodArgs<M>): Promise<string[]> {
    const result = await this.call(method, args);
    return (result.children ?? []).filter((c) => localName(c.name) === 'string').map((c) => c.text ?? '');
  }
}
