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

/** English sentence of a general explanation → its catalog key. */
const GENERAL_KEYS = new Map<string, MessageKey>();
for (const [key, value] of Object.entries(en)) if (key.startsWith('errGeneral')) GENERAL_KEYS.set(value.message, key as MessageKey);

const fixed = (sentence: string): string => {
  const key = GENERAL_KEYS.get(sentence);
  return key ? t(key) : sentence;
};

const SYSTEM_NAME_KEYS: Record<string, MessageKey> = {
  'QuickBooks Online': 'systemQbo',
  'QuickBooks Desktop': 'systemQbd',
  'QuickBooks connection (SDK)': 'systemSdk',
  'Web Connector': 'systemQbwc',
};

const GENERAL_TITLE = /^(.*) \((QuickBooks Online|QuickBooks Desktop|QuickBooks connection \(SDK\)|Web Connector) code (.+)\)$/;
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

/** Title, meaning, likely cause and steps of an entry in the UI language. */
export function localizedText(entry: ErrorEntry, general: boolean): EntryText {
  const english: EntryText = { title: entry.title, meaning: entry.meaning, likelyCause: entry.likelyCause, steps: [...entry.steps] };
  if (!uiLocale().toLowerCase().startsWith('es')) return english;
  if (general) return localizeGeneral(english);
  const es = translationFor(entry.system, entry.code);
  // A translation with a different number of steps is out of date: keep the English steps then.
  return es ? { ...es, steps: es.steps.length === english.steps.length ? [...es.steps] : english.steps } : english;
}
