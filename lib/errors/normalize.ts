/**
 * Turns whatever a sync service, QuickBooks or the Web Connector handed back (Fault JSON in any
 * key casing, XML faults, qbXML status attributes, HRESULTs, QBWC codes, plain text, HTTP status
 * lines) into a list of { system, code, message, ... }. Pure string work: no DOMParser, so it runs
 * in the service worker and in Node.
 */
import { canonicalCode, hresultValue, lookup, SYNCLENS_PREFIXED } from './catalog/index';
import { matchMessage } from './match-message';
import type { ErrorSystem } from './types';

export type Severity = 'error' | 'warn' | 'info';

export interface NormalizedError {
  system: ErrorSystem;
  /** Canonical catalog spelling: "3200", "HTTP401", "0x80040408", "QBWC1039", "SL-NO-RECORD-DATA". */
  code: string;
  message?: string;
  detail?: string;
  element?: string;
  severity?: Severity;
  /** QuickBooks' own text after "QuickBooks error message:"; often the real reason (e.g. 3180). */
  embeddedMessage?: string;
  /** QBO Fault type (ValidationFault, SystemFault, AUTHENTICATION, ...). */
  faultType?: string;
  /** True when a bare number could belong to QBO or QBD and no company system was given. */
  ambiguous?: boolean;
  /** Found by QuickBooks' wording, the text holding no code (lib/errors/match-message.ts). */
  matchedBy?: 'wording';
  /** A likely candidate by wording, not a certain answer: only part of a known wording matched. */
  possible?: boolean;
  /** The input (or the fragment of it) this error was read from, as text. */
  raw: string;
  /** Only a wrapper said it (an HTTP status beside other failures): ranked after QuickBooks' own. */
  wrapper?: boolean;
}

export interface NormalizeOptions {
  /** The company's system; decides which table a bare number belongs to. */
  system?: 'qbo' | 'qbd';
}

// Very large inputs are cut before regex scanning so a runaway log cannot stall the worker.
const MAX_SCAN = 200_000;
const MAX_DEPTH = 8;

interface Ctx {
  opts: NormalizeOptions;
  out: NormalizedError[];
  /**
   * What only a wrapper says: an HTTP status, a status line. Used when the text holds no
   * QuickBooks code and no QuickBooks wording, since those say more about what went wrong.
   */
  weak: (NormalizedError & { fromLine: boolean })[];
  /** True while the lines of a pasted log are read one by one (each line its own failure). */
  lineMode: boolean;
  rawText: string;
}

/** Every error found in `raw`, most relevant first (errors before warnings, batch fall-out last). */
export function normalizeError(raw: unknown, opts: NormalizeOptions = {}): NormalizedError[] {
  const ctx: Ctx = { opts, out: [], weak: [], lineMode: false, rawText: toText(raw) };
  collect(raw, ctx, 0);
  // No QuickBooks code anywhere: QuickBooks' own wording may still say which error it is, and
  // says more than the wrapper's HTTP status; a partial wording comes after both. A status on a
  // line of its own in a pasted log is a failure of its own, listed after QuickBooks' ones.
  if (ctx.out.length === 0) collectByWording(ctx, 'full');
  const strong = ctx.out.length > 0;
  for (const { fromLine, ...e } of ctx.weak) if (!strong || fromLine) push(ctx, strong ? { ...e, wrapper: true } : e);
  if (ctx.out.length === 0) collectByWording(ctx, 'partial');
  return rank(dedupe(ctx.out));
}

/** The single most useful error, if any was found. */
export function bestError(raw: unknown, opts: NormalizeOptions = {}): NormalizedError | undefined {
  return normalizeError(raw, opts)[0];
}

/**
 * Which system and catalog spelling a code given on its own belongs to ("0x80040408" → sdk,
 * "QBWC1039" → qbwc, "401 Unauthorized"/"HTTP401" → qbo HTTP, digits → the company's system,
 * "SL-UNLINKED-REFERENCE" or "bad-reply" → the sync service's own table).
 */
