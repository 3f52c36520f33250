/**
 * The one XML toolkit of the Web Connector service: parsers that never expand entities nor read a
 * DTD and refuse oversized input (fast-xml-parser for SOAP envelopes, the shared strict scanner for
 * multi-MB qbXML), and a builder through which every value put into XML is escaped.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { decodeXmlEntities, scanXml, XmlScanError } from '../../xml/scan-xml.ts';

/** The largest SOAP request accepted: a qbXML response of a few MB travels escaped inside it. */
export const MAX_XML_BYTES = 12 * 1024 * 1024;

export class XmlRefused extends Error {}

/** An element in document order: name, attributes and either text or children. */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: XmlNode[];
}

export const el = (name: string, content?: string | number | XmlNode[] | null, attrs?: Record<string, string>): XmlNode =>
  Array.isArray(content) ? { name, children: content, attrs } : { name, text: content == null ? undefined : String(content), attrs };

/** Leaves out elements whose value is absent, so optional qbXML fields are simply not sent. */
export const opt = (name: string, value: string | number | null | undefined): XmlNode[] =>
  value === null || value === undefined || value === '' ? [] : [el(name, value)];

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, processEntities: true, suppressEmptyNode: false });

type Ordered = Record<string, unknown>;
function toOrdered(node: XmlNode): Ordered {
  const body = node.children ? node.children.map(toOrdered) : node.text === undefined ? [] : [{ '#text': node.text }];
  const out: Ordered = { [node.name]: body };
  if (node.attrs && Object.keys(node.attrs).length) {
    out[':@'] = Object.fromEntries(Object.entries(node.attrs).map(([k, v]) => [`@_${k}`, v]));
  }
  return out;
}

/** Serialises a document; `instructions` are processing instructions before the root (e.g. qbxml version). */
export function buildXml(root: XmlNode, instructions: { name: string; attrs: Record<string, string> }[] = []): string {
  const pis = [{ name: 'xml', attrs: { version: '1.0', encoding: 'utf-8' } }, ...instructions]
    .map((pi) => ({ [`?${pi.name}`]: [{ '#text': '' }], ':@': Object.fromEntries(Object.entries(pi.attrs).map(([k, v]) => [`@_${k}`, v])) }));
  return builder.build([...pis, toOrdered(root)]) as string;
}

/** Elements whose content is text carrying a whole XML document (the Web Connector's qbXML parameters). */
/**
 * Parses a qbXML document (QuickBooks' answers, a few MB at most) with the shared strict scanner:
 * no DTD, no entity expansion, only the predefined entities decoded; fast enough for multi-MB sets.
 */
export function parseXml(text: string): XmlNode {
  if (Buffer.byteLength(text, 'utf8') > MAX_XML_BYTES) throw new XmlRefused(`The XML document is larger than ${MAX_XML_BYTES} bytes.`);
  try {
    return scanXml(text, { stripPrefixes: true });
  } catch (err) {
    if (err instanceof XmlScanError) {
      throw new XmlRefused(/document type/.test(err.message) ? 'XML with a document type declaration is not accepted.' : 'The document is not well-formed XML.');
    }
    throw err;
  }
}

/**
 * Parses a SOAP envelope with the same strict scanner (namespace prefixes dropped). The qbXML a
 * Web Connector sends travels escaped inside `response` / `strHCPResponse`: it comes out as that
 * element's text, decoded once.
 */
export const parseSoapXml = parseXml;

/** Decodes the predefined entities and character references once (shared with the scanner). */
export const decodeEntities = decodeXmlEntities;

/** The first child with this name (namespace prefixes already removed). */
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children?.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children?.filter((c) => c.name === name) ?? [];
/** Text of a child element, or null when absent. */
export const textOf = (node: XmlNode | undefined, name: string): string | null => {
  const c = child(node, name);
  return c ? (c.text ?? '').trim() : null;
};
