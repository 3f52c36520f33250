/**
 * The simulator's only XML reading and writing. Reading uses the strict scanner in server/xml/:
 * DTDs refused outright (no billion laughs, no external entities), only the five predefined
 * entities and character references decoded. Writing goes through fast-xml-parser's builder,
 * which escapes every text and attribute value.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { decodeXmlEntities, scanXml, XmlScanError, type ScannedElement } from '../xml/scan-xml.ts';

/** An element in document order: the shape both directions use. */
export interface XmlElement { name: string; attrs?: Record<string, string>; children?: XmlElement[]; text?: string }

export class XmlRefused extends Error {}

/** Large enough for a full company dump, small enough to bound memory. */
export const MAX_XML_BYTES = 32 * 1024 * 1024;

/**
 * Parses a document into elements in order. Processing instructions come back as elements
 * named `?xml`, `?qbxml` (with their pseudo-attributes). Throws XmlRefused for DTDs, oversize
 * input or text that is not XML. Reading is done by the strict scanner shared with the server.
 */
export function parseXml(xml: string, maxBytes = MAX_XML_BYTES): XmlElement[] {
  if (xml.length > maxBytes) throw new XmlRefused(`document larger than ${maxBytes} bytes`);
  const instructions: XmlElement[] = [];
  let root: ScannedElement;
  try {
    root = scanXml(xml, {
      onInstruction: (name, body) => {
        const attrs: Record<string, string> = {};
        for (const m of body.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? '');
        instructions.push({ name: `?${name}`, children: [], attrs });
      },
    });
  } catch (e) {
    if (e instanceof XmlScanError) {
      throw new XmlRefused(/document type/.test(e.message) ? 'DTDs and entity declarations are not accepted' : `not well-formed XML: ${e.message}`);
    }
    throw e;
  }
  return [...instructions, toElement(root)];
}

/** The scanner's element in this module's shape: text trimmed and left out when empty, attrs only when present. */
function toElement(scanned: ScannedElement): XmlElement {
  const el: XmlElement = { name: scanned.name, children: scanned.children.map(toElement) };
  const text = scanned.text.trim();
  if (text) el.text = text;
  if (Object.keys(scanned.attrs).length) el.attrs = scanned.attrs;
  return el;
}

/** Decodes only what XML itself defines; any other `&name;` stays as literal text. */
export const decodeXmlText = decodeXmlEntities;

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

type Ordered = Record<string, unknown>;

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