export function classifyCode(
  code: string,
  opts: NormalizeOptions = {},
  context = '',
): { system: ErrorSystem; code: string; ambiguous?: boolean } | undefined {
  const text = String(code).trim();
  if (!text) return undefined;
  const qbwc = /^QBWC[\s_-]?(\d{3,4})$/i.exec(text);
  if (qbwc) return { system: 'qbwc', code: `QBWC${qbwc[1]}` };
  const own = syncServiceCode(text);
  if (own) return own;
  const http = /^HTTP[\s_-]*([1-5]\d{2})$/i.exec(text);
  if (http) return { system: 'qbo', code: `HTTP${http[1]}` };
  if (OAUTH_ERRORS.test(text)) return { system: 'qbo', code: text.toLowerCase() };
  if (NETWORK_ERRNOS.test(text)) return { system: 'qbo', code: text.toUpperCase() };
  if (/^0x/i.test(text) || /^8004[\s_-]?[0-9a-f]{4}$/i.test(text)) {
    return hresultValue(text) === undefined ? undefined : { system: 'sdk', code: canonicalCode('sdk', text) };
  }
  if (/^[+-]?\d+$/.test(text)) {
    if (hresultValue(text) !== undefined && text.replace(/^[+-]/, '').length >= 10) {
      return { system: 'sdk', code: canonicalCode('sdk', text) };
    }
    return resolveNumber(String(Number.parseInt(text, 10)), opts, context);
  }
  return undefined;
}

/**
 * The sync service's own codes: "SL-" ones in any case or separator, unknown ones included (they
 * get the table's general explanation), its QuickBooks Online client's names the catalog lists
 * ("bad-reply"), and its "oauth-…" codes for trouble at Intuit's sign-in service. None of these
 * shapes is a QuickBooks code, so nothing QuickBooks sends is taken for one of them.
 */
function syncServiceCode(text: string): { system: ErrorSystem; code: string } | undefined {
  if (SYNCLENS_PREFIXED.test(text) || OAUTH_SERVICE_CODE.test(text) || lookup('synclens', text) !== undefined) {
    return { system: 'synclens', code: canonicalCode('synclens', text) };
  }
  return undefined;
}

/** The sync service's code for a failed call to Intuit's sign-in service ("oauth-server_error"). */
const OAUTH_SERVICE_CODE = /^oauth-[a-z_]{2,40}$/i;
/** An "SL-" code inside a text, as the sync service writes it or lower-cased ("sl-no-record-data"). */
const SYNCLENS_IN_TEXT = /(?<![\w-])SL-[A-Z]+(?:-[A-Z]+)*(?![\w-])/i;

// ------------------------------------------------------------------ walking values

function collect(value: unknown, ctx: Ctx, depth: number): void {
  if (value === null || value === undefined || depth > MAX_DEPTH) return;
  if (typeof value === 'string') return collectText(value, ctx, depth);
  if (typeof value === 'number') {
    const c = classifyCode(String(value), ctx.opts);
    if (c) push(ctx, { ...c, raw: String(value) });
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, ctx, depth + 1);
    return;
  }
  if (typeof value !== 'object') return;
  if (value instanceof Error) {
    const extra = { ...(value as unknown as Record<string, unknown>) };
    collectObject({ message: value.message, ...extra }, ctx, depth);
    if ('cause' in value) collect((value as { cause?: unknown }).cause, ctx, depth + 1);
    return;
  }
  collectObject(value as Record<string, unknown>, ctx, depth);
}

/** Case-insensitive view of an object's keys. */
function keysOf(obj: Record<string, unknown>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) map.set(k.toLowerCase().replace(/^[@$]/, ''), v);
  return map;
}

