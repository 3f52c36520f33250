/**
 * The corpus of real QuickBooks error texts (tests/fixtures/error-corpus) run through the lookup
 * the Explain box uses, with no company system given: the first explanation names the right
 * QuickBooks, code and category (for a bare shared number, both meanings are offered), the lookup
 * never answers nothing, and it explains in its own words rather than echoing the paste.
 */
import { describe, expect, it } from 'vitest';
import { ALL_ENTRIES } from '@/lib/errors/catalog/index';
import { explainText } from '@/lib/errors/explanation-view';
import type { ExplanationView } from '@/lib/messaging/overlay-commands';
import { ERROR_CORPUS, type CorpusCase } from '../fixtures/error-corpus/corpus';

/** Lower case, letters and digits only, single spaces. */
const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A short form of what the lookup answered, for failure messages. */
const answered = (views: ExplanationView[]) =>
  views.length === 0 ? 'nothing' : views.map((v) => `${v.system}:${v.code} (${v.category}) "${v.title}"`).join(' | ');

/**
 * Whether an explanation's text is the paste (or a piece of it) handed back: the title or the
 * meaning found word for word in the input, or the whole input found in the meaning.
 */
function copiesInput(explanation: string, input: string): boolean {
  const said = fold(explanation);
  const pasted = fold(input);
  if (!said) return false;
  if (said === pasted) return true;
  if (said.split(' ').length >= 3 && pasted.includes(said)) return true;
  return pasted.length >= 20 && said.includes(pasted);
}

describe('explaining real QuickBooks error texts (corpus, issue 9)', () => {
  it('has a corpus big and varied enough to mean something', () => {
    const ids = new Set(ERROR_CORPUS.map((c) => c.id));
    expect(ids.size).toBe(ERROR_CORPUS.length);
    expect(ERROR_CORPUS.length).toBeGreaterThanOrEqual(120);
    for (const family of [1, 2, 3, 4] as const) {
      expect(ERROR_CORPUS.filter((c) => c.family === family).length, `family ${family}`).toBeGreaterThanOrEqual(20);
    }
    const sources = new Set(ERROR_CORPUS.map((c) => c.source.split(' ')[0]));
    expect(sources.size).toBeGreaterThanOrEqual(25);
  });

  it.each(ERROR_CORPUS.map((c) => [`F${c.family} ${c.id}`, c] as [string, CorpusCase]))('%s', (_name, c) => {
    const views = explainText(c.text);

    // Never nothing: every text in the corpus carries a known QuickBooks error.
    expect(views.length, `no explanation for: ${c.text.slice(0, 120)}`).toBeGreaterThan(0);

    if ('ambiguous' in c.expect) {
      const got = views.map((v) => `${v.system}:${v.code}`);
      for (const meaning of c.expect.codes) {
        expect(got, `answered ${answered(views)}`).toContain(`${meaning.system}:${meaning.code}`);
      }
    } else {
      const first = views[0]!;
      expect({ system: first.system, code: first.code, category: first.category }, `answered ${answered(views)}`).toEqual(c.expect);
    }

    // In its own words: the title and meaning are not the paste handed back.
    for (const view of c.expect && 'ambiguous' in c.expect ? views : views.slice(0, 1)) {
      expect(copiesInput(view.title, c.text), `title copies the input: "${view.title}"`).toBe(false);
      expect(copiesInput(view.meaning, c.text), `meaning copies the input: "${view.meaning}"`).toBe(false);
    }
  });
});

describe('every QuickBooks wording in the catalog is recognised on its own (issue 9 §1)', () => {
  const withWordings = ALL_ENTRIES.filter((e) => (e.messages ?? []).length > 0);
  it.each(withWordings.flatMap((e) => e.messages!.map((m) => [`${e.system}:${e.code} ${m.slice(0, 60)}`, e, m] as const)))('%s', (_name, entry, wording) => {
    const pasted = wording.replace(/\*/g, 'Oak Hollow 1042');
    const views = explainText(pasted);
    expect(views.length, 'no code found for a known wording').toBeGreaterThan(0);
    // Codes QuickBooks gives the very same wording (QBWC1008/1009/1023/1024) are each a right answer.
    const sameWording = withWordings.filter((e) => e.messages!.includes(wording)).map((e) => `${e.system}:${e.code}`);
    const got = views.map((v) => `${v.system}:${v.code}`);
    expect(got.some((code) => sameWording.includes(code)), `answered ${answered(views)}, expected one of ${sameWording.join(', ')}`).toBe(true);
  });
});
