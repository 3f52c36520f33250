/**
 * Keyboard movement through the unsynced rows (the grid pattern with a roving tabindex). Only the
 * rows in view exist in the DOM, so the active row is tracked by key and index here, and the
 * table scrolls it into the window before focusing it. Pure index maths, no DOM.
 */

export type MoveKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

const MOVE_KEYS: ReadonlySet<string> = new Set<MoveKey>(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

export function isMoveKey(key: string): key is MoveKey {
  return MOVE_KEYS.has(key);
}

/** How many rows one PageDown/PageUp moves: the number of whole rows the viewport shows (at least 1). */
export function pageStep(viewportHeight: number, rowHeight: number): number {
  if (!(rowHeight > 0)) return 1;
  return Math.max(1, Math.floor(viewportHeight / rowHeight));
}

/** The active position after a movement key, among `count` rows; -1 when there are none. */
export function moveActive(key: MoveKey, current: number, count: number, page: number): number {
  if (count <= 0) return -1;
  const from = Math.min(Math.max(current, 0), count - 1);
  const step = Math.max(1, page);
  const next =
    key === 'ArrowDown' ? from + 1
    : key === 'ArrowUp' ? from - 1
    : key === 'Home' ? 0
    : key === 'End' ? count - 1
    : key === 'PageDown' ? from + step
    : from - step;
  return Math.min(Math.max(next, 0), count - 1);
}

/**
 * Where the active row is after the list changed (reload, sort, filter): the same row if it is
 * still there, otherwise the position it had, clamped to the new list; -1 for an empty list.
 */
export function resolveActive(keys: readonly string[], activeKey: string | null, lastIndex: number): number {
  if (keys.length === 0) return -1;
  if (activeKey !== null) {
    // Cheap check first: most re-renders keep the row where it was.
    if (keys[lastIndex] === activeKey) return lastIndex;
    const found = keys.indexOf(activeKey);
    if (found >= 0) return found;
  }
  return Math.min(Math.max(lastIndex, 0), keys.length - 1);
}

export interface RevealInput {
  /** Index of the entry among all displayed entries (group headings included). */
  index: number;
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  /** The one open entry (panel under a row) and how much taller than a row it is. */
  open?: { index: number; extra: number } | null;
}

/** The scrollTop that shows the whole entry, moving as little as possible (unchanged if visible). */
export function revealScrollTop({ index, scrollTop, viewportHeight, rowHeight, open = null }: RevealInput): number {
  const top = index * rowHeight + (open && index > open.index ? open.extra : 0);
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
