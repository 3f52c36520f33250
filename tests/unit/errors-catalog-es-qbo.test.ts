import { describe, expect, it } from 'vitest';
import { QBO_ENTRIES } from '../../lib/errors/catalog/qbo';
import { translationFor } from '../../lib/errors/catalog/es/index';
import { QBO_ES } from '../../lib/errors/catalog/es/qbo';
import type { EntryText } from '../../lib/errors/catalog/es/types';
import type { ErrorEntry } from '../../lib/errors/types';

const FIELDS = ['title', 'meaning', 'likelyCause'] as const;

/** Every text of an entry, labelled for failure messages. */
function texts(e: Pick<ErrorEntry, keyof EntryText>): Array<[string, string]> {
  return [...FIELDS.map((f) => [f, e[f]] as [string, string]), ...e.steps.map((s, i) => [`steps[${i}]`, s] as [string, string])];
}

/** Pairs of [code, field, English, Spanish] for every text of every entry. */
const PAIRS = QBO_ENTRIES.flatMap((en) => {
  const es = QBO_ES[en.code];
  if (!es) return [];
  const esTexts = new Map(texts(es));
  return texts(en).map(([field, english]) => [en.code, field, english, esTexts.get(field) ?? ''] as const);
});

/**
 * Product words and fixed names: when the English text uses one, the Spanish text of the same
 * field or step must use the agreed Spanish term. This also catches steps that were reordered.
 */
const TERMS: Array<[RegExp, RegExp]> = [
  [/\bResync\b/, /volver a sincronizar/i],
  [/\bClear ID\b/, /«Borrar ID»/],
  [/\bUnsynced Entities\b/, /«Registros sin sincronizar»/],
  [/\bDetail line\b/, /«Detalle»/],
  [/\bjob app\b/, /app de trabajos/],
  [/\bsync service\b/, /servicio de sincronización/],
  [/\bSyncLens\b/, /SyncLens/],
  [/\bQuickBooks Online\b/, /QuickBooks Online/],
];

/** English words that must not survive untranslated (menu names in parentheses are allowed). */
const UNTRANSLATED = /\b(?:the|and|press|open|please|your|with|then|was|were|is not)\b/i;

describe('Spanish QuickBooks Online catalog (QBO_ES)', () => {
  it('translates every QBO entry and nothing else', () => {
    const expected = QBO_ENTRIES.map((e) => e.code).sort();
    expect(Object.keys(QBO_ES).sort()).toEqual(expected);
  });

  it('gives every QBO entry, sign-in and network failures included, its Spanish text through translationFor', () => {
    const missing = QBO_ENTRIES.filter((e) => translationFor('qbo', e.code) === undefined).map((e) => e.code);
    expect(missing).toEqual([]);
    for (const code of ['invalid_grant', 'access_denied', 'HTTP502', 'HTTP504', 'ECONNRESET', 'ETIMEDOUT', '6002', '7001']) {
      expect(translationFor('qbo', code)?.title, code).toBeTruthy();
    }
  });

  it.each(QBO_ENTRIES.map((e) => [e.code, e] as const))('%s has the same number of steps as English', (code, en) => {
    expect(QBO_ES[code]?.steps).toHaveLength(en.steps.length);
  });

  it('has no empty or padded text', () => {
    for (const [code, field, , es] of PAIRS) {
      expect(es.trim(), `${code} ${field}`).not.toBe('');
      expect(es, `${code} ${field}`).toBe(es.trim());
    }
  });

  it('has no text identical to the English one', () => {
    const same = PAIRS.filter(([, , en, es]) => en.trim().toLowerCase() === es.trim().toLowerCase());
    expect(same.map(([code, field]) => `${code} ${field}`)).toEqual([]);
  });

  it('has no markup or HTML entities (texts are rendered as plain text)', () => {
    for (const [code, field, , es] of PAIRS) {
      expect(es, `${code} ${field}`).not.toMatch(/<\/?[a-z!][^>]*>/i);
      expect(es, `${code} ${field}`).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
    }
  });

  it('keeps every number and code of the English text (limits, amounts, other error codes)', () => {
    for (const [code, field, en, es] of PAIRS) {
      for (const n of en.match(/\d+(?:\.\d+)?/g) ?? []) expect(es, `${code} ${field}: ${n}`).toContain(n);
    }
  });

  it('uses the agreed Spanish product words wherever the English text uses the product word', () => {
    for (const [code, field, en, es] of PAIRS) {
      for (const [english, spanish] of TERMS) {
        if (english.test(en)) expect(es, `${code} ${field}`).toMatch(spanish);
      }
      expect(es, `${code} ${field}`).not.toMatch(/\b(?:Resync|Clear ID|Unsynced Entities|job app|sync service)\b/);
    }
  });

  it('reads as Spanish, not leftover English (English menu names only inside parentheses)', () => {
    for (const [code, field, , es] of PAIRS) {
      const withoutMenuNames = es.replace(/\([^)]*\)/g, '');
      expect(withoutMenuNames, `${code} ${field}`).not.toMatch(UNTRANSLATED);
    }
  });

  it('uses http(s) nowhere: the help links stay in the English entries', () => {
    for (const [code, field, , es] of PAIRS) expect(es, `${code} ${field}`).not.toMatch(/\b[a-z]+:\/\//i);
  });
});
