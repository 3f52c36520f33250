/** One waiting item: a real checkbox inside a label, so the whole row toggles it by mouse or keyboard. */
import type { WizardItem } from '@/lib/api/schema';
import { formatAmount } from '@/lib/format/amount';
import { changeLabel, entityLabel } from '@/lib/format/labels';
import { relativeAge } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';

export interface WizardRowProps {
  item: WizardItem;
  checked: boolean;
  now: Date;
  onChange: (id: string, checked: boolean) => void;
  position: number;
  total: number;
}

export function WizardRow({ item, checked, now, onChange, position, total }: WizardRowProps) {
  const entity = entityLabel(item.entityType);
  const title = item.docNumber ? t('popupRecordNumber', entity, item.docNumber) : entity;
  const amount = formatAmount(item.amount);
  const age = relativeAge(item.detectedAt, now);
  const change = changeLabel(item.change);
  return (
    <li
      class={`wizard-row${checked ? '' : ' is-unchecked'}`}
      data-testid="wizard-row"
      data-item-id={item.id}
      aria-posinset={position}
      aria-setsize={total}
    >
      <label class="wizard-row__label">
        <input
          type="checkbox"
          class="wizard-row__checkbox"
          data-testid="wizard-row-checkbox"
          checked={checked}
          onChange={(e) => onChange(item.id, e.currentTarget.checked)}
          aria-label={t('popupRowLabel', change, title, item.name)}
        />
        <span class="wizard-row__body">
          <span class="wizard-row__line">
            <span class="wizard-row__title">{title}</span>
            <span class={`change change--${item.change}`}>{change}</span>
            {amount && <span class="wizard-row__amount">{amount}</span>}
          </span>
          <span class="wizard-row__line wizard-row__line--sub">
            <span class="wizard-row__name" title={item.name}>
              {item.name}
            </span>
            <time class="wizard-row__age" dateTime={item.detectedAt}>
              {age}
            </time>
          </span>
        </span>
      </label>
    </li>
  );
}
