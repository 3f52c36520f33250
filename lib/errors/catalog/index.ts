/**
 * Joins the per-system catalogs and answers lookups. Codes are canonicalised first so "003200",
 * "80040408" or "qbwc1039" find the same entry as "3200", "0x80040408" and "QBWC1039".
 * Unknown codes get a general explanation by range (flagged `general: true`, raw code kept).
 */
import type { ErrorCategory, ErrorEntry, ErrorSystem } from '../types';
import { QBD_ENTRIES } from './qbd';
import { QBO_ENTRIES } from './qbo';
import { QBWC_ENTRIES } from './qbwc';
import { SDK_ENTRIES } from './sdk';
import { SYNCLENS_ENTRIES } from './synclens';

export const ALL_ENTRIES: readonly ErrorEntry[] = [...QBO_ENTRIES, ...QBD_ENTRIES, ...SDK_ENTRIES, ...QBWC_ENTRIES, ...SYNCLENS_ENTRIES];

const byKey = new Map<string, ErrorEntry>();
for (const entry of ALL_ENTRIES) byKey.set(`${entry.system}:${entry.code}`, entry);

/** An explanation built from the code's range because the exact code is not in the catalog. */
export interface GeneralEntry extends ErrorEntry {
  general: true;
  /** The code exactly as it was given, before canonicalisation. */
  rawCode: string;
  severity: 'error' | 'warn' | 'info';
}

/** Unsigned 32-bit value of an HRESULT given in hex ("0x80040408", "8004 0408") or decimal. */
export function hresultValue(code: string): number | undefined {
  const text = code.trim();
  const hex = /^(?:0x)?([0-9a-f]{4})[\s_-]?([0-9a-f]{4})$/i.exec(text);
  if (hex && (/^0x/i.test(text) || /^8/i.test(hex[1]!))) return Number.parseInt(hex[1]! + hex[2]!, 16);
  if (/^[+-]?\d{1,10}$/.test(text)) {
    const n = Number(text);
    if (n < 0 && n >= -0x80000000) return n + 0x100000000;
    if (n >= 0x80000000 && n <= 0xffffffff) return n;
  }
  return undefined;
}

/**
 * A sync service code with the SL- prefix, however it was typed ("sl-unlinked-reference",
 * "SL_UNLINKED_REFERENCE", "SL UNLINKED REFERENCE"); group 1 is its words.
 */
export const SYNCLENS_PREFIXED = /^SL[\s_-]+([A-Z]+(?:[\s_-]+[A-Z]+)*)$/i;

/** The catalog spelling of a code for a system; returns the trimmed input when it does not fit. */
export function canonicalCode(system: ErrorSystem, code: string): string {
  const text = String(code).trim();
  switch (system) {
    case 'qbo':
    case 'qbd': {
      const http = /^HTTP[\s_-]*(\d{3})$/i.exec(text);
      if (http && system === 'qbo') return `HTTP${http[1]}`;
      if (/^[+-]?\d+$/.test(text)) return String(Number.parseInt(text, 10));
      return text;
    }
    case 'sdk': {
      const value = hresultValue(text);
      return value === undefined ? text.toLowerCase() : `0x${value.toString(16).padStart(8, '0')}`;
    }
    case 'qbwc': {
      const m = /^(?:QBWC)?[\s_-]*(\d{3,4})$/i.exec(text);
      return m ? `QBWC${m[1]}` : text.toUpperCase();
    }
    case 'synclens': {
      // "SL-" codes are written in upper case with hyphens; the QuickBooks Online client's own
      // names ("bad-reply", "oauth-server_error") in lower case, underscores kept.
      const prefixed = SYNCLENS_PREFIXED.exec(text);
      return prefixed ? `SL-${prefixed[1]!.toUpperCase().replace(/[\s_-]+/g, '-')}` : text.toLowerCase();
    }
  }
}

/** The catalog entry for exactly this code in this system, if there is one. */
export function lookup(system: ErrorSystem, code: string): ErrorEntry | undefined {
  return byKey.get(`${system}:${canonicalCode(system, code)}`);
}

interface RangeHelp {
  title: string;
  meaning: string;
  category: ErrorCategory;
  severity: GeneralEntry['severity'];
  resyncAlone: boolean;
  steps: string[];
}

