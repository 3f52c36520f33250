/**
 * The grid keyboard pattern for the windowed unsynced table: one row holds the tab stop (roving
 * tabindex); arrows, Page Up/Down, Home and End move it, scrolling the row into the window first
 * (rows outside it are not in the DOM) and focusing it after the render; Enter on the row opens
 * Explain and Space toggles its selection. The maths lives in lib/center/row-keyboard.ts.
 */
import type { RefObject } from 'preact';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { isMoveKey, moveActive, pageStep, resolveActive, revealScrollTop } from '@/lib/center/row-keyboard';
import type { DisplayEntry } from '@/lib/center/unsynced-rows';
import type { WindowRange } from '@/lib/center/windowing';
import type { CenterStore } from './store';

const ROW_SELECTOR = '[data-testid="unsynced-row"]';

interface Options {
  store: CenterStore;
  entries: readonly DisplayEntry[];
  range: Pick<WindowRange, 'start' | 'end'>;
  scroller: RefObject<HTMLElement | null>;
  rowHeight: number;
  /** The viewport height to assume before the scroll box has been measured. */
  fallbackHeight: number;
  open: { index: number; extra: number } | null;
  onScrolled: (scroll: { top: number; height: number }) => void;
}

/**
 * Keys of the displayed rows in order, where each sits among the entries, and the reverse lookup
 * (built on first use: a filter change over thousands of rows should not pay for it).
 */
function rowPositions(entries: readonly DisplayEntry[]) {
  const keys: string[] = [];
  const entryAt: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind !== 'row') continue;
    keys.push(e.row.key);
    entryAt.push(i);
  }
  let byKey: Map<string, number> | null = null;
  const positionOf = (key: string): number | undefined => {
    if (!byKey) byKey = new Map(keys.map((k, pos) => [k, pos]));
    return byKey.get(key);
  };
  return { keys, entryAt, positionOf };
}

export function useRowKeyboard({ store, entries, range, scroller, rowHeight, fallbackHeight, open, onScrolled }: Options) {
  // Rows are addressed by their position among the displayed rows (group headings skipped);
  // `entryAt` maps a position back to the windowed entries.
  const { keys, entryAt, positionOf } = useMemo(() => rowPositions(entries), [entries]);
  const stored = store.activeRow.value;
  const activePos = resolveActive(keys, stored.key, stored.index);
  const activeEntry = activePos >= 0 ? entryAt[activePos]! : -1;
  // When the active row is scrolled out of the window, the first rendered row keeps Tab reaching the table.
  let tabStopKey = activePos >= 0 ? keys[activePos]! : null;
  if (activeEntry < range.start || activeEntry >= range.end) {
    const firstRow = entries.slice(range.start, range.end).find((e) => e.kind === 'row');
    tabStopKey = firstRow?.kind === 'row' ? firstRow.row.key : null;
  }

  const focusAfterRender = useRef<string | null>(null);
  useLayoutEffect(() => {
    const key = focusAfterRender.current;
    if (key === null) return;
    focusAfterRender.current = null;
    const el = Array.from(scroller.current?.querySelectorAll<HTMLElement>(ROW_SELECTOR) ?? []).find((r) => r.dataset.rowKey === key);
    el?.focus({ preventScroll: true });
  });

  // One function for the page's lifetime (rows skip rendering when their props are the same); it
  // reads the positions of the latest render.
  const latestPositionOf = useRef(positionOf);
  latestPositionOf.current = positionOf;
  const onFocusRow = useCallback((key: string) => {
    const pos = latestPositionOf.current(key);
    if (pos !== undefined) store.setActiveRow(key, pos);
  }, [store]);

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const rowEl = target.closest<HTMLElement>(ROW_SELECTOR);
    const key = rowEl?.dataset.rowKey;
    if (!rowEl || !key || e.altKey || e.ctrlKey || e.metaKey) return;
    if (isMoveKey(e.key)) {
      e.preventDefault();
      const el = scroller.current;
      const viewportHeight = el?.clientHeight || fallbackHeight;
      const next = moveActive(e.key, positionOf(key) ?? activePos, keys.length, pageStep(viewportHeight, rowHeight));
      if (next < 0) return;
      const nextKey = keys[next]!;
      store.setActiveRow(nextKey, next);
      if (el) {
        const top = revealScrollTop({ index: entryAt[next]!, scrollTop: el.scrollTop, viewportHeight, rowHeight, open });
        if (top !== el.scrollTop) el.scrollTop = top;
        onScrolled({ top, height: viewportHeight });
      }
      focusAfterRender.current = nextKey;
      return;
    }
    // Enter and Space act on the row itself only; on a control inside it they press that control.
    if (target !== rowEl) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      store.toggleExplain(key);
    } else if (e.key === ' ') {
      e.preventDefault();
      store.setSelected(key, !store.selected.value.has(key));
    }
  };

  return { tabStopKey, onFocusRow, onKeyDown };
}
