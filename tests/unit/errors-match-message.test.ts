import { describe, expect, it } from 'vitest';
import { createMessageMatcher, fold } from '@/lib/errors/match-message';
import type { ErrorEntry } from '@/lib/errors/types';

const entry = (system: ErrorEntry['system'], code: string, messages: string[]): ErrorEntry => ({
  system, code, messages, title: `t${code}`, meaning: 'm', likelyCause: 'c', steps: ['s'], resyncAlone: false, clearIdFixes: false, category: 'validation',
});

const ENTRIES = [
  entry('qbo', '6140', ['Duplicate Document Number Error', 'You must specify a different number. This number has already been used. DocNumber=* is assigned to TxnType=* with TxnId=*']),
  entry('qbo', '6240', ['Duplicate Name Exists Error', 'The name supplied already exists. : *']),
  entry('qbd', '3200', ['The provided edit sequence "*" is out-of-date.']),
  entry('qbd', '3140', ['There is an invalid reference to QuickBooks * "*" in the *.']),
  entry('qbo', '610', ['Object Not Found']),
];
const match = createMessageMatcher(ENTRIES);

describe('recognising a QuickBooks error by its wording (issue 9 §1)', () => {
  it('ignores case, punctuation, quotes and spacing', () => {
    expect(fold(' “Duplicate  Document-Number” ERROR! ')).toBe('duplicate document number error');
    expect(match('duplicate document number error')[0]).toMatchObject({ full: true, entry: { code: '6140' } });
    expect(match('"DUPLICATE DOCUMENT NUMBER ERROR."')[0]!.entry.code).toBe('6140');
  });

  it('lets a * take any names, ids and numbers, in order', () => {
    const [m] = match('The provided edit sequence "1614201234" is out-of-date. (Customer: Oak Hollow HOA)');
    expect(m).toMatchObject({ full: true, entry: { system: 'qbd', code: '3200' } });
    expect(match('There is an invalid reference to QuickBooks Item "Mulch - Hardwood" in the Invoice line.')[0]!.entry.code).toBe('3140');
    // Out of order is not the wording.
    expect(match('is out-of-date. The provided edit sequence')[0]?.full).not.toBe(true);
  });

  it('prefers the longer, more specific wording, and lists each entry once', () => {
    const text = 'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=812';
    const found = match(text);
    expect(found.filter((m) => m.entry.code === '6140')).toHaveLength(1);
    expect(found[0]!.words).toBeGreaterThan(10);
  });

  it('offers close wordings as candidates when part of it matches, and nothing for unrelated text', () => {
    const [m] = match('duplicate document number on invoice 1042'); // most of the wording, not all of it
    expect(m).toMatchObject({ full: false, entry: { code: '6140' } });
    expect(m!.score).toBeLessThan(1);
    expect(match('The mower needs a new blade')).toEqual([]);
  });

  it('finds wordings only on word boundaries', () => {
    expect(match('Objects Not Foundation')).toEqual([]);
  });

  it('keeps to the systems asked for', () => {
    expect(match('The provided edit sequence "1" is out-of-date.', { systems: ['qbo'] })).toEqual([]);
  });
});
