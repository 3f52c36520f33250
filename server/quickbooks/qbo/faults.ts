/**
 * Reads any error QuickBooks Online (or Intuit's gateway in front of it) sends back into one shape,
 * and sorts it into the few classes the connector acts on.
 *
 * Shapes seen in the wild: the documented JSON Fault, the same in lower case from the gateway (with
 * the code inside Message as `message=...; errorCode=003001; statusCode=429`), codes as numbers or
 * zero-padded strings, the XML IntuitResponse, a Fault inside an HTTP 200 reply, OAuth-style
 * `{error, error_description}`, HTML pages from proxies and empty bodies. A reply that carries no
 * QuickBooks code gets `HTTP<status>` (as in the error catalog), never a bare status number, which
 * would collide with QuickBooks' own code 500.
 */

export interface QboFaultError {
  code: string;
  message: string;
  detail: string | null;
  element: string | null;
}

export interface QboFault extends QboFaultError {
  /** Fault type (ValidationFault, SystemFault, SERVICE, AUTHENTICATION...) when given. */
  type: string | null;
  tid: string | null;
  status: number;
  /** Every error of the fault; the fields above repeat the first. */
  errors: QboFaultError[];
}

export type FaultClass = 'throttled' | 'auth' | 'server' | 'validation';

const MAX_TEXT = 1000;

export interface FaultReply {
  status: number;
  body: string;
  contentType?: string | null;
  tid?: string | null;
}

/**
 * The fault in a reply, or null when a successful reply carries none. A reply with an error status
 * always yields a fault, whatever its body.
 */
export function parseFaultReply(reply: FaultReply): QboFault | null {
  const { status } = reply;
  const tid = reply.tid ?? null;
  const body = reply.body ?? '';
  const trimmed = body.trim();
  const failed = status < 200 || status >= 300;

  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"')) {
    const json = parseJsonLoosely(trimmed);
    if (json !== undefined) {
      const fault = faultFromJson(json, status, tid);
      if (fault) return fault;
      return failed ? statusFault(status, tid, `QuickBooks Online replied with HTTP ${status}.`, snippet(trimmed)) : null;
    }
  }
  if (/<(?:\w+:)?fault\b/i.test(trimmed)) {
    const fault = faultFromXml(trimmed, status, tid);
    if (fault) return fault;
  }
  if (!failed) return null;
  if (trimmed === '') return statusFault(status, tid, `QuickBooks Online replied with HTTP ${status} and no details.`, null);
  if (/html/i.test(reply.contentType ?? '') || /^<!doctype html|^<html\b/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    return statusFault(
      status, tid, `QuickBooks Online replied with a web page instead of data (HTTP ${status}).`,
      title ? clean(decodeEntities(title)) : null,
    );
  }
  return statusFault(status, tid, `QuickBooks Online replied with HTTP ${status}.`, snippet(trimmed));
}

/** The fault in an already parsed JSON value (a whole reply or one batch item), or null. */
export function faultFromJson(json: unknown, status: number, tid: string | null): QboFault | null {
  if (!isObject(json)) return null;
  const faultValue = field(json, 'Fault');
  if (isObject(faultValue)) {
    const rawErrors = field(faultValue, 'Error');
    const list = Array.isArray(rawErrors) ? rawErrors : isObject(rawErrors) ? [rawErrors] : [];
    const errors = list.filter(isObject).map((e) => readError({
      code: field(e, 'code'), message: field(e, 'Message'), detail: field(e, 'Detail'), element: field(e, 'element'),
    }, status));
    const type = text(field(faultValue, 'type'));
    return makeFault(errors, type, status, tid);
  }
  // Intuit's OAuth style, also used by the gateway for some token problems.
  const error = field(json, 'error');
  if (typeof error === 'string' && /^[a-z_]{3,60}$/.test(error)) {
    const description = text(field(json, 'error_description'));
    return makeFault([{ code: error, message: description ?? error, detail: null, element: null }], 'OAuth', status, tid);
  }
  return null;
}

function faultFromXml(xml: string, status: number, tid: string | null): QboFault | null {
  const faultMatch = /<(?:\w+:)?fault\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?fault\s*>/i.exec(xml);
  if (!faultMatch) return null;
  const type = attribute(faultMatch[1]!, 'type');
  const errors: QboFaultError[] = [];
  const errorPattern = /<(?:\w+:)?error\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?error\s*>)/gi;
  for (const m of faultMatch[2]!.matchAll(errorPattern)) {
    const inner = m[2] ?? '';
    errors.push(readError({
      code: attribute(m[1]!, 'code'), element: attribute(m[1]!, 'element'),
      message: elementText(inner, 'message'), detail: elementText(inner, 'detail'),
    }, status));
  }
  return makeFault(errors, type, status, tid);
}

