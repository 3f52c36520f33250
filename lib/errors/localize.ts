/**
 * The words of an explanation in the browser's language. Catalog entries take their Spanish from
 * the es tables (keyed by code); general explanations (codes outside the catalog) are built from
 * fixed English sentences in catalog/index.ts, which are matched here to catalog messages with the
 * same English text (keys prefixed errGeneral) and translated through t(). Anything without a
 * translation stays English rather than disappearing.
 */
import en from '../../public/_locales/en/messages.json';
import { t, uiLocale, type MessageKey } from '../i18n/t';
import { translationFor } from './catalog/es';
import type { EntryText } from './catalog/es/types';
import type { ErrorEntry } from './types';

/** English sentence of a general explanation or a fixed hint → its catalog key. */
const GENERAL_KEYS = new Map<string, MessageKey>();
for (const [key, value] of Object.entries(en)) if (/^(errGeneral|hintFixed)/.test(key)) GENERAL_KEYS.set(value.message, key as MessageKey);

const fixed = (sentence: string): string => {
  const key = GENERAL_KEYS.get(sentence);
  return key ? t(key) : sentence;
};

const SYSTEM_NAME_KEYS: Record<string, MessageKey> = {
  'QuickBooks Online': 'systemQbo',
  'QuickBooks Desktop': 'systemQbd',
  'QuickBooks connection (SDK)': 'systemSdk',
  'Web Connector': 'systemQbwc',
  'SyncLens sync service': 'systemSyncLens',
};

const GENERAL_TITLE = /^(.*) \((QuickBooks Online|QuickBooks Desktop|QuickBooks connection \(SDK\)|Web Connector|SyncLens sync service) code (.+)\)$/;
const GENERAL_MEANING = /^General explanation: code (.+?) is not in our list\. (.*)$/;

function localizeGeneral(entry: EntryText): EntryText {
  const title = GENERAL_TITLE.exec(entry.title);
  const meaning = GENERAL_MEANING.exec(entry.meaning);
  return {
    title: title ? t('errGeneralTitleFormat', fixed(title[1]!), t(SYSTEM_NAME_KEYS[title[2]!]!), title[3]!) : entry.title,
    meaning: meaning ? t('errGeneralMeaningFormat', meaning[1]!, fixed(meaning[2]!)) : entry.meaning,
    likelyCause: fixed(entry.likelyCause),
    steps: entry.steps.map(fixed),
  };
}

/**
 * Hints built in explain.ts from one failure's own text (names, numbers, QuickBooks' words), as
 * patterns over their English wording; the captured parts are data and pass through unchanged.
 */
const HINT_PATTERNS: { pattern: RegExp; text: (m: RegExpExecArray) => string }[] = [
  { pattern: /^The real reason, in QuickBooks' words: "([\s\S]*)"\. Act on this first\.$/, text: (m) => t('hintRealReason', m[1]!) },
  { pattern: /^QuickBooks' own reason: "([\s\S]*)"\. Act on this first\.$/, text: (m) => t('hintOwnReason', m[1]!) },
  {
    pattern: /^Code (\S+) is not in our list, so this is a general explanation for its range\.(?: QuickBooks said: "([\s\S]*)"\.)?$/,
    text: (m) => (m[2] === undefined ? t('hintGeneral', m[1]!) : `${t('hintGeneral', m[1]!)} ${t('hintQuickBooksSaid', m[2])}`),
  },
  {
    pattern: /^Number (.+?) already belongs to (.+?) in QuickBooks\. Open it: if it is this same document, link to it instead of creating another; if not, renumber this one\.$/,
    text: (m) =>
      t('hintNumberTaken', m[1] === '(not given)' ? t('hintNumberNotGiven') : m[1]!, m[2] === 'transaction' ? t('hintTransaction') : m[2]!),
  },
  {
    pattern: /^The name "([\s\S]*)" is already used by a customer, vendor or employee in QuickBooks \(inactive ones count\)\. Search for it, including inactive records\.$/,
    text: (m) => t('hintNameTaken', m[1]!),
  },
  { pattern: /^QuickBooks names the existing record's id: (.+)\.$/, text: (m) => t('hintExistingId', m[1]!) },
  {
    pattern: /^QuickBooks Desktop already has a list entry named "([\s\S]*)"\. Link to it or rename one of them\.$/,
    text: (m) => t('hintDesktopNameTaken', m[1]!),
  },
];

/** One hint in the UI language; a hint with no known wording stays as it is. */
export function localizedHint(hint: string): string {
  if (!uiLocale().toLowerCase().startsWith('es')) return hint;
  const key = GENERAL_KEYS.get(hint);
  if (key) return t(key);
  for (const { pattern, text } of HINT_PATTERNS) {
    const m = pattern.exec(hint);
    if (m) return text(m);
  }
  return hint;
}

/** Title, meaning, likely cause and steps of an entry in the UI language. */
export function localizedText(entry: ErrorEntry, general: boolean): EntryText {
  const english: EntryText = { title: entry.title, meaning: entry.meaning, likelyCause: entry.likelyCause, steps: [...entry.steps] };
  if (!uiLocale().toLowerCase().startsWith('es')) return english;
  if (general) return localizeGeneral(english);
  const es = translationFor(entry.system, entry.code);
  // A translation with a different number of steps is out of date: keep the English steps then.
  return es ? { ...es, steps: es.steps.length === english.steps.length ? [...es.steps] : english.steps } : english;
}
