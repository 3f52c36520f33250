/**
 * Picks the catalog entry for a failed sync and adds hints read from this particular failure's
 * message and detail (the transaction that already holds a number, inactive vs deleted, the
 * QuickBooks reason embedded in a qbXML message, the duplicate name).
 */
import { entryFor, isGeneral, type GeneralEntry } from './catalog/index';
import { classifyCode, normalizeError, type NormalizedError } from './normalize';
import type { ErrorEntry, ErrorSystem } from './types';

/** A QuickBooks record the UI can open (it builds the QuickBooks URL from these). */
export interface RecordLink {
  /** API entity name, e.g. "Invoice", "Payment", "Purchase". */
  entityType: string;
  qbId: string;
  docNumber?: string;
  /** The transaction type exactly as QuickBooks wrote it, e.g. "ReceivePayment". */
  txnType?: string;
}

export interface Explanation {
  entry: ErrorEntry | GeneralEntry;
  /** True when the code is not in the catalog and `entry` is a general explanation by range. */
  general: boolean;
  normalized: NormalizedError;
  hints: string[];
  link?: RecordLink;
  duplicateName?: string;
  /** Whether Clear ID is the right fix for this failure (610 "made inactive" is not). */
  clearIdAdvised: boolean;
  resyncAlone: boolean;
}

export interface ExplainInput {
  code?: string;
  message?: string;
  detail?: string;
  raw?: unknown;
}

export function explainError(input: ExplainInput, system: 'qbo' | 'qbd'): Explanation {
  const normalized = normalizeInput(input, system);
  const entry = entryFor(normalized.system, normalized.code);
  const general = isGeneral(entry);
  const text = [normalized.message, normalized.detail].filter(Boolean).join('\n');
  const result: Explanation = {
    entry,
    general,
    normalized,
    hints: [],
    clearIdAdvised: entry.clearIdFixes,
    resyncAlone: entry.resyncAlone,
  };

  if (normalized.system === 'qbo') addQboHints(result, normalized.code, text);
  if (normalized.system === 'qbd') addQbdHints(result, normalized.code, text);
  if (normalized.embeddedMessage) {
    const lead = normalized.code === '3180' ? 'The real reason, in QuickBooks\' words' : 'QuickBooks\' own reason';
    result.hints.unshift(`${lead}: "${normalized.embeddedMessage}". Act on this first.`);
  }
  if (general) {
    const said = normalized.message ? ` QuickBooks said: "${normalized.message}".` : '';
    result.hints.push(`Code ${normalized.code} is not in our list, so this is a general explanation for its range.${said}`);
  }
  return result;
}

/**
 * The one rule for which code a failure has: a given code that reads as a code wins (canonical
 * spelling, so "003200" is 3200); a code that is only a name ("ThrottleExceeded"), or none, is
 * looked for in the message and detail ("errorCode=003001"); failing that, the given text stays.
 * `fromRaw` (a whole pasted error) stands in for the message and detail when given.
 */
function codeSources(
  input: ExplainInput,
  system: 'qbo' | 'qbd',
  fromRaw?: NormalizedError,
): { explicit?: { system: ErrorSystem; code: string }; fromText?: NormalizedError; code: string; system: ErrorSystem } {
  const opts = { system };
  // The company's system is always given, so no context is needed to place a bare number.
  const explicit = input.code ? classifyCode(input.code, opts) : undefined;
  const fromText =
    fromRaw ?? (explicit || !(input.message || input.detail) ? undefined : normalizeError({ message: input.message, detail: input.detail }, opts)[0]);
  return {
    explicit,
    fromText,
    system: explicit?.system ?? fromText?.system ?? system,
    code: explicit?.code ?? fromText?.code ?? (input.code?.trim() || 'unknown'),
  };
}

/** Only the code (and its table) of a failure, by the rule above, without building an explanation. */
export function failureCodeOf(input: Pick<ExplainInput, 'code' | 'message' | 'detail'>, system: 'qbo' | 'qbd'): { system: ErrorSystem; code: string } {
  const { system: table, code } = codeSources(input, system);
  return { system: table, code };
}

function normalizeInput(input: ExplainInput, system: 'qbo' | 'qbd'): NormalizedError {
  const fromRaw = input.raw !== undefined ? normalizeError(input.raw, { system })[0] : undefined;
  const sources = codeSources(input, system, fromRaw);
  const base = sources.fromText;
  const message = input.message ?? base?.message;
  const detail = input.detail ?? base?.detail;
  const normalized: NormalizedError = {
    ...(base ?? { raw: rawText(input) }),
    system: sources.system,
    code: sources.code,
  };
  if (message) normalized.message = message;
  if (detail) normalized.detail = detail;
  if (sources.explicit) delete normalized.ambiguous;
  if (!normalized.embeddedMessage) {
    const embedded = /QuickBooks error message:\s*([\s\S]+)$/i.exec([message, detail].filter(Boolean).join('\n'))?.[1]?.trim();
    if (embedded) normalized.embeddedMessage = embedded;
  }
  return normalized;
}