const READ_MESSAGE = 'Read the full message and detail shown with the error: QuickBooks usually names the field or record involved.';
const READ_MESSAGE_SERVICE = 'Read the full message and detail shown with the error: the sync service says what it needs.';
const FIX_RECORD = 'Correct that record in the job app and save it.';
const RESYNC = 'In SyncLens, press Resync on the item in Unsynced Entities.';
const RESYNC_LATER = 'Wait a few minutes, then press Resync on the item in Unsynced Entities.';
const REPORT = 'If it keeps failing, send the code and the full message to your sync service provider.';
const RECONNECT = 'Check the connection: have a QuickBooks admin reconnect QuickBooks in the sync service settings.';
const CONNECTOR_PC =
  'On the QuickBooks computer, make sure QuickBooks and the Web Connector are open and no QuickBooks pop-up is waiting for an answer.';

function help(
  title: string,
  meaning: string,
  category: ErrorCategory,
  steps: string[],
  resyncAlone = false,
  severity: GeneralEntry['severity'] = 'error',
): RangeHelp {
  return { title, meaning, category, severity, resyncAlone, steps };
}

function qboRange(code: string): RangeHelp {
  const http = /^HTTP(\d{3})$/.exec(code);
  if (http) {
    const status = Number(http[1]);
    if (status === 401 || status === 403)
      return help('Access problem (HTTP)', 'QuickBooks Online refused the sync service\'s sign-in or access.', 'connection', [RECONNECT, RESYNC]);
    if (status === 429)
      return help('Rate limit (HTTP)', 'QuickBooks Online asked the sync service to slow down.', 'throttling', [RESYNC_LATER], true);
    if (status >= 500)
      return help('QuickBooks server problem (HTTP)', 'QuickBooks Online had a problem on its side.', 'system', [RESYNC_LATER, REPORT], true);
    if (status >= 400)
      return help('Request rejected (HTTP)', 'QuickBooks Online rejected the request.', 'validation', [READ_MESSAGE, FIX_RECORD, RESYNC, REPORT]);
    return help('Unexpected HTTP answer', 'QuickBooks Online answered in an unexpected way.', 'system', [RESYNC_LATER, REPORT]);
  }
  const n = Number(code);
  if (!Number.isInteger(n) || n < 0)
    return help('Unrecognised error', 'This error does not look like a QuickBooks Online fault code.', 'system', [READ_MESSAGE, REPORT]);
  if (n < 500) return help('Sign-in or access problem', 'Codes below 500 are about signing in to QuickBooks Online or being allowed in.', 'connection', [RECONNECT, RESYNC]);
  if (n < 600) return help('Operation not supported', 'Codes from 500 to 599 mean QuickBooks Online does not support what was asked.', 'validation', [READ_MESSAGE, FIX_RECORD, RESYNC, REPORT]);
  if (n < 2000) return help('General request problem', 'Codes from 600 to 1999 are general problems with a request.', 'validation', [READ_MESSAGE, RESYNC, REPORT]);
  if (n < 3000) return help('A value was not accepted', 'Codes from 2000 to 2999 mean a field value failed QuickBooks Online\'s checks.', 'validation', [READ_MESSAGE, FIX_RECORD, RESYNC]);
  if (n < 4000) return help('Sign-in, permission or rate problem', 'Codes from 3000 to 3999 mostly concern sign-in, permissions and rate limits.', 'connection', [RECONNECT, RESYNC_LATER]);
  if (n < 5000) return help('Search problem', 'Codes from 4000 to 4999 concern searches the sync service ran.', 'system', [RESYNC_LATER, REPORT]);
  if (n < 6000) return help('Record changed or feature unavailable', 'Codes from 5000 to 5999 concern records changed by someone else, or features your plan lacks.', 'stale-copy', [READ_MESSAGE, RESYNC, REPORT]);
  if (n < 10000) return help('Bookkeeping rule not met', 'Codes from 6000 to 9999 are QuickBooks Online business rules.', 'validation', [READ_MESSAGE, FIX_RECORD, RESYNC]);
  return help('QuickBooks system problem', 'Codes of 10000 and above are failures inside QuickBooks Online.', 'system', [RESYNC_LATER, REPORT], true);
}

