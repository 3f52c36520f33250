/**
 * The unsynced rows as an ARIA table in its own scroll box. Long lists are windowed: only the rows
 * in view (plus a margin) exist in the DOM, at a fixed row height (--urow-height in center.css).
 * The one open panel under a row is measured and accounted for, so scrolling stays exact.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { RowSlots } from '@/lib/center/row-slots';
import { windowRange } from '@/lib/center/windowing';
import type { DisplayEntry, SortKey } from '@/lib/center/unsynced-rows';
import { formatCount } from '@/lib/format/amount';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { CenterStore } from './store';
import { ConfirmClearPanel, ExplainPanel } from './RowPanel';
import { UnsyncedRow } from './UnsyncedRow';
import { ServiceName } from '../popup/ServiceParts';
import { serviceNameOf } from '../popup/services';
import { useRowKeyboard } from './use-row-keyboard';

/** Must match --urow-height in center.css: wide rows, and three-line rows in the narrow side panel. */
export const ROW_HEIGHT = 60;
export const NARROW_ROW_HEIGHT = 88;
const NARROW_QUERY = '(max-width: 720px)';

function useNarrow(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia(NARROW_QUERY) : null;
  const [narrow, setNarrow] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

/** The columns sized to their content (wide layouts), as CSS variables on the table (center.css --ucol-*). */
const FITTED_COLUMNS = ['type', 'attempts', 'last', 'actions'] as const;

/**
 * The width the content of a cell needs on one line, whatever width the cell has now. A flex cell
 * (the actions) is the sum of its children and gaps, even while they wrap; any other cell spans from
 * the left of its first child to the right of its last (elements by their boxes, so text that only
 * screen readers get, clipped inside a link, does not count; text nodes by their glyphs).
 */
function contentWidth(cell: Element): number {
  const style = getComputedStyle(cell);
  if (style.display.endsWith('flex')) {
    const widths = [...cell.children].map((c) => c.getBoundingClientRect().width).filter((w) => w > 0);
    const gap = Number.parseFloat(style.columnGap) || 0;
    return widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.length - 1);
  }
  let left = Infinity;
  let right = -Infinity;
  const range = document.createRange();
  for (const node of cell.childNodes) {
    let box: DOMRect | null = null;
    if (node instanceof Element) box = node.getBoundingClientRect();
    else if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) {
      range.selectNodeContents(node);
      box = range.getBoundingClientRect();
    }
    if (!box || box.width === 0) continue;
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  return right > left ? right - left : 0;
}

/**
 * Sizes the fitted columns to their widest rendered content (header included), so labels and
 * buttons in any language fit without a fixed width tuned for English. Widths only grow while the
 * page is open (rows scrolled into view later may be wider), so columns never jump back and forth.
 */
function useFittedColumns(table: { current: HTMLDivElement | null }, narrow: boolean) {
  const widths = useRef<Partial<Record<(typeof FITTED_COLUMNS)[number], number>>>({});
  /**
   * Cells already measured, by column, text and number of children: a cell like one measured before
   * needs the same width, so a filter change measures only what is new on screen.
   * Forgotten whenever a width grows, as the wider layout may let wrapped content measure wider.
   */
  const measured = useRef(new Set<string>());
  /** The layout (narrow or not) of the last render: the first render of a wide layout is fitted at once. */
  const lastNarrow = useRef<boolean | null>(null);
  const frame = useRef<number | null>(null);
  const timer = useRef<number | null>(null);

  const measure = () => {
    const el = table.current;
    if (!el) return;
    const seen: string[] = [];
    let grew = false;
    for (const col of FITTED_COLUMNS) {
      let need = 0;
      for (const cell of el.querySelectorAll(`.ucell--${col}`)) {
        const signature = `${col}\u0000${cell.childElementCount}\u0000${cell.textContent}`;
        if (measured.current.has(signature)) continue;
        seen.push(signature);
        need = Math.max(need, contentWidth(cell));
      }
      need = Math.ceil(need);
      if (need > (widths.current[col] ?? 0)) {
        widths.current[col] = need;
        el.style.setProperty(`--ucol-${col}`, `${need}px`);
        grew = true;
      }
    }
    if (grew) measured.current.clear();
    else for (const signature of seen) measured.current.add(signature);
  };

  useLayoutEffect(() => {
    const first = lastNarrow.current !== narrow;
    lastNarrow.current = narrow;
    if (!table.current || narrow) return;
    // The first render of a wide layout is fitted before it paints. Later renders (a filter change,
    // a scroll) are measured once their frame has painted, when reading the boxes costs no extra
    // layout, so the change itself paints without waiting for it.
    if (first) {
      measure();
      return;
    }
    if (frame.current !== null || timer.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        if (lastNarrow.current === false) measure();
      });
    });
  });
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
}

