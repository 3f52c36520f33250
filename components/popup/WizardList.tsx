/**
 * The rows of one section in their own scroll box. Long lists are windowed: only the rows in view
 * (plus a margin) exist in the DOM, so 2,000 cached items paint as fast as 20. Rows have a fixed
 * height (see style.css --row-height) which is what makes the arithmetic exact.
 */
import { useState } from 'preact/hooks';
import type { WizardItem } from '@/lib/api/schema';
import type { Unchecked } from '@/lib/approvals/selection';
import { WizardRow } from './WizardRow';

/** Must match --row-height and --list-max-height in style.css. */
export const ROW_HEIGHT = 52;
export const LIST_MAX_HEIGHT = 260;
/** Below this many rows every row is rendered (simplest DOM for assistive tech). */
export const WINDOW_THRESHOLD = 60;
const OVERSCAN = 6;
/** The rows a list's box shows before any scrolling (the popup's first paint renders no more). */
export const FIRST_SCREEN_ROWS = Math.ceil(LIST_MAX_HEIGHT / ROW_HEIGHT);

export interface WindowRange {
  start: number;
  end: number;
}

/** Which rows to render for a scroll position (pure, exported for tests). */
export function visibleRange(total: number, scrollTop: number, viewportHeight: number): WindowRange {
  if (total <= WINDOW_THRESHOLD) return { start: 0, end: total };
  const height = viewportHeight > 0 ? viewportHeight : LIST_MAX_HEIGHT;
  const first = Math.floor(Math.max(0, scrollTop) / ROW_HEIGHT);
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(total, first + Math.ceil(height / ROW_HEIGHT) + OVERSCAN);
  return { start, end };
}

export interface WizardListProps {
  items: WizardItem[];
  /**
   * Rows in the section, when `items` holds only its first ones (the popup's first paint reads
   * the rest right after): the box, the scroll bar and the positions are already those of all.
   */
  total?: number;
  unchecked: Unchecked;
  now: Date;
  onChange: (id: string, checked: boolean) => void;
  label: string;
}

export function WizardList({ items, total: size, unchecked, now, onChange, label }: WizardListProps) {
  const [scroll, setScroll] = useState({ top: 0, height: 0 });
  const total = Math.max(size ?? 0, items.length);
  const { start, end } = visibleRange(total, scroll.top, scroll.height);
  const windowed = total > WINDOW_THRESHOLD;
  // Rows not read yet keep their place (an empty stretch of the list) until they arrive.
  const loaded = Math.min(end, items.length);
  const after = total - Math.max(loaded, start);
  const rows = [];
  for (let i = start; i < loaded; i++) {
    const item = items[i]!;
    rows.push(
      <WizardRow
        key={item.id}
        item={item}
        checked={!unchecked.has(item.id)}
        now={now}
        onChange={onChange}
        position={i + 1}
        total={total}
      />,
    );
  }
  return (
    <div
      class="wizard-list"
      data-testid="wizard-list"
      onScroll={
        windowed
          ? (e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
          : undefined
      }
    >
      <ul class="wizard-list__rows" aria-label={label}>
        {windowed && start > 0 && <li class="wizard-list__spacer" aria-hidden="true" style={{ height: `${start * ROW_HEIGHT}px` }} />}
        {rows}
        {after > 0 && <li class="wizard-list__spacer" aria-hidden="true" style={{ height: `${after * ROW_HEIGHT}px` }} />}
      </ul>
    </div>
  );
}
