/**
 * A small, strict XML reader for SOAP and qbXML: elements, attributes, text, CDATA, comments and
 * processing instructions, nothing else. A document type declaration is refused outright, so no
 * entity is ever defined, expanded or fetched (no billion laughs, no external entity); only the five
 * predefined entities and numeric character references are decoded, which can never grow the text.
 * Written by hand because a general parser that keeps document order took seconds on the multi-MB
 * qbXML responses QuickBooks Desktop sends; this one reads them in tens of milliseconds.
 */

export class XmlScanError extends Error {}

/** An element in document order. `text` is its own character data (children's text excluded). */
export interface ScannedElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: ScannedElement[];
}

export interface ScanOptions {
  /** Larger documents are refused before any work (bytes of UTF-16 length, close enough for a guard). */
  maxLength?: number;
  /** Drop namespace prefixes from element and attribute names ("soap:Body" → "Body"). */
  stripPrefixes?: boolean;
  /** Processing instructions before the root (e.g. `<?qbxml version="13.0"?>`) are handed here. */
  onInstruction?: (name: string, body: string) => void;
}

// One token at the position of a "<": a start or end tag, a comment, CDATA, a processing instruction or a declaration.
const TOKEN = /<(?:(\/)?([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/)?>|!--([\s\S]*?)-->|!\[CDATA\[([\s\S]*?)\]\]>|\?([A-Za-z_][\w.:-]*)([\s\S]*?)\?>|(!))/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * The five predefined entities and numeric character references, each decoded once ("&amp;lt;"
 * becomes "&lt;"); any other `&name;` stays as written. &lt; &gt; &quot; &apos; cannot produce a
 * new "&", so they go first in fast passes; &amp; and numeric references share one pass.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  const out = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'");
  return out.replace(/&(amp|#x[0-9a-fA-F]{1,6}|#[0-9]{1,7});/g, (whole, ref: string) => {
    if (ref === 'amp') return '&';
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const local = (name: string, strip: boolean) => {
  if (!strip) return name;
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Reads a whole document and returns its root element; throws XmlScanError when it is not well-formed. */
export function scanXml(source: string, opts: ScanOptions = {}): ScannedElement {
  if (opts.maxLength !== undefined && source.length > opts.maxLength) throw new XmlScanError(`The XML document is longer than ${opts.maxLength} characters.`);
  const strip = opts.stripPrefixes ?? false;
  const stack: ScannedElement[] = [];
  const rawNames: string[] = [];
  let root: ScannedElement | null = null;
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (why: string): never => {
    throw new XmlScanError(`Not well-formed XML at character ${pos}: ${why}.`);
  };
  const addText = (chunk: string, raw: boolean) => {
    if (!chunk) return;
    if (stack.length === 0) {
      if (raw || chunk.trim()) fail('text outside the root element');
      return;
    }
    stack[stack.length - 1]!.text += raw ? chunk : decodeXmlEntities(chunk);
  };
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    if (lt < 0) {
      addText(source.slice(pos), false);
      pos = source.length;
      break;
    }
    if (lt > pos) addText(source.slice(pos, lt), false);
    pos = lt;
    TOKEN.lastIndex = lt;
    const m = TOKEN.exec(source);
    if (!m) fail('a "<" that starts no tag');
    const [whole, closing, name, attrText, selfClosing, comment, cdata, piName, piBody, declaration] = m!;
    if (declaration) fail('document type declarations are not accepted');
    if (comment !== undefined) {
      if (comment.includes('--')) fail('"--" inside a comment');
    } else if (cdata !== undefined) {
      addText(cdata, true);
    } else if (piName !== undefined) {
      if (stack.length === 0 && !root) opts.onInstruction?.(piName, piBody!.trim());
    } else if (closing) {
      if (attrText || selfClosing) fail('an end tag with attributes');
      const open = rawNames.pop();
      if (open !== name) fail(open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`);
      const element = stack.pop()!;
      if (stack.length === 0) root = element;
    } else {
      if (root) fail('a second root element');
      const attrs: Record<string, string> = {};
      if (attrText) {
        ATTRIBUTE.lastIndex = 0;
        for (let a = ATTRIBUTE.exec(attrText); a; a = ATTRIBUTE.exec(attrText)) {
          const key = local(a[1]!, strip);
          if (Object.hasOwn(attrs, key)) fail(`attribute ${a[1]} given twice`);
          attrs[key] = decodeXmlEntities(a[2] ?? a[3] ?? '');
        }
      }
      const element: ScannedElement = { name: local(name!, strip), attrs, text: '', children: [] };
      stack[stack.length - 1]?.children.push(element);
      if (selfClosing) {
        if (stack.length === 0) root = element;
      } else {
        stack.push(element);
        rawNames.push(name!);
      }
    }
    pos += whole.length;
  }
  if (stack.length) fail(`<${rawNames[rawNames.length - 1]}> is never closed`);
  if (!root) fail('no root element');
  return root!;
}
