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
  unchecked: Unchecked;
  now: Date;
  onChange: (id: string, checked: boolean) => void;
  label: string;
}

export function WizardList({ items, unchecked, now, onChange, label }: WizardListProps) {
  const [scroll, setScroll] = useState({ top: 0, height: 0 });
  const { start, end } = visibleRange(items.length, scroll.top, scroll.height);
  const windowed = items.length > WINDOW_THRESHOLD;
  const rows = [];
  for (let i = start; i < end; i++) {
    const item = items[i]!;
    rows.push(
      <WizardRow
        key={item.id}
        item={item}
        checked={!unchecked.has(item.id)}
        now={now}
        onChange={onChange}
        position={i + 1}
        total={items.length}
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
        {windowed && end < items.length && (
          <li class="wizard-list__spacer" aria-hidden="true" style={{ height: `${(items.length - end) * ROW_HEIGHT}px` }} />
        )}
      </ul>
    </div>
  );
}
