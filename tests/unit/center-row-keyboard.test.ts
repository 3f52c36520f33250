import { describe, expect, it } from 'vitest';
import { isMoveKey, moveActive, pageStep, resolveActive, revealScrollTop } from '@/lib/center/row-keyboard';
import { windowRange } from '@/lib/center/windowing';

describe('row keyboard: moving the active row', () => {
  it('arrows move by one and stop at the ends', () => {
    expect(moveActive('ArrowDown', 0, 5, 3)).toBe(1);
    expect(moveActive('ArrowDown', 4, 5, 3)).toBe(4);
    expect(moveActive('ArrowUp', 2, 5, 3)).toBe(1);
    expect(moveActive('ArrowUp', 0, 5, 3)).toBe(0);
  });
  it('Home and End go to the first and last row', () => {
    expect(moveActive('Home', 3, 10, 3)).toBe(0);
    expect(moveActive('End', 3, 10, 3)).toBe(9);
  });
  it('PageDown and PageUp move by a page, clamped', () => {
    expect(moveActive('PageDown', 1, 10, 4)).toBe(5);
    expect(moveActive('PageDown', 8, 10, 4)).toBe(9);
    expect(moveActive('PageUp', 5, 10, 4)).toBe(1);
    expect(moveActive('PageUp', 2, 10, 4)).toBe(0);
  });
  it('an out-of-range current position is clamped first; no rows means no active row', () => {
    expect(moveActive('ArrowDown', -1, 5, 3)).toBe(1);
    expect(moveActive('ArrowUp', 40, 5, 3)).toBe(3);
    expect(moveActive('ArrowDown', 0, 0, 3)).toBe(-1);
  });
  it('a page is the whole rows in the viewport, at least one', () => {
    expect(pageStep(600, 60)).toBe(10);
    expect(pageStep(650, 60)).toBe(10);
    expect(pageStep(30, 60)).toBe(1);
    expect(pageStep(600, 0)).toBe(1);
  });
  it('knows its keys', () => {
    expect(isMoveKey('PageDown')).toBe(true);
    expect(isMoveKey('Enter')).toBe(false);
    expect(isMoveKey('ArrowLeft')).toBe(false);
  });
});

describe('row keyboard: the active row across list changes', () => {
  it('follows its row when the row moves', () => {
    expect(resolveActive(['a', 'b', 'c'], 'c', 0)).toBe(2);
    expect(resolveActive(['a', 'b', 'c'], 'b', 1)).toBe(1);
  });
  it('a row that was filtered away leaves the position, clamped to the shorter list', () => {
    expect(resolveActive(['a', 'b', 'c'], 'z', 1)).toBe(1);
    expect(resolveActive(['a', 'b'], 'z', 7)).toBe(1);
    expect(resolveActive(['a', 'b'], null, -1)).toBe(0);
    expect(resolveActive([], 'a', 3)).toBe(-1);
  });
});

describe('row keyboard: scrolling the active row into the window', () => {
  const base = { scrollTop: 0, viewportHeight: 300, rowHeight: 60 };
  it('leaves a visible row alone', () => {
    expect(revealScrollTop({ ...base, index: 2 })).toBe(0);
    expect(revealScrollTop({ ...base, index: 4 })).toBe(0);
  });
  it('scrolls down just enough for a row below, and up to a row above', () => {
    expect(revealScrollTop({ ...base, index: 5 })).toBe(60);
    expect(revealScrollTop({ ...base, scrollTop: 600, index: 3 })).toBe(180);
  });
  it('accounts for the open panel above the row', () => {
    expect(revealScrollTop({ ...base, index: 5, open: { index: 1, extra: 100 } })).toBe(160);
    expect(revealScrollTop({ ...base, index: 1, open: { index: 1, extra: 100 } })).toBe(0);
  });
  it('the revealed row is inside the rendered window', () => {
    for (const index of [0, 7, 80, 999, 9_999]) {
      const scrollTop = revealScrollTop({ ...base, index });
      const range = windowRange({ total: 10_000, scrollTop, viewportHeight: 300, rowHeight: 60 });
      expect(index).toBeGreaterThanOrEqual(range.start);
      expect(index).toBeLessThan(range.end);
    }
  });
});
