/**
 * The shape of one QuickBooks error explanation. Catalog files under lib/errors/catalog/ hold the
 * entries per system; lib/errors/catalog/index.ts joins them and answers lookups.
 */

/** Which table a code belongs to. Codes collide between systems (QBO 3200 ≠ QBD 3200). */
export type ErrorSystem =
  | 'qbo' // QuickBooks Online Accounting API fault codes
  | 'qbd' // QuickBooks Desktop qbXML statusCode values
  | 'sdk' // QuickBooks SDK / COM HRESULTs (0x8004xxxx) passed on by the Web Connector
  | 'qbwc' // Web Connector client errors (QBWCnnnn)
  | 'synclens'; // the sync service's own codes, not QuickBooks' ("SL-UNLINKED-REFERENCE", "bad-reply")

export const ERROR_CATEGORIES = [
  'duplicate',
  'missing-reference',
  'deleted-or-inactive',
  'stale-copy',
  'closed-period',
  'validation',
  'connection',
  'subscription',
  'throttling',
  'quickbooks-busy',
  'system',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export interface ErrorEntry {
  system: ErrorSystem;
  /**
   * The code as QuickBooks writes it: QBO/QBD decimal ("6240", "3100"), SDK hex in lower case with
   * 0x and 8 digits ("0x80040408"), Web Connector with prefix ("QBWC1039"), the sync service's own
   * codes in upper case with the SL- prefix ("SL-NO-RECORD-DATA") or as its lower-case names
   * ("bad-reply").
   */
  code: string;
  /** A short title, e.g. "Name already in use". */
  title: string;
  /** What it means, in plain words a bookkeeper understands. */
  meaning: string;
  /** The most likely cause in a landscaping / tree-care / lawn-care business. */
  likelyCause: string;
  /** Numbered steps to fix it (in QuickBooks and in the sync service), in order. */
  steps: string[];
  /** True when pressing Resync alone (nothing else changed) can succeed, e.g. a busy or locked file. */
  resyncAlone: boolean;
  /** True when Clear ID is the fix: the linked QuickBooks record no longer exists (QBO 610, QBD 3120/3240). */
  clearIdFixes: boolean;
  category: ErrorCategory;
  /** Intuit help page, when one exists (https only). */
  helpUrl?: string;
  /**
   * The wordings QuickBooks (or the Web Connector, an SDK, Intuit's OAuth server) uses for this
   * error, as they appear: QuickBooks Online Message and Detail lines, QuickBooks Desktop
   * statusMessage text, Web Connector log lines. Literal patterns to recognise a pasted message
   * that carries no code, never shown to the user. `*` stands for a variable part (a name, number,
   * id or date). Matching ignores case, punctuation, quotes and spacing (lib/errors/match-message.ts).
   */
  messages?: readonly string[];
}
