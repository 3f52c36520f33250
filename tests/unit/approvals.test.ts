import { describe, expect, it } from 'vitest';
import { MAX_APPROVE_IDS, type WizardItem } from '@/lib/api/schema';
import {
  APPROVAL_CHUNK,
  splitApproval,
  buildApproval,
  countSelection,
  isChecked,
  NOTHING_UNCHECKED,
  pruneUnchecked,
  sectionState,
  setItem,
  splitByDirection,
  toggleItem,
  toggleSection,
} from '@/lib/approvals/selection';

const ids = ['a', 'b', 'c'];

describe('approval selection', () => {
  it('starts with everything checked', () => {
    expect(ids.every((id) => isChecked(NOTHING_UNCHECKED, id))).toBe(true);
    expect(sectionState(NOTHING_UNCHECKED, ids)).toBe('all');
  });

  it('toggles one item without touching the input set', () => {
    const once = toggleItem(NOTHING_UNCHECKED, 'b');
    expect(isChecked(once, 'b')).toBe(false);
    expect(NOTHING_UNCHECKED.size).toBe(0);
    expect(isChecked(toggleItem(once, 'b'), 'b')).toBe(true);
  });

  it('setItem is idempotent', () => {
    const off = setItem(NOTHING_UNCHECKED, 'a', false);
    expect(setItem(off, 'a', false)).toBe(off);
    expect([...setItem(off, 'a', false)]).toEqual(['a']);
    expect(isChecked(setItem(off, 'a', true), 'a')).toBe(true);
  });

  it('reports all / none / mixed / empty for a section', () => {
    expect(sectionState(new Set(['a', 'b', 'c']), ids)).toBe('none');
    expect(sectionState(new Set(['b']), ids)).toBe('mixed');
    expect(sectionState(new Set(['zzz']), ids)).toBe('all');
    expect(sectionState(NOTHING_UNCHECKED, [])).toBe('empty');
  });

  it('section toggle: all → none → all, mixed → all, other sections untouched', () => {
    const other = new Set(['x']);
    const none = toggleSection(other, ids);
    expect(sectionState(none, ids)).toBe('none');
    expect(none.has('x')).toBe(true);
    const all = toggleSection(none, ids);
    expect(sectionState(all, ids)).toBe('all');
    expect(all.has('x')).toBe(true);
    expect(sectionState(toggleSection(new Set(['a']), ids), ids)).toBe('all');
  });

  it('builds the request: all shown are reviewed, checked ones approved, duplicates once', () => {
    expect(buildApproval(new Set(['b']), ['a', 'b', 'c', 'a'], 'clear')).toEqual({
      reviewedIds: ['a', 'b', 'c'],
      approveIds: ['a', 'c'],
      unchecked: 'clear',
    });
    // An unchecked id that is no longer shown is neither reviewed nor approved.
    expect(buildApproval(new Set(['gone']), ['a'], 'keep')).toEqual({ reviewedIds: ['a'], approveIds: ['a'], unchecked: 'keep' });
  });

  it('counts checked and unchecked among the shown rows only', () => {
    expect(countSelection(new Set(['a', 'gone']), ids)).toEqual({ shown: 3, checked: 2, unchecked: 1 });
  });

  it('prunes unchecked ids that are no longer shown, returning the same set when nothing changed', () => {
    const set = new Set(['a', 'gone']);
    expect([...pruneUnchecked(set, ids)]).toEqual(['a']);
    const kept = new Set(['a']);
    expect(pruneUnchecked(kept, ids)).toBe(kept);
  });

  it('splits by direction and keeps the service order', () => {
    const mk = (id: string, direction: 'export' | 'import'): WizardItem => ({
      id,
      companyId: 'c',
      direction,
      entityType: 'Invoice',
      name: id,
      change: 'create',
      detectedAt: '2026-11-26T09:00:00.000Z',
    });
    const s = splitByDirection([mk('1', 'import'), mk('2', 'export'), mk('3', 'import'), mk('4', 'export')]);
    expect(s.export.map((i) => i.id)).toEqual(['2', '4']);
    expect(s.import.map((i) => i.id)).toEqual(['1', '3']);
  });
});

describe('splitApproval (issue 8 §4: big companies)', () => {
  it('keeps one request when it fits, and splits in list order with each item\'s fate unchanged', () => {
    const small = { reviewedIds: ['a', 'b'], approveIds: ['a'], unchecked: 'keep' as const };
    expect(splitApproval(small, 5)).toEqual([small]);
    const ids = Array.from({ length: 11 }, (_, i) => `i${i}`);
    const big = { reviewedIds: ids, approveIds: ids.filter((_, i) => i % 3 !== 0), unchecked: 'clear' as const };
    const parts = splitApproval(big, 5);
    expect(parts.map((p) => p.reviewedIds.length)).toEqual([5, 5, 1]);
    expect(parts.flatMap((p) => p.reviewedIds)).toEqual(ids);
    expect(parts.flatMap((p) => p.approveIds)).toEqual(big.approveIds);
    expect(parts.every((p) => p.unchecked === 'clear' && p.approveIds.every((id) => p.reviewedIds.includes(id)))).toBe(true);
    expect(APPROVAL_CHUNK).toBeLessThanOrEqual(MAX_APPROVE_IDS);
  });
});