function pick(keys: Map<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (keys.has(n) && keys.get(n) !== undefined && keys.get(n) !== null) return keys.get(n);
  return undefined;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

const WRAPPER_KEYS = [
  'intuitresponse', 'batchitemresponse', 'responsebody', 'body', 'response', 'data',
  'qbxml', 'qbxmlmsgsrs', 'errors', 'error', 'cause', 'result', 'results', 'innerexception',
];

function collectObject(obj: Record<string, unknown>, ctx: Ctx, depth: number): void {
  const keys = keysOf(obj);
  const before = ctx.out.length;

  const fault = keys.get('fault');
  if (fault !== undefined && fault !== null) {
    collectFault(typeof fault === 'string' ? safeJson(fault) ?? fault : fault, ctx, depth);
    if (ctx.out.length > before) return;
  }

  // qbXML responses converted to JSON keep their status attributes as keys.
  const statusCode = str(pick(keys, 'statuscode'));
  if (statusCode !== undefined && (keys.has('statusseverity') || keys.has('statusmessage'))) {
    pushQbxmlStatus(ctx, statusCode, str(pick(keys, 'statusseverity')), str(pick(keys, 'statusmessage')), safeStringify(obj));
    return;
  }

  const hresult = pick(keys, 'hresult');
  if (hresult !== undefined && isQuickBooksHresult(String(hresult))) {
    const message = str(pick(keys, 'message', 'errormessage'));
    push(ctx, { system: 'sdk', code: canonicalCode('sdk', String(hresult)), message, raw: safeStringify(obj) });
    return;
  }

  // Intuit's OAuth server answers {"error": "invalid_grant", "error_description": "…"}.
  const oauth = str(pick(keys, 'error'));
  if (oauth && OAUTH_ERRORS.test(oauth)) {
    push(ctx, { system: 'qbo', code: oauth.toLowerCase(), message: str(pick(keys, 'error_description')) ?? oauth, raw: safeStringify(obj) });
    return;
  }

  for (const name of WRAPPER_KEYS) {
    const inner = keys.get(name);
    if (inner === undefined || inner === null || inner === '') continue;
    // A plain `error` string is a message, read below with the code keys.
    if (name === 'error' && typeof inner === 'string' && keys.has('code')) continue;
    collect(inner, ctx, depth + 1);
  }
  if (ctx.out.length > before) return;

  const message = str(pick(keys, 'message', 'errormessage', 'error_message', 'statusmessage', 'error_description'));
  const detail = str(pick(keys, 'detail', 'errordetail', 'error_detail'));
  const element = str(pick(keys, 'element'));
  const given = str(pick(keys, 'code', 'errorcode', 'error_code', 'faultcode', 'integrationcode', 'errno'));
  // Code 0 is "no error" in every wrapper that uses it (an SDK exception's default, a callback's).
  const code = given !== undefined && /^0+$/.test(given) ? undefined : given;
  const context = [message, detail].filter(Boolean).join(' ');
  if (code !== undefined) {
    const classified = classifyCode(code, ctx.opts, context);
    if (classified) {
      push(ctx, { ...classified, message, detail, element, raw: safeStringify(obj) });
      return;
    }
  }
  if (message) collectText(detail ? `${message}\n${detail}` : message, ctx, depth + 1, false);
  if (ctx.out.length > before) return;

  const status = pick(keys, 'status', 'statuscode', 'httpstatus');
  if (typeof status === 'number' || (typeof status === 'string' && /^\d{3}$/.test(status))) {
    const n = Number(status);
    if (n >= 400 && n < 600) {
      ctx.weak.push({ system: 'qbo', code: `HTTP${n}`, message: str(pick(keys, 'statustext')) ?? message, raw: safeStringify(obj), fromLine: false });
    }
  }
  // An HTML page in the body (an edge server's error page) may still say what it is.
  const body = pick(keys, 'body', 'responsetext', 'text');
  if (typeof body === 'string' && ctx.out.length === before) collectText(body, ctx, depth + 1);
}

function collectFault(fault: unknown, ctx: Ctx, depth: number): void {
  if (typeof fault === 'string') return collectText(fault, ctx, depth + 1);
  if (!fault || typeof fault !== 'object') return;
  const keys = keysOf(fault as Record<string, unknown>);
  const faultType = str(pick(keys, 'type'));
  const errors = pick(keys, 'error', 'errors');
  const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const e = keysOf(item as Record<string, unknown>);
    const message = str(pick(e, 'message'));
    const detail = str(pick(e, 'detail'));
    const element = str(pick(e, 'element'));
    pushQboFault(ctx, str(pick(e, 'code')), message, detail, element, faultType, safeStringify(item));
  }
}