function qbdRange(code: string): RangeHelp {
  const n = Number(code);
  if (!Number.isInteger(n) || n < 0)
    return help('Unrecognised status', 'This does not look like a QuickBooks Desktop status code.', 'system', [READ_MESSAGE, REPORT]);
  if (n < 500) return help('Information only', 'QuickBooks Desktop status codes below 500 are informational, not failures.', 'system', [READ_MESSAGE], false, 'info');
  if (n < 1000) return help('Warning', 'Codes from 500 to 999 are warnings: QuickBooks Desktop did the work but noted a problem.', 'validation', [READ_MESSAGE, 'Check the record in QuickBooks Desktop looks right.'], false, 'warn');
  if (n < 2000) return help('QuickBooks Desktop general error', 'Codes from 1000 to 1999 are general QuickBooks Desktop errors.', 'system', [CONNECTOR_PC, RESYNC_LATER, REPORT], true);
  if (n < 3000) return help('Not used by QuickBooks Desktop', 'Codes from 2000 to 2999 belong to a retired online edition and should not appear for Desktop.', 'system', [REPORT]);
  if (n < 3100) return help('Value format error', 'Codes from 3000 to 3099 mean a value was in the wrong format.', 'validation', [READ_MESSAGE, FIX_RECORD, RESYNC]);
  if (n < 3200) return help('Name or reference problem', 'Codes from 3100 to 3199 concern names and links between records (a name in use, a record not found).', 'missing-reference', [READ_MESSAGE, 'In QuickBooks Desktop, find the record named in the message and check it exists, is active and is not a duplicate.', RESYNC]);
  if (n < 9000) return help('QuickBooks Desktop error', 'QuickBooks Desktop refused the request; the message explains the reason.', 'validation', [READ_MESSAGE, FIX_RECORD, RESYNC, REPORT]);
  if (n >= 9100 && n < 9200) return help('Request macro error', 'Codes from 9100 to 9199 are problems in how the request was put together.', 'system', [REPORT]);
  return help('QuickBooks Desktop internal error', 'Codes of 9000 and above are internal problems.', 'system', [CONNECTOR_PC, RESYNC_LATER, REPORT], true);
}

function sdkRange(code: string): RangeHelp {
  if (/^0x8004[0-9a-f]{4}$/.test(code))
    return help('Connection or session problem', 'Codes starting 0x8004 come from the link between the Web Connector and QuickBooks Desktop: QuickBooks could not be opened, reached or used.', 'connection', [CONNECTOR_PC, 'Check the right company file is open and the sync app is allowed in it (Edit > Preferences > Integrated Applications).', RESYNC_LATER], true);
  return help('Windows component error', 'This is a Windows-level error passed on by the Web Connector.', 'system', [CONNECTOR_PC, 'Restart QuickBooks and the Web Connector.', RESYNC_LATER, REPORT], true);
}

function synclensRange(): RangeHelp {
  return help('Sync service problem', 'This code comes from the sync service itself, not from QuickBooks: it stopped before QuickBooks was asked, or could not use QuickBooks\' answer.', 'system', [READ_MESSAGE_SERVICE, RESYNC, REPORT]);
}

function qbwcRange(): RangeHelp {
  return help('Web Connector problem', 'Codes starting QBWC come from the Web Connector program on the QuickBooks computer.', 'connection', [CONNECTOR_PC, 'Open the Web Connector and read the status line next to the sync app.', REPORT]);
}

const SYSTEM_NAMES: Record<ErrorSystem, string> = {
  qbo: 'QuickBooks Online',
  qbd: 'QuickBooks Desktop',
  sdk: 'QuickBooks connection (SDK)',
  qbwc: 'Web Connector',
  synclens: 'SyncLens sync service',
};

/** A general explanation for a code the catalog does not list, chosen by its range. */
export function fallbackFor(system: ErrorSystem, code: string): GeneralEntry {
  const canonical = canonicalCode(system, code);
  const range =
    system === 'qbo'
      ? qboRange(canonical)
      : system === 'qbd'
        ? qbdRange(canonical)
        : system === 'sdk'
          ? sdkRange(canonical)
          : system === 'synclens'
            ? synclensRange()
            : qbwcRange();
  return {
    system,
    code: canonical,
    rawCode: String(code),
    general: true,
    title: `${range.title} (${SYSTEM_NAMES[system]} code ${canonical})`,
    meaning: `General explanation: code ${canonical} is not in our list. ${range.meaning}`,
    likelyCause:
      system === 'synclens'
        ? 'Not known for this exact code; the message from the sync service shown with it is the best guide.'
        : 'Not known for this exact code; the message from QuickBooks shown with it is the best guide.',
    steps: range.steps,
    resyncAlone: range.resyncAlone,
    clearIdFixes: false,
    category: range.category,
    severity: range.severity,
  };
}

/** The exact entry when known, otherwise the general explanation for the code's range. */
export function entryFor(system: ErrorSystem, code: string): ErrorEntry | GeneralEntry {
  return lookup(system, code) ?? fallbackFor(system, code);
}

export function isGeneral(entry: ErrorEntry | GeneralEntry): entry is GeneralEntry {
  return (entry as GeneralEntry).general === true;
}
