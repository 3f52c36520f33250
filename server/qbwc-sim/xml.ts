/**
 * The simulator's only XML reading and writing. Parsing keeps entity processing off and refuses
 * DTDs outright (no billion laughs, no external entities); only the five predefined entities and
 * character references are decoded, by hand. Writing goes through fast-xml-parser's builder,
 * which escapes every text and attribute value.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** An element in document order: the shape both directions use. */
export interface XmlElement { name: string; attrs?: Record<string, string>; children?: XmlElement[]; text?: string }

export class XmlRefused extends Error {}

/** Large enough for a full company dump, small enough to bound memory. */
export const MAX_XML_BYTES = 32 * 1024 * 1024;

const orderedParser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, htmlEntities: false,
  parseTagValue: false, parseAttributeValue: false, trimValues: true, ignorePiTags: false, removeNSPrefix: false,
  // No path strings per tag: halves the parse time of a large response (none of our callbacks need them).
  jPath: false,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes only what XML itself defines; any other `&name;` stays as literal text. */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_m, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

type Ordered = Record<string, unknown>;

function toElements(nodes: Ordered[]): { elements: XmlElement[]; text: string } {
  const elements: XmlElement[] = [];
  let text = '';
  for (const node of nodes) {
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      if (key === '#text') { text += String(node[key]); continue; }
      const inner = toElements((node[key] as Ordered[]) ?? []);
      const el: XmlElement = { name: key, children: inner.elements };
      if (inner.text) el.text = decodeXmlText(inner.text);
      const rawAttrs = node[':@'] as Record<string, string> | undefined;
      if (rawAttrs) {
        el.attrs = {};
        for (const [k, v] of Object.entries(rawAttrs)) el.attrs[k] = decodeXmlText(String(v));
      }
      elements.push(el);
    }
  }
  return { elements, text };
}

/**
 * Parses a document into elements in order. Processing instructions come back as elements
 * named `?xml`, `?qbxml`. Throws XmlRefused for DTDs, oversize input or text that is not XML.
 */
export function parseXml(xml: string, maxBytes = MAX_XML_BYTES): XmlElement[] {
  if (xml.length > maxBytes) throw new XmlRefused(`document larger than ${maxBytes} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XmlRefused('DTDs and entity declarations are not accepted');
  let parsed: Ordered[];
  try {
    parsed = orderedParser.parse(xml, true) as Ordered[];
  } catch (e) {
    throw new XmlRefused(`not well-formed XML: ${(e as Error).message}`);
  }
  return toElements(parsed).elements;
}

/** Strips a namespace prefix ("soap:Body" → "Body"). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children?.find((c) => localName(c.name) === name);
}

export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const c = child(el, name);
  return c ? (c.text ?? '') : undefined;
}

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', suppressEmptyNode: true });

function toOrdered(el: XmlElement): Ordered {
  const body: Ordered[] = [];
  if (el.text !== undefined && el.text !== '') body.push({ '#text': el.text });
  for (const c of el.children ?? []) body.push(toOrdered(c));
  const node: Ordered = { [el.name]: body };
  if (el.attrs && Object.keys(el.attrs).length) node[':@'] = el.attrs;
  return node;
}

/** Serialises elements; `declaration` adds `<?xml version="1.0"?>` (plus any processing instructions given). */
export function buildXml(elements: XmlElement[], opts: { declaration?: boolean; encoding?: string; instructions?: Record<string, string> } = {}): string {
  const nodes: Ordered[] = [];
  if (opts.declaration) {
    nodes.push({ '?xml': [{ '#text': '' }], ':@': opts.encoding ? { version: '1.0', encoding: opts.encoding } : { version: '1.0' } });
  }
  for (const [pi, version] of Object.entries(opts.instructions ?? {})) nodes.push({ [`?${pi}`]: [{ '#text': '' }], ':@': { version } });
  for (const el of elements) nodes.push(toOrdered(el));
  return builder.build(nodes) as string;
}