function pushQboFault(
  ctx: Ctx,
  code: string | undefined,
  message: string | undefined,
  detail: string | undefined,
  element: string | undefined,
  faultType: string | undefined,
  raw: string,
): void {
  // Gateway faults may omit `code` and carry "errorCode=003200" inside the message instead.
  let found = code && /^\d+$/.test(code) && Number(code) !== 0 ? code : undefined;
  found ??= /errorCode\s*=\s*(\d+)/i.exec(`${message ?? ''} ${detail ?? ''}`)?.[1];
  if (!found) return;
  push(ctx, { system: 'qbo', code: canonicalCode('qbo', found), message, detail, element: element || undefined, faultType, raw });
}

// ------------------------------------------------------------------ text

function collectText(input: string, ctx: Ctx, depth: number, perLine = true): void {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  const trimmed = text.trim();
  if (!trimmed) return;
  const before = ctx.out.length;

  if (/^[[{]/.test(trimmed)) {
    const parsed = safeJson(trimmed);
    if (parsed !== undefined) {
      collect(parsed, ctx, depth + 1);
      if (ctx.out.length > before) return;
    }
  } else {
    // JSON embedded after a prefix, e.g. 'Request failed: {"Fault": ...}'.
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start > 0 && end > start) {
      const parsed = safeJson(trimmed.slice(start, end + 1));
      if (parsed !== undefined && typeof parsed === 'object') {
        collect(parsed, ctx, depth + 1);
        if (ctx.out.length > before) return;
      }
    }
  }

  // XML that arrived HTML-escaped (copied from a log viewer) or inside a JSON string (quotes as \")
  // is read after unescaping.
  const xmlText = trimmed.includes('<') ? trimmed : /&lt;\w/.test(trimmed) ? decodeXml(trimmed) : undefined;
  const xml = xmlText && /=\\"/.test(xmlText) ? xmlText.replace(/\\"/g, '"') : xmlText;
  if (xml) {
    collectXmlFaults(xml, ctx);
    collectQbxmlStatuses(xml, ctx);
    if (ctx.out.length > before) return;
  }

  // A pasted log can hold one failure per line; a message+detail pair is read as one text.
  const lines = perLine ? trimmed.split(/\r?\n/).filter((l) => l.trim()) : [];
  if (lines.length > 1) {
    ctx.lineMode = true;
    for (const line of lines) collectPlainText(line.trim(), ctx);
    ctx.lineMode = false;
    if (ctx.out.length > before) return;
  }
  collectPlainText(trimmed, ctx);
}

