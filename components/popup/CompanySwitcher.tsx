/** A plain <select> of followed companies; only shown when there is more than one. */
import type { Company } from '@/lib/api/schema';

const SYSTEM_LABEL = { qbo: 'QuickBooks Online', qbd: 'QuickBooks Desktop' } as const;
/** Short enough to keep long company names readable in a 380 px select. */
const SYSTEM_SHORT = { qbo: 'Online', qbd: 'Desktop' } as const;

export function CompanySwitcher({ companies, value, onChange }: { companies: Company[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <select
      class="select company-switcher"
      data-testid="company-switcher"
      aria-label="Company"
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {companies.map((c) => (
        <option key={c.id} value={c.id}>
          {`${c.name} (${SYSTEM_SHORT[c.system]})`}
        </option>
      ))}
    </select>
  );
}

export function CompanyName({ company }: { company: Company }) {
  return (
    <p class="company-name" data-testid="company-name">
      {company.name} <span class="company-name__system">{SYSTEM_LABEL[company.system]}</span>
    </p>
  );
}