function makeFault(errors: QboFaultError[], type: string | null, status: number, tid: string | null): QboFault {
  const list = errors.length ? errors : [{
    code: `HTTP${status}`, message: `QuickBooks Online reported a fault without details (HTTP ${status}).`, detail: null, element: null,
  }];
  const first = list[0]!;
  return { ...first, type, tid, status, errors: list };
}

function statusFault(status: number, tid: string | null, message: string, detail: string | null): QboFault {
  const error = { code: `HTTP${status}`, message, detail, element: null };
  return { ...error, type: null, tid, status, errors: [error] };
}

/** The gateway's `message=Name; errorCode=003001; statusCode=429` form. */
const GATEWAY_MESSAGE = /^\s*message=([^;]*);\s*errorCode=(\d+)(?:;\s*statusCode=(\d+))?/i;

function readError(raw: { code: unknown; message: unknown; detail: unknown; element: unknown }, status: number): QboFaultError {
  let code = normalizeCode(raw.code);
  let message = text(raw.message);
  const gateway = message ? GATEWAY_MESSAGE.exec(message) : null;
  if (gateway) {
    if (!code || code === '0') code = normalizeCode(gateway[2]);
    message = gateway[1]!.trim() || message;
  }
  if (!code && message) {
    const labelled = /errorCode=(\d+)/i.exec(message);
    if (labelled) code = normalizeCode(labelled[1]);
  }
  return {
    code: code || `HTTP${status}`,
    message: message ?? 'QuickBooks Online gave no message.',
    detail: text(raw.detail),
    element: text(raw.element),
  };
}

/** "003001" → "3001"; numbers become strings; anything that is not a plain code word is dropped. */
export function normalizeCode(raw: unknown): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(Math.trunc(raw));
  if (typeof raw !== 'string') return '';
  const value = raw.trim();
  if (/^\d+$/.test(value)) return value.replace(/^0+(?=\d)/, '');
  return /^[A-Za-z0-9_.-]{1,40}$/.test(value) ? value : '';
}

const THROTTLE_CODES = new Set(['3001']);
/** Sign-in or permission problems: a refresh, or else a reconnect, is the cure. */
const AUTH_CODES = new Set(['100', '110', '120', '130', '3100', '3200', '3202', '7001', 'invalid_grant', 'invalid_client', 'unauthorized_client', 'HTTP401']);
/** Intuit's side failed or timed out: try again later. */
const SERVER_CODES = new Set(['150', '6002', '6003', '10000']);

export function classifyFault(fault: Pick<QboFault, 'code' | 'status'>): FaultClass {
  if (fault.status === 429 || THROTTLE_CODES.has(fault.code)) return 'throttled';
  if (fault.status === 401 || AUTH_CODES.has(fault.code) || (fault.status === 403 && fault.code === 'HTTP403')) return 'auth';
  if (fault.status >= 500 || SERVER_CODES.has(fault.code)) return 'server';
  return 'validation';
}

// ---------------------------------------------------------------------------------------------- helpers

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property by name, whatever its casing (Fault/fault, Message/message...). */
function field(obj: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const cleaned = clean(value);
  return cleaned === '' ? null : cleaned;
}

/** One line of at most MAX_TEXT characters, with bearer tokens blanked out. */
function clean(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/(bearer\s+)[\x21-\x7e]{8,}/gi, '$1[redacted]').trim().slice(0, MAX_TEXT);
}

function snippet(body: string): string | null {
  const s = clean(body.replace(/<[^>]*>/g, ' '));
  return s ? s.slice(0, 300) : null;
}

/** JSON, or JSON stored inside a JSON string (as some logs keep it); undefined when neither. */
function parseJsonLoosely(body: string): unknown {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'string' && /^\s*[{[]/.test(value)) return JSON.parse(value);
    return value;
  } catch {
    return undefined;
  }
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  if (!m) return null;
  return text(decodeEntities(m[1] ?? m[2] ?? ''));
}

function elementText(xml: string, name: string): string | null {
  const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}\\s*>)`, 'i').exec(xml);
  if (!m || m[1] === undefined) return null;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(m[1]);
  return text(cdata ? cdata[1]! : decodeEntities(m[1]));
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return safeChar(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return safeChar(parseInt(lower.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[lower]!;
  });
}

function safeChar(cp: number): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
}
