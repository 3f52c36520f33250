/**
 * A plain <select> of followed companies; only shown when there is more than one. With several
 * sync services the companies are grouped per service, since two services may both have "Evergreen".
 */
import type { Company, System } from '@/lib/api/schema';
import { t } from '@/lib/i18n/t';
import type { Snapshot } from '@/lib/messaging/protocol';
import { CompanyOptions, ServiceName } from './ServiceParts';
import { serviceNameOf } from './services';

const systemLabel = (system: System) => (system === 'qbo' ? t('systemQbo') : t('systemQbd'));
/** Short enough to keep long company names readable in a 380 px select. */
const systemShort = (system: System) => (system === 'qbo' ? t('systemQboShort') : t('systemQbdShort'));

export function CompanySwitcher({
  snapshot,
  companies,
  value,
  onChange,
}: {
  snapshot: Snapshot | null;
  companies: Company[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  return (
    <select
      class="select company-switcher"
      data-testid="company-switcher"
      aria-label={t('popupCompanyLabel')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      <CompanyOptions snapshot={snapshot} companies={companies} label={(c) => `${c.name} (${systemShort(c.system)})`} />
    </select>
  );
}

export function CompanyName({ company, snapshot }: { company: Company; snapshot: Snapshot | null }) {
  return (
    <p class="company-name" data-testid="company-name">
      {company.name} <span class="company-name__system">{systemLabel(company.system)}</span>
      <ServiceName name={serviceNameOf(snapshot, company.id)} />
    </p>
  );
}
