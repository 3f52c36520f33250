/**
 * Which entries of a long fixed-height list to render for a scroll position. One entry may be
 * open (an explanation or a confirmation under a row) and taller by `extra` pixels; every other
 * entry is exactly `rowHeight`, which keeps the arithmetic exact without measuring rows.
 */
export interface WindowInput {
  total: number;
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  /** Index of the open entry and how much taller than a row it is. */
  open?: { index: number; extra: number } | null;
  overscan?: number;
}

export interface WindowRange {
  start: number;
  end: number;
  /** Height of the space above the first rendered entry and below the last. */
  before: number;
  after: number;
}

export function windowRange({ total, scrollTop, viewportHeight, rowHeight, open = null, overscan = 6 }: WindowInput): WindowRange {
  const extraAt = (index: number) => (open && index > open.index ? open.extra : 0);
  const top = (index: number) => index * rowHeight + extraAt(index);
  const y = Math.max(0, scrollTop);
  // First entry whose bottom is below the top of the viewport.
  let first = Math.floor(y / rowHeight);
  if (open && first > open.index) first = Math.max(open.index, Math.floor((y - open.extra) / rowHeight));
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(total, first - overscan));
  const end = Math.min(total, first + visible + overscan);
  const full = top(total);
  return { start, end, before: top(start), after: Math.max(0, full - top(end)) };
}
