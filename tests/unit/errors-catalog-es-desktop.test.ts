import { describe, expect, it } from 'vitest';
import { QBD_ENTRIES } from '../../lib/errors/catalog/qbd';
import { QBWC_ENTRIES } from '../../lib/errors/catalog/qbwc';
import { SDK_ENTRIES } from '../../lib/errors/catalog/sdk';
import { QBD_ES, QBWC_ES, SDK_ES } from '../../lib/errors/catalog/es/desktop';
import type { CatalogTranslation, EntryText } from '../../lib/errors/catalog/es/types';
import type { ErrorEntry } from '../../lib/errors/types';

const SYSTEMS: Array<[string, ErrorEntry[], CatalogTranslation]> = [
  ['qbd', QBD_ENTRIES, QBD_ES],
  ['sdk', SDK_ENTRIES, SDK_ES],
  ['qbwc', QBWC_ENTRIES, QBWC_ES],
];

const FIELDS = ['title', 'meaning', 'likelyCause'] as const;

/** Every text of an entry, labelled by field for failure messages. */
function texts(e: Pick<ErrorEntry, keyof EntryText>): Array<[string, string]> {
  return [...FIELDS.map((f) => [f, e[f]] as [string, string]), ...e.steps.map((s, i) => [`steps[${i}]`, s] as [string, string])];
}

/** [label, English, Spanish] for every text of every translated entry of the three systems. */
const PAIRS = SYSTEMS.flatMap(([system, entries, table]) =>
  entries.flatMap((en) => {
    const es = table[en.code];
    if (!es) return [];
    const esTexts = new Map(texts(es));
    return texts(en).map(([field, english]) => [`${system} ${en.code} ${field}`, english, esTexts.get(field) ?? ''] as const);
  }),
);

/**
 * Product words and fixed names: where the English text uses one, the Spanish text of the same
 * field or step uses the agreed term. Because steps are compared position by position, this also
 * catches steps that were reordered.
 */
const TERMS: Array<[RegExp, RegExp]> = [
  [/\bResync\b/, /«Volver a sincronizar»/],
  [/\bClear ID\b/, /«Borrar ID»/],
  [/\bUnsynced Entities\b/, /«Registros sin sincronizar»/],
  [/\bUpdate Selected\b/, /"Update Selected"/],
  [/\bWeb Connector\b/, /Web Connector/],
  [/\bjob app\b/, /app de trabajos/],
  [/\bsync service\b/, /servicio de sincronización/],
  [/\bsync log\b/, /bitácora de sincronización/],
  [/\bPending\b/, /\bPendiente\b/],
  [/QWCLog\.txt/, /QWCLog\.txt/],
  [/\.qwc\b/, /\.qwc\b/],
];

/** QuickBooks Desktop menu paths stay in English, as the bookkeeper sees them on screen. */
const MENU_PATH = /\b(?:File|Edit|Company|Customers|Lists|Employees|Vendors|Help) > [A-Z][a-z]+(?: [A-Z&][a-z]*)*/g;

/** English words that must not survive outside quoted screen names. */
const UNTRANSLATED = /\b(?:the|and|press|open|please|your|with|then|was|were|is not|click)\b/i;

describe('Spanish QuickBooks Desktop, SDK and Web Connector catalogs', () => {
  it.each(SYSTEMS)('%s: translates every English entry and nothing else', (_system, entries, table) => {
    expect(Object.keys(table).sort()).toEqual(entries.map((e) => e.code).sort());
  });

  it.each(SYSTEMS)('%s: every entry has as many steps as the English one', (_system, entries, table) => {
    const wrong = entries
      .filter((en) => table[en.code]?.steps.length !== en.steps.length)
      .map((en) => `${en.code}: ${table[en.code]?.steps.length} ≠ ${en.steps.length}`);
    expect(wrong).toEqual([]);
  });

  it('translates every entry of the three Desktop tables (at least 120 in all)', () => {
    const untranslated = SYSTEMS.flatMap(([system, entries, table]) =>
      entries.filter((en) => !Object.hasOwn(table, en.code)).map((en) => `${system} ${en.code}`),
    );
    expect(untranslated).toEqual([]);
    expect(SYSTEMS.reduce((n, [, entries]) => n + entries.length, 0)).toBeGreaterThanOrEqual(120);
  });

  it('has as many translations per system as the English tables have entries', () => {
    expect([QBD_ES, SDK_ES, QBWC_ES].map((t) => Object.keys(t).length)).toEqual([
      QBD_ENTRIES.length,
      SDK_ENTRIES.length,
      QBWC_ENTRIES.length,
    ]);
  });

  it('has no empty or padded text', () => {
    for (const [label, , es] of PAIRS) {
      expect(es.trim(), label).not.toBe('');
      expect(es, label).toBe(es.trim());
    }
  });

  it('has no text identical to the English one', () => {
    const same = PAIRS.filter(([, en, es]) => en.trim().toLowerCase() === es.trim().toLowerCase());
    expect(same.map(([label]) => label)).toEqual([]);
  });

  it('has no markup or HTML entities (texts are rendered as plain text)', () => {
    for (const [label, , es] of PAIRS) {
      expect(es, label).not.toMatch(/<\/?[a-z!][^>]*>/i);
      expect(es, label).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
      expect(es, label).not.toMatch(/\*\*|`|\[[^\]]*\]\(/);
      expect(es, label).not.toMatch(/\b[a-z]+:\/\//i);
    }
  });

  it('keeps every number of the English text (limits, bit sizes)', () => {
    for (const [label, en, es] of PAIRS) {
      for (const n of en.match(/\d+/g) ?? []) expect(es, `${label}: ${n}`).toContain(n);
    }
  });

  it('uses the agreed Spanish product words wherever the English text uses the product word', () => {
    for (const [label, en, es] of PAIRS) {
      for (const [english, spanish] of TERMS) {
        if (english.test(en)) expect(es, label).toMatch(spanish);
      }
      expect(es, label).not.toMatch(/\b(?:Resync|Clear ID|Unsynced Entities|job app|sync service|sync log)\b/);
    }
  });

  it('keeps QuickBooks Desktop menu paths recognisable (the English path, in quotes)', () => {
    for (const [label, en, es] of PAIRS) {
      for (const path of en.match(MENU_PATH) ?? []) expect(es, `${label}: ${path}`).toContain(`"${path}`);
    }
  });

  it('reads as Spanish: English words appear only inside quoted screen names', () => {
    for (const [label, , es] of PAIRS) {
      const withoutQuoted = es.replace(/"[^"]*"/g, '').replace(/\([^)]*\)/g, '');
      expect(withoutQuoted, label).not.toMatch(UNTRANSLATED);
    }
  });

  it('gives every entry its own steps list, so editing one entry cannot change another', () => {
    const lists = SYSTEMS.flatMap(([, , table]) => Object.values(table).map((e) => e.steps));
    expect(new Set(lists).size).toBe(lists.length);
  });
});
