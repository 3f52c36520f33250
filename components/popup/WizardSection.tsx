/** One direction of the Sync Wizard: a tri-state "select all" header and its rows. */
import type { Direction, WizardItem } from '@/lib/api/schema';
import type { SectionState, Unchecked } from '@/lib/approvals/selection';
import { directionLabel } from '@/lib/format/labels';
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import { WizardList } from './WizardList';

export interface WizardSectionProps {
  direction: Direction;
  items: WizardItem[];
  /** Rows in the section when `items` holds only the first ones (see WizardList). */
  total?: number;
  state: SectionState;
  unchecked: Unchecked;
  loading: boolean;
  now: Date;
  onToggleAll: () => void;
  onChange: (id: string, checked: boolean) => void;
}

export function WizardSection({ direction, items, total: size, state, unchecked, loading, now, onToggleAll, onChange }: WizardSectionProps) {
  const title = directionLabel(direction);
  const headingId = `section-${direction}-title`;
  const total = Math.max(size ?? 0, items.length);
  const checkedCount = total - items.reduce((n, i) => n + (unchecked.has(i.id) ? 1 : 0), 0);
  return (
    <section class="wizard-section" data-testid={`section-${direction}`} aria-labelledby={headingId}>
      <header class="wizard-section__header">
        <label class="wizard-section__toggle">
          <input
            type="checkbox"
            data-testid={`section-${direction}-toggle`}
            checked={state === 'all'}
            indeterminate={state === 'mixed'}
            disabled={state === 'empty'}
            onChange={onToggleAll}
            aria-label={t('popupSelectAll', title)}
          />
          <h2 id={headingId} class="wizard-section__title">
            {title}
          </h2>
        </label>
        <span class="wizard-section__count" data-testid={`section-${direction}-count`}>
          {total === 0 ? '' : checkedCount === total ? formatCount(total) : t('popupCheckedOfTotal', formatCount(checkedCount), formatCount(total))}
        </span>
      </header>
      {items.length > 0 ? (
        <WizardList items={items} total={total} unchecked={unchecked} now={now} onChange={onChange} label={title} />
      ) : loading ? (
        <div class="skeleton-rows" aria-hidden="true">
          <div class="skeleton" />
          <div class="skeleton" />
        </div>
      ) : (
        <p class="wizard-section__empty" data-testid={`section-${direction}-empty`}>
          {t('popupSectionEmpty')}
        </p>
      )}
    </section>
  );
}