const XML_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return XML_ENTITIES[lower] ?? _;
  });
}

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1]!.toLowerCase().replace(/^\w+:/, ''), decodeXml(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

function childText(body: string, tag: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${tag}>`, 'i').exec(body);
  if (!m) return undefined;
  const inner = m[1]!.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1');
  return decodeXml(inner).trim() || undefined;
}

/**
 * Fault blocks found by walking closing tags and taking the last opener before each one, so a text
 * full of unclosed "<Fault" tags costs linear time instead of rescanning to the end per opener.
 */
function faultBlocks(text: string): { attrs: string; body: string }[] {
  const blocks: { attrs: string; body: string }[] = [];
  let from = 0;
  for (const closer of text.matchAll(/<\/(?:\w+:)?Fault\s*>/gi)) {
    const segment = text.slice(from, closer.index);
    let opener: RegExpExecArray | undefined;
    for (const m of segment.matchAll(/<(?:\w+:)?Fault\b([^<>]*)>/gi)) opener = m;
    if (opener) blocks.push({ attrs: opener[1]!, body: segment.slice(opener.index + opener[0].length) });
    from = closer.index + closer[0].length;
  }
  return blocks;
}

function collectXmlFaults(text: string, ctx: Ctx): void {
  for (const fault of faultBlocks(text)) {
    const faultType = attributes(fault.attrs).get('type');
    for (const err of fault.body.matchAll(/<(?:\w+:)?Error\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?Error>)/gi)) {
      const attrs = attributes(err[1]!);
      const body = err[2] ?? '';
      pushQboFault(
        ctx,
        attrs.get('code'),
        childText(body, 'Message'),
        childText(body, 'Detail'),
        attrs.get('element'),
        faultType,
        err[0],
      );
    }
  }
}

function collectQbxmlStatuses(text: string, ctx: Ctx): void {
  for (const m of text.matchAll(/<([\w:.-]+)\b([^<>]*?\bstatusCode\s*=\s*(?:"[^"]*"|'[^']*')[^<>]*?)\/?>/gi)) {
    const attrs = attributes(m[2]!);
    const code = attrs.get('statuscode');
    if (code === undefined) continue;
    pushQbxmlStatus(ctx, code, attrs.get('statusseverity'), attrs.get('statusmessage'), m[0]);
  }
}

function pushQbxmlStatus(ctx: Ctx, code: string, severityText: string | undefined, message: string | undefined, raw: string): void {
  if (!/^\d+$/.test(code.trim())) return;
  const canonical = canonicalCode('qbd', code);
  if (canonical === '0') return; // Status OK
  push(ctx, { system: 'qbd', code: canonical, message, severity: qbdSeverity(canonical, severityText), raw });
}

function qbdSeverity(code: string, text: string | undefined): Severity {
  const t = (text ?? '').toLowerCase();
  if (t.startsWith('err')) return 'error';
  if (t.startsWith('warn')) return 'warn';
  if (t.startsWith('info')) return 'info';
  const n = Number(code);
  return n < 500 ? 'info' : n < 1000 ? 'warn' : 'error';
}

const HTTP_REASONS =
  'Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Request Time-?out|Conflict|Too Many Requests|Internal Server Error|Bad Gateway|Service (?:Temporarily )?Unavailable|Gateway Time-?out';

/** The error names of OAuth 2.0 (RFC 6749) that Intuit's token and authorize endpoints answer. */
const OAUTH_ERRORS = /^(invalid_grant|invalid_client|unauthorized_client|access_denied|invalid_request|invalid_scope|unsupported_grant_type|unsupported_response_type)$/i;
const OAUTH_IN_TEXT = /\b(invalid_grant|invalid_client|unauthorized_client|access_denied|invalid_request|invalid_scope|unsupported_grant_type)\b/i;
/** Network failures by their system error names, each a catalog entry of its own. */
const NETWORK_ERRNOS = /^(ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|ECONNREFUSED|ENOTFOUND|EAI_AGAIN)$/i;
/**
 * A connection to Intuit cut, refused or timed out, however Node, browsers, cURL and the SDKs word
 * it. cURL's numbers: 6 and 7 could not resolve or connect, 28 timed out, 35, 52 and 56 cut off.
 */
const TRANSPORT: [RegExp, string][] = [
  [/\b(ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ECONNABORTED|ECONNREFUSED|ENOTFOUND|EAI_AGAIN)\b/, '$1'],
  [/socket hang up|connection (?:was )?reset|reset by peer|cURL error (?:number\W*)?(?:35|52|56)\b/i, 'ECONNRESET'],
  [/connection refused|cURL error (?:number\W*)?7\b/i, 'ECONNREFUSED'],
  [/could not resolve host|getaddrinfo|cURL error (?:number\W*)?6\b/i, 'ENOTFOUND'],
  [/\b(?:connect(?:ion)?|read|resolving|operation|request) timed out|cURL error (?:number\W*)?28\b/i, 'ETIMEDOUT'],
];

/**
 * A code after a label: "Error code: 6240", "ERROR CODE:6240", "code=\"130\"", ":error_code=>\"120\"",
 * "Error #3100", "statusCode: 401" (group 1 the label, group 2 the number).
 */
const LABELLED =
  /\b(error[\s_]*code|error|status[\s_]*code|http[\s_]*status|status|code|fault)\s*(?:#|no\.?|number)?\s*(?:[:=]|=>)?\s*["'(\\]*(\d{1,6})\b["')\\]?\s*[:.,-]?\s*/gi;

/** HRESULTs of QuickBooks' own SDK (0x8004xxxx) or known to the catalog; not .NET's or Windows' others. */
function isQuickBooksHresult(text: string): boolean {
  const value = hresultValue(text);
  if (value === undefined) return false;
  return (value & 0xffff0000) >>> 0 === 0x80040000 || lookup('sdk', text) !== undefined;
}

function collectPlainText(text: string, ctx: Ctx): void {
  const flat = text.replace(/\s+/g, ' ');

  const gateway = /errorCode\s*=\s*(\d+)/i.exec(flat);
  if (gateway) {
    // "message=InternalServerError; errorCode=003100; statusCode=500": an outage at Intuit that
    // reuses a code meant for something else (3100 is about authorization); the 5xx status says
    // what it is. Intuit's own outage codes (6002 gateway timeout…) keep their entry.
    const status = /statusCode\s*=\s*(5\d\d)/i.exec(flat)?.[1];
    const given = canonicalCode('qbo', gateway[1]!);
    const entry = lookup('qbo', given);
    const outage = status && entry && entry.category !== 'quickbooks-busy' && entry.category !== 'system';
    const code = outage ? `HTTP${status}` : given;
    return push(ctx, { system: 'qbo', code, message: flat, raw: text });
  }

  // The sync service's own code, before anything that might read a part of it ("oauth-invalid_grant").
  // Inside a longer text, a lower-case "sl-…" counts only when it is a code the catalog lists, so a
  // file or page name of that shape is not taken for one; the text alone may be any SL- code.
  const inText = SYNCLENS_IN_TEXT.exec(flat)?.[0];
  const own =
    inText !== undefined && (inText === flat || /^SL-[A-Z-]+$/.test(inText) || lookup('synclens', inText) !== undefined)
      ? inText
      : /^[a-z][a-z_-]{2,40}$/i.test(flat)
        ? flat
        : undefined;
  const ownCode = own === undefined ? undefined : syncServiceCode(own);
  if (ownCode) {
    const rest = flat === own ? undefined : flat;
    return push(ctx, { ...ownCode, ...(rest ? { message: rest } : {}), raw: text });
  }

  const oauth = OAUTH_IN_TEXT.exec(flat);
  if (oauth) return push(ctx, { system: 'qbo', code: oauth[1]!.toLowerCase(), message: flat, raw: text });

  const qbwc = /\bQBWC\s?(\d{4})\b/i.exec(flat);
  if (qbwc) return push(ctx, { system: 'qbwc', code: `QBWC${qbwc[1]}`, message: flat, raw: text });

  const hex = /\b0x([0-9a-f]{8})\b/i.exec(flat) ?? /(?<![\w.])(8004[\s_]?[0-9a-f]{4})(?![\w.])/i.exec(flat);
  if (hex && isQuickBooksHresult(hex[0])) return push(ctx, { system: 'sdk', code: canonicalCode('sdk', hex[0]), message: flat, raw: text });
  // Decimal HRESULTs count when they are QuickBooks' own: .NET and Windows put theirs on every exception.
  for (const m of flat.matchAll(/(?<![\w.])(-?\d{10})(?![\w.])/g)) {
    if (isQuickBooksHresult(m[1]!)) return push(ctx, { system: 'sdk', code: canonicalCode('sdk', m[1]!), message: flat, raw: text });
  }

  // A labelled code ("Error code: 6240", "code=\"130\"", ":error_code=>\"120\""). A status code is
  // the wrapper's HTTP status, weaker than any QuickBooks code or wording; code 0 means none.
  for (const m of flat.matchAll(LABELLED)) {
    const value = m[2]!;
    if (/^0+$/.test(value)) continue;
    // "returned an error: (401) Unauthorized": a number followed by its HTTP reason is a status.
    const reason = new RegExp(`^\\s*(?:${HTTP_REASONS})\\b`, 'i').test(flat.slice(m.index + m[0].length));
    // "HTTP Error Code: 502", "HTTP Error 503": the label belongs to HTTP.
    const afterHttp = /HTTP\s*$/i.test(flat.slice(Math.max(0, m.index - 6), m.index));
    if (/status|http/i.test(m[1]!) || reason || afterHttp) {
      const n = Number(value);
      if (n >= 100 && n < 600) {
        if (n >= 400) ctx.weak.push({ system: 'qbo', code: `HTTP${n}`, message: flat, raw: text, fromLine: ctx.lineMode });
        continue;
      }
    }
    const c = classifyCode(value, ctx.opts, `${flat}\n${ctx.rawText.slice(0, MAX_SCAN)}`);
    const rest = flat.slice(m.index + m[0].length).trim();
    if (c) return push(ctx, { ...c, message: rest || flat, raw: text });
  }

  for (const [pattern, code] of TRANSPORT) {
    const m = pattern.exec(flat);
    if (m) return push(ctx, { system: 'qbo', code: code === '$1' ? m[1]!.toUpperCase() : code, message: flat, raw: text });
  }

  const http =
    new RegExp(`\\b(?:HTTP\\/\\d(?:\\.\\d)?\\s+)?\\(?([45]\\d{2})\\)?\\s+(${HTTP_REASONS})\\b`, 'i').exec(flat) ??
    /\bHTTP(?:\/\d(?:\.\d)?)?\s*(?:status|error)?\s*[:=]?\s*([45]\d{2})\b/i.exec(flat);
  if (http) ctx.weak.push({ system: 'qbo', code: `HTTP${http[1]}`, message: flat, raw: text, fromLine: ctx.lineMode });

  // The text is nothing but a code, e.g. "6240" or "003200".
  const c = /^[+-]?\d{1,10}$/.test(flat) ? classifyCode(flat, ctx.opts, ctx.rawText === text ? '' : ctx.rawText.slice(0, MAX_SCAN)) : undefined;
  if (c) push(ctx, { ...c, raw: text });
}

// ------------------------------------------------------------------ QuickBooks' wording, no code

/** Full matches are answers (several when the text holds several errors); partial ones candidates. */
const MAX_WORDING_MATCHES = 3;

function collectByWording(ctx: Ctx, kind: 'full' | 'partial'): void {
  const text = ctx.rawText.length > MAX_SCAN ? ctx.rawText.slice(0, MAX_SCAN) : ctx.rawText;
  const evidence = ctx.opts.system ?? systemEvidence(text);
  // The sync service's own wordings name the QuickBooks they were about, so they count for both.
  const systems: ErrorSystem[] | undefined =
    evidence === 'qbo' ? ['qbo', 'synclens'] : evidence === 'qbd' ? ['qbd', 'sdk', 'qbwc', 'synclens'] : undefined;
  const matches = matchMessage(text, { systems, limit: MAX_WORDING_MATCHES }).filter((m) => m.full === (kind === 'full'));
  // An HTTP status's wording (an SDK's "got a 401") is the wrapper's: QuickBooks' own comes first.
  const wrapperOnly = (code: string) => /^HTTP\d{3}$/.test(code);
  const ownWords = matches.some((m) => !wrapperOnly(m.entry.code));
  for (const m of matches) {
    const wrapper = ownWords && wrapperOnly(m.entry.code);
    push(ctx, {
      system: m.entry.system,
      code: m.entry.code,
      message: text.trim().slice(0, 2000),
      matchedBy: 'wording',
      ...(m.full ? {} : { possible: true }),
      ...(wrapper ? { wrapper: true } : {}),
      raw: text,
    });
  }
}

// ------------------------------------------------------------------ system choice for bare numbers

/**
 * Which QuickBooks a text comes from, by the words only one of them uses: EditSequence, ListID,
 * TxnID, qbXML, statusSeverity, the Web Connector, a .QBW file for Desktop; a Fault, intuit_tid,
 * realmId, minorversion, SyncToken for Online. Null when there is none, or evidence of both.
 */
export function systemEvidence(text: string): 'qbo' | 'qbd' | null {
  const qbd = QBD_CUES.test(text) || QBD_ID_CUES.test(text);
  const qbo = QBO_CUES.test(text);
  return qbd === qbo ? null : qbd ? 'qbd' : 'qbo';
}

const QBD_CUES =
  /list element|edit ?sequence|QuickBooks error message|qbXML|specified in the request cannot be found|invalid reference to QuickBooks|status ?Severity|Web ?Connector|QBWC|\.QBW\b|QuickBooks Desktop|QBFC|RequestProcessor/i;
/** Desktop spells these ids "ListID" and "TxnID"; QuickBooks Online's Detail lines say "TxnId". */
const QBD_ID_CUES = /\b(?:ListID|TxnID)\b/;
const QBO_CUES =
  /\bFault\b|ValidationFault|SystemFault|AuthenticationFault|AuthorizationFault|DisplayName|Sync ?Token|realm ?Id|\brealm\b|minorversion|Duplicate Name Exists|Duplicate Document Number|Business Validation|Stale Object|intuit_tid|Account Period Closed|Invalid Reference Id|QuickBooks Online|IntuitResponse|Intuit\.Ipp|com\.intuit\.ipp/i;

// Numbers both tables use for different problems (team reference, section 0), ambiguous even
// while one of the catalogs is still missing its entry.
const KNOWN_COLLISIONS = new Set(['500', '600', '1000', '1010', '2000', '3000', '3100', '3200']);

function resolveNumber(code: string, opts: NormalizeOptions, context: string): { system: ErrorSystem; code: string; ambiguous?: boolean } {
  if (opts.system) return { system: opts.system, code };
  const evidence = systemEvidence(context);
  if (evidence) return { system: evidence, code };
  const inQbo = lookup('qbo', code) !== undefined;
  const inQbd = lookup('qbd', code) !== undefined;
  if (inQbo !== inQbd && !KNOWN_COLLISIONS.has(code)) return { system: inQbo ? 'qbo' : 'qbd', code };
  // Both tables (or neither) know it: QBO is the default guess, flagged so the UI can say so.
  return { system: 'qbo', code, ambiguous: true };
}

// ------------------------------------------------------------------ helpers

function push(ctx: Ctx, e: NormalizedError): void {
  const out: NormalizedError = { ...e };
  out.raw ||= ctx.rawText;
  out.severity ??= 'error';
  for (const field of ['message', 'detail'] as const) {
    const embedded = out[field] && /QuickBooks error message:\s*([\s\S]+)$/i.exec(out[field]!)?.[1]?.trim();
    if (embedded && !out.embeddedMessage) out.embeddedMessage = embedded;
  }
  for (const key of Object.keys(out) as (keyof NormalizedError)[]) if (out[key] === undefined) delete out[key];
  ctx.out.push(out);
}

function dedupe(list: NormalizedError[]): NormalizedError[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.system}|${e.code}|${e.message ?? ''}|${e.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

/**
 * Errors before warnings before info; a wrapper's status after QuickBooks' own codes; qbXML 3231
 * ("not processed" after an earlier failure) last of its kind.
 */
function rank(list: NormalizedError[]): NormalizedError[] {
  const weight = (e: NormalizedError) =>
    SEVERITY_ORDER[e.severity ?? 'error'] * 4 + (e.wrapper ? 2 : 0) + (e.system === 'qbd' && e.code === '3231' ? 1 : 0);
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => weight(a.e) - weight(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function toText(raw: unknown): string {
  return typeof raw === 'string' ? raw : safeStringify(raw);
}
