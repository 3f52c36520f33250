/** A plain <select> of followed companies; only shown when there is more than one. */
import type { Company, System } from '@/lib/api/schema';
import { t } from '@/lib/i18n/t';

const systemLabel = (system: System) => (system === 'qbo' ? t('systemQbo') : t('systemQbd'));
/** Short enough to keep long company names readable in a 380 px select. */
const systemShort = (system: System) => (system === 'qbo' ? t('systemQboShort') : t('systemQbdShort'));

export function CompanySwitcher({ companies, value, onChange }: { companies: Company[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <select
      class="select company-switcher"
      data-testid="company-switcher"
      aria-label={t('popupCompanyLabel')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {companies.map((c) => (
        <option key={c.id} value={c.id}>
          {`${c.name} (${systemShort(c.system)})`}
        </option>
      ))}
    </select>
  );
}

export function CompanyName({ company }: { company: Company }) {
  return (
    <p class="company-name" data-testid="company-name">
      {company.name} <span class="company-name__system">{systemLabel(company.system)}</span>
    </p>
  );
}
