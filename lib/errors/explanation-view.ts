/**
 * Turns the catalog's explanation of one failure into the plain view the overlay and the popup
 * render (ExplanationView, part of the message protocol), and explains pasted error text.
 */
import type { ExplanationView } from '../messaging/overlay-commands';
import { explainError, failureCodeOf, type Explanation } from './explain';
import { localizedHint, localizedText } from './localize';
import { lookup } from './catalog/index';
import { normalizeError, type NormalizedError } from './normalize';
import type { ErrorSystem } from './types';

/** How many codes one pasted text may produce (a whole log can hold many). */
const MAX_EXPLANATIONS = 5;
const QB_ID = /^[A-Za-z0-9-]{1,64}$/;

export function toExplanationView(explanation: Explanation, raw: { message?: string | null; detail?: string | null } = {}): ExplanationView {
  const { entry, normalized } = explanation;
  const related = explanation.link && QB_ID.test(explanation.link.qbId) && /^[A-Z][A-Za-z]{1,40}$/.test(explanation.link.entityType)
    ? { entityType: explanation.link.entityType, qbId: explanation.link.qbId }
    : undefined;
  const text = localizedText(entry, explanation.general);
  return {
    system: normalized.system,
    code: entry.code,
    title: text.title,
    meaning: text.meaning,
    likelyCause: text.likelyCause,
    steps: text.steps,
    resyncAlone: explanation.resyncAlone,
    clearIdFixes: explanation.clearIdAdvised,
    category: entry.category,
    ...(entry.helpUrl && /^https:\/\//.test(entry.helpUrl) ? { helpUrl: entry.helpUrl } : {}),
    general: explanation.general,
    hints: explanation.hints.map(localizedHint),
    ...(related ? { relatedRecord: related } : {}),
    ...(raw.message ?? normalized.message ? { rawMessage: (raw.message ?? normalized.message)!.slice(0, 2000) } : {}),
    ...(raw.detail ?? normalized.detail ? { rawDetail: (raw.detail ?? normalized.detail)!.slice(0, 4000) } : {}),
  };
}

/** A failure as the sync service stores it (Unsynced entity, Link, log entry). */
export interface StoredFailure {
  errorCode: string;
  errorMessage?: string | null;
  errorDetail?: string | null;
}

const failureInput = (failure: StoredFailure) => ({
  code: failure.errorCode,
  message: failure.errorMessage ?? undefined,
  detail: failure.errorDetail ?? undefined,
});

/**
 * The explanation of a stored failure. The server's errorCode is not shown as it came: the same
 * normalizer the lookup uses reads code, message and detail, so "003200" is 3200 and
 * "ThrottleExceeded" with "errorCode=003001" in its message is 3001; `code` is that normalized one.
 */
export function explainFailure(failure: StoredFailure, system: 'qbo' | 'qbd'): ExplanationView {
  const explanation = explainError(failureInput(failure), system);
  return toExplanationView(explanation, { message: failure.errorMessage, detail: failure.errorDetail });
}

/**
 * Only the normalized code of a stored failure (and the table it belongs to), by the same rule as
 * explainFailure: for views that show, filter, count or sort by code without the whole explanation.
 */
export function failureCode(failure: StoredFailure, system: 'qbo' | 'qbd'): { system: ErrorSystem; code: string } {
  return failureCodeOf(failureInput(failure), system);
}

/**
 * Every QuickBooks error found in pasted text (a code, JSON, XML, a log line, or only QuickBooks'
 * wording), explained. A bare number that both QuickBooks Online and Desktop use, with nothing in
 * the text to tell them apart, is explained both ways.
 */
export function explainText(text: string, system?: 'qbo' | 'qbd'): ExplanationView[] {
  const found = normalizeError(text, system ? { system } : {});
  const seen = new Set<string>();
  const views: ExplanationView[] = [];
  const add = (error: NormalizedError, tableSystem: 'qbo' | 'qbd', extra: Partial<ExplanationView>) => {
    const explanation = explainError({ code: error.code, message: error.message, detail: error.detail }, tableSystem);
    const key = `${explanation.normalized.system}:${explanation.entry.code}`;
    if (seen.has(key) || views.length === MAX_EXPLANATIONS) return;
    seen.add(key);
    views.push({ ...toExplanationView(explanation), ...extra });
  };
  for (const error of found) {
    const match: Partial<ExplanationView> = error.matchedBy ? { match: error.possible ? 'possible' : 'wording' } : {};
    if (error.ambiguous && !system) {
      for (const table of ['qbo', 'qbd'] as const) {
        if (lookup(table, error.code)) add({ ...error, system: table }, table, { ...match, ambiguous: true });
      }
      continue;
    }
    add(error, system ?? (error.system === 'qbo' ? 'qbo' : 'qbd'), match);
  }
  return views;
}