/**
 * Up to this many entries everything is rendered (simplest DOM for assistive tech); longer lists
 * are windowed. A few screenfuls: the rows a change adds after its first paint (those out of view)
 * stay a short task of their own.
 */
export const WINDOW_THRESHOLD = 40;

const COLUMNS: { key: SortKey | null; label: MessageKey; cls: string }[] = [
  { key: 'entityType', label: 'centerColType', cls: 'type' },
  { key: 'name', label: 'centerColName', cls: 'name' },
  { key: 'errorCode', label: 'centerColError', cls: 'code' },
  { key: 'errorMessage', label: 'centerColMessage', cls: 'message' },
  { key: 'attempts', label: 'centerColTries', cls: 'attempts' },
  { key: 'lastAttemptAt', label: 'centerColLastAttempt', cls: 'last' },
  { key: 'state', label: 'centerColState', cls: 'state' },
];

export function UnsyncedTable({ store, entries, now }: { store: CenterStore; entries: DisplayEntry[]; now: Date }) {
  const scroller = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const [panelHeight, setPanelHeight] = useState(0);
  const narrow = useNarrow();
  const rowHeight = narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  const table = useRef<HTMLDivElement>(null);
  useFittedColumns(table, narrow);
  const open = store.open.value;
  const sort = store.sort.value;
  const selected = store.selected.value;
  const actions = store.rowActions.value;
  const companies = store.companyById.value;
  const filtered = store.filteredRows.value;
  const allSelected = selected.size > 0 && filtered.length > 0 && filtered.every((r) => selected.has(r.key));
  const someSelected = !allSelected && selected.size > 0 && filtered.some((r) => selected.has(r.key));

  const windowed = entries.length > WINDOW_THRESHOLD;
  const openIndex = open ? entries.findIndex((e) => e.kind === 'row' && e.row.key === open.key) : -1;
  // A new list (a filter or sort change) is first rendered with only the rows in view, so the
  // change paints after one short task and a light frame; the rows around them (the window's
  // margin, or the rest of a short list) follow in the task after that paint (useEffect).
  const [completeFor, setCompleteFor] = useState(entries);
  const inViewOnly = completeFor !== entries;
  useEffect(() => {
    if (completeFor !== entries) setCompleteFor(entries);
  }, [entries]);
  // A shorter list than the one last scrolled makes the browser pull the scroll position back:
  // the rows are chosen at that position already, not after the scroll event it sends.
  const extra = openIndex >= 0 ? panelHeight : 0;
  const scrollTop = Math.min(scroll.top, Math.max(0, entries.length * rowHeight + extra - scroll.height));
  const range =
    windowed || inViewOnly
      ? windowRange({
          total: entries.length,
          scrollTop,
          viewportHeight: scroll.height,
          rowHeight,
          open: openIndex >= 0 ? { index: openIndex, extra: panelHeight } : null,
          overscan: inViewOnly ? 0 : undefined,
        })
      : { start: 0, end: entries.length, before: 0, after: 0 };

  const { tabStopKey, onFocusRow, onKeyDown } = useRowKeyboard({
    store,
    entries,
    range,
    scroller,
    rowHeight,
    fallbackHeight: scroll.height,
    open: openIndex >= 0 ? { index: openIndex, extra: panelHeight } : null,
    onScrolled: setScroll,
  });

  // The scroll box's height: read once before the first paint, then followed by a ResizeObserver,
  // so a render (a filter change) does not force a layout just to read it again.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () => {
      const height = el.clientHeight;
      if (height) setScroll((cur) => (cur.height === height ? cur : { top: el.scrollTop, height }));
    };
    read();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    const h = panelRef.current?.offsetHeight ?? 0;
    if (h !== panelHeight) setPanelHeight(h);
  });

  // Stable across renders, so rows whose props did not change skip rendering (UnsyncedRow).
  const onResync = useCallback((key: string) => void store.resync(key), [store]);

  const slots = useRef(new RowSlots());
  const checkAll = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (checkAll.current) checkAll.current.indeterminate = someSelected;
  }, [someSelected]);

  // Recycled element keys (lib/center/row-slots): a filter change patches the rows on screen.
  const inWindow: string[] = [];
  for (let i = range.start; i < range.end; i++) {
    const entry = entries[i]!;
    if (entry.kind !== 'group') inWindow.push(entry.row.key);
  }
  const slotKeys = slots.current.assign(inWindow);
  const rowKeys = new Map(inWindow.map((key, n) => [key, slotKeys[n]!]));
  const rows = [];
  for (let i = range.start; i < range.end; i++) {
    const entry = entries[i]!;
    if (entry.kind === 'group') {
      const c = companies.get(entry.companyId);
      rows.push(
        <div class="ugroup" role="row" key={`g:${entry.companyId}`} data-testid="unsynced-group">
          <div role="cell" class="ugroup__cell">
            <strong>{c?.name ?? entry.companyId}</strong>
            <ServiceName name={serviceNameOf(store.snapshot.value, entry.companyId)} separated="after" />{' '}
            <span class="muted">
              {t('centerGroupCount', formatCount(entry.count))} · {c?.system === 'qbd' ? t('systemQbd') : t('systemQbo')}
            </span>
          </div>
        </div>,
      );
      continue;
    }
    const { row } = entry;
    const isOpen = open?.key === row.key ? open.kind : null;
    const company = companies.get(row.item.companyId);
    rows.push(
      <UnsyncedRow
        key={rowKeys.get(row.key)}
        row={row}
        company={company}
        selected={selected.has(row.key)}
        action={actions.get(row.key)}
        openKind={isOpen}
        now={now}
        rowIndex={i + 2}
        tabbable={row.key === tabStopKey}
        onFocusRow={onFocusRow}
        onSelect={store.setSelected}
        onResync={onResync}
        onAskClearId={store.askClearId}
        onExplain={store.toggleExplain}
      />,
    );
    if (isOpen) {
      rows.push(
        <div class="urow-panel" role="row" key={`p:${row.key}`} ref={panelRef}>
          <div role="cell" class="urow-panel__cell">
            {isOpen === 'explain' ? (
              <ExplainPanel row={row} company={company} />
            ) : (
              <ConfirmClearPanel row={row} company={company} onConfirm={() => void store.confirmClearId(row.key)} onCancel={store.closePanel} />
            )}
          </div>
        </div>,
      );
    }
  }

  return (
    <>
      <p id="unsynced-keys-hint" class="sr-only">
        {t('centerRowKeysHint')}
      </p>
      <div
        class="utable"
        ref={table}
        role="table"
        aria-label={t('centerUnsyncedTableLabel')}
        aria-describedby="unsynced-keys-hint"
        aria-rowcount={filtered.length + 1}
        data-testid="unsynced-table"
        data-rendered-rows={rows.length}
      >
        <div class="uhead" role="rowgroup">
          <div class="urow urow--head" role="row" aria-rowindex={1}>
            <div class="ucell ucell--select" role="columnheader">
              <input
                type="checkbox"
                ref={checkAll}
                data-testid="select-all"
                checked={allSelected}
                aria-label={t('centerSelectAllShown', formatCount(filtered.length))}
                onChange={store.toggleSelectAll}
              />
            </div>
            {COLUMNS.map((col) => (
              <div
                key={col.cls}
                class={`ucell ucell--${col.cls}`}
                role="columnheader"
                aria-sort={col.key && sort.key === col.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {col.key ? (
                  <button type="button" class="sort-button" data-testid={`sort-${col.key}`} onClick={() => store.toggleSort(col.key!)}>
                    {t(col.label)}
                    <span aria-hidden="true">{sort.key === col.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  t(col.label)
                )}
              </div>
            ))}
            <div class="ucell ucell--actions" role="columnheader">
              {t('centerColActions')}
            </div>
          </div>
        </div>
        <div
          class="ubody"
          role="rowgroup"
          ref={scroller}
          data-testid="unsynced-scroller"
          onKeyDown={onKeyDown}
          onScroll={windowed ? (e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight }) : undefined}
        >
          {range.before > 0 && <div class="uspacer" aria-hidden="true" style={{ height: `${range.before}px` }} />}
          {rows}
          {range.after > 0 && <div class="uspacer" aria-hidden="true" style={{ height: `${range.after}px` }} />}
        </div>
      </div>
    </>
  );
}
