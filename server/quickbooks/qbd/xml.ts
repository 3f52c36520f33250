/**
 * The one XML toolkit of the Web Connector service: parsers that never expand entities nor read a
 * DTD and refuse oversized input (fast-xml-parser for SOAP envelopes, the shared strict scanner for
 * multi-MB qbXML), and a builder through which every value put into XML is escaped.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { scanXml, XmlScanError } from '../../xml/scan-xml.ts';

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
const RAW_TEXT_ELEMENTS = ['response', 'strHCPResponse'];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities stay literal text: no expansion, so no billion laughs and no external entity is ever read.
  processEntities: false,
  htmlEntities: false,
  // The qbXML inside a SOAP call is one long escaped text: taken raw (and decoded once below), it
  // costs a scan instead of the parser's character-by-character work.
  stopNodes: RAW_TEXT_ELEMENTS.map((name) => `*.${name}`),
});

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
 * Parses a SOAP envelope with fast-xml-parser. A DOCTYPE is refused outright (SOAP has no use for
 * one); the predefined entities and character references are decoded by hand, which cannot grow
 * text; the qbXML parameters are taken as raw text and decoded once.
 */
export function parseSoapXml(text: string): XmlNode {
  if (Buffer.byteLength(text, 'utf8') > MAX_XML_BYTES) throw new XmlRefused(`The XML document is larger than ${MAX_XML_BYTES} bytes.`);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new XmlRefused('XML with a document type declaration is not accepted.');
  let raw: unknown[];
  try {
    raw = parser.parse(text, true) as unknown[];
  } catch {
    throw new XmlRefused('The document is not well-formed XML.');
  }
  const roots = raw.map(fromOrdered).filter((n): n is XmlNode => n !== null && !n.name.startsWith('?'));
  if (roots.length !== 1) throw new XmlRefused('The document must have exactly one root element.');
  return roots[0]!;
}

function fromOrdered(item: unknown): XmlNode | null {
  const obj = item as Record<string, unknown>;
  const name = Object.keys(obj).find((k) => k !== ':@');
  if (!name || name === '#text') return null;
  const attrsRaw = (obj[':@'] ?? {}) as Record<string, string>;
  const attrs = Object.fromEntries(Object.entries(attrsRaw).map(([k, v]) => [k.replace(/^[^:]+:/, ''), decodeEntities(String(v))]));
  const body = (obj[name] ?? []) as unknown[];
  const children = body.map(fromOrdered).filter((n): n is XmlNode => n !== null);
  const text = body.filter((b) => (b as Record<string, unknown>)['#text'] !== undefined)
    .map((b) => String((b as Record<string, unknown>)['#text'])).join('');
  if (RAW_TEXT_ELEMENTS.includes(name)) return { name, attrs, children: [], text: rawText(text) };
  return { name, attrs, children, text: decodeEntities(text) };
}

/** Content of a raw-text element: a CDATA section is taken as is; escaped text is decoded. */
function rawText(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith('<![CDATA[') && trimmed.endsWith(']]>') && trimmed.indexOf(']]>') === trimmed.length - 3) return trimmed.slice(9, -3);
  return decodeEntities(raw);
}

/**
 * The five predefined entities and numeric character references, each decoded once ("&amp;lt;"
 * becomes "&lt;", "&#38;lt;" too); anything else stays as written. &lt; &gt; &quot; &apos; cannot
 * produce a new "&", so they go first in fast passes; &amp; and numeric references share one pass.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const out = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'");
  return out.replace(/&(amp|#x[0-9a-fA-F]{1,6}|#[0-9]{1,7});/g, (whole, ref: string) => {
    if (ref === 'amp') return '&';
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The first child with this name (namespace prefixes already removed). */
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children?.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children?.filter((c) => c.name === name) ?? [];
/** Text of a child element, or null when absent. */
export const textOf = (node: XmlNode | undefined, name: string): string | null => {
  const c = child(node, name);
  return c ? (c.text ?? '').trim() : null;
};
