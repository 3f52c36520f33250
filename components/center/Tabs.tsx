/**
 * The Sync Center's tablist (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs
 * and select them; only the selected tab is in the Tab order.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<T extends string> {
  id: T;
  label: ComponentChildren;
  testId: string;
}

export function Tabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  idPrefix,
}: {
  tabs: readonly TabDef<T>[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
  idPrefix: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(e: KeyboardEvent) {
    // From the tab that has focus (the selected one, unless focus was moved there by other means).
    const focused = (e.target as HTMLElement | null)?.closest?.<HTMLElement>('[role="tab"]');
    const focusedIndex = focused ? tabs.findIndex((t) => `${idPrefix}-tab-${t.id}` === focused.id) : -1;
    const index = focusedIndex >= 0 ? focusedIndex : tabs.findIndex((t) => t.id === selected);
    const last = tabs.length - 1;
    const target =
      e.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : -1;
    if (target < 0) return;
    e.preventDefault();
    onSelect(tabs[target]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[target]?.focus();
  }
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          type="button"
          role="tab"
          key={t.id}
          id={`${idPrefix}-tab-${t.id}`}
          class="tabs__tab"
          data-testid={t.testId}
          aria-selected={t.id === selected}
          aria-controls={`${idPrefix}-panel-${t.id}`}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ idPrefix, id, children }: { idPrefix: string; id: string; children: ComponentChildren }) {
  return (
    <section class="tabpanel" role="tabpanel" id={`${idPrefix}-panel-${id}`} aria-labelledby={`${idPrefix}-tab-${id}`} tabIndex={0}>
      {children}
    </section>
  );
}