function rawText(input: ExplainInput): string {
  try {
    return JSON.stringify(input);
  } catch {
    return String(input.message ?? input.code ?? '');
  }
}

// QuickBooks transaction types (TxnTypeEnum) whose API entity has a different name.
const TXN_TYPE_TO_ENTITY: Record<string, string> = {
  ReceivePayment: 'Payment',
  Payment: 'Payment',
  Check: 'Purchase',
  CashPurchase: 'Purchase',
  Expense: 'Purchase',
  BillPaymentCheck: 'BillPayment',
  EFTBillPayment: 'BillPayment',
};

function entityTypeFor(txnType: string): string | undefined {
  const compact = txnType.replace(/[\s_-]+/g, '');
  const mapped = TXN_TYPE_TO_ENTITY[compact] ?? compact;
  return /^[A-Z][A-Za-z]{1,40}$/.test(mapped) ? mapped : undefined;
}

function addQboHints(result: Explanation, code: string, text: string): void {
  switch (code) {
    case '6140': {
      const doc = /DocNumber\s*=\s*([^\s,;]+)/i.exec(text)?.[1];
      const txnType = /TxnType\s*=\s*([A-Za-z][A-Za-z _-]*?)(?=\s+with\b|\s*[,;.]|\s+TxnId|\s*$)/i.exec(text)?.[1]?.trim();
      const qbId = /TxnId\s*=\s*([A-Za-z0-9-]+)/i.exec(text)?.[1];
      const entityType = txnType ? entityTypeFor(txnType) : undefined;
      if (qbId && entityType) {
        result.link = { entityType, qbId, ...(doc ? { docNumber: doc } : {}), ...(txnType ? { txnType } : {}) };
      }
      if (doc || qbId) {
        const what = txnType ? `${txnType}` : 'transaction';
        result.hints.push(
          `Number ${doc ?? '(not given)'} already belongs to ${what}${qbId ? ` ${qbId}` : ''} in QuickBooks. Open it: if it is this same document, link to it instead of creating another; if not, renumber this one.`,
        );
      }
      break;
    }
    case '610': {
      if (/inactive/i.test(text)) {
        result.clearIdAdvised = false;
        result.hints.push(
          'A record this one uses was made inactive in QuickBooks. Make it active again (include inactive records in the QuickBooks list), then Resync. Do not use Clear ID: nothing was deleted.',
        );
      } else if (/delet/i.test(text)) {
        result.clearIdAdvised = true;
        result.hints.push(
          'The QuickBooks record was deleted. Press Clear ID so the next sync creates a new one, after checking QuickBooks holds no stray copy.',
        );
      } else {
        result.hints.push(
          'Check in QuickBooks whether the record was deleted (use Clear ID) or made inactive (make it active again, then Resync).',
        );
      }
      break;
    }
    case '6240': {
      const name = duplicateNameFrom(text);
      if (name) {
        result.duplicateName = name;
        result.hints.push(
          `The name "${name}" is already used by a customer, vendor or employee in QuickBooks (inactive ones count). Search for it, including inactive records.`,
        );
      }
      const id = /\bId\s*[:=]\s*(\d+)/i.exec(text)?.[1];
      if (id) result.hints.push(`QuickBooks names the existing record's id: ${id}.`);
      break;
    }
  }
}

function addQbdHints(result: Explanation, code: string, text: string): void {
  if (code === '3100') {
    const name = /name\s+"([^"]+)"/i.exec(text)?.[1];
    if (name) {
      result.duplicateName = name;
      result.hints.push(`QuickBooks Desktop already has a list entry named "${name}". Link to it or rename one of them.`);
    }
  }
  if (code === '3231') {
    result.hints.push('This request was skipped because an earlier request in the same run failed. Fix that first error; this one will go through with it.');
  }
}

/** The conflicting name from a 6240 message/detail, when QuickBooks quotes it. */
function duplicateNameFrom(text: string): string | undefined {
  const patterns = [
    /name\s+supplied\s+already\s+exists\s*[:.]?\s*"([^"]+)"/i,
    /(?:Display\s*Name|name)\s*[:=]\s*"([^"]+)"/i,
    /(?:Display\s*Name|name)\s*[:=]\s*([^,;\n"]+?)(?=\s*(?:[,;\n]|$))/i,
    /name\s+"([^"]+)"/i,
    /"([^"]+)"\s+(?:is\s+)?already/i,
  ];
  for (const p of patterns) {
    const m = p.exec(text)?.[1]?.trim();
    if (m) return m;
  }
  return undefined;
}
