/** The connector line: for QuickBooks Desktop it explains the Pending wait and when the Web Connector last called. */
import type { Company, CompanySummary } from '@/lib/api/schema';
import { describeConnector } from '@/lib/format/connector';
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';

export function ConnectorStatus({ company, summary, now }: { company: Company; summary: CompanySummary | null; now: Date }) {
  // The summary is refreshed with every poll, so its connector copy is the newer one when present.
  const connector = summary?.connector ?? company.connector;
  const d = describeConnector(company.system, connector, now);
  const pending = summary?.pendingSyncs ?? 0;
  return (
    <div class={`connector connector--${d.tone}`} data-testid="connector-status" data-tone={d.tone} role={d.tone === 'warn' ? 'alert' : undefined}>
      <p class="connector__text">{d.text}</p>
      {d.action && <p class="connector__action">{d.action}</p>}
      {connector.message && <p class="connector__message">{connector.message}</p>}
      {pending > 0 && (
        <p class="connector__pending" data-testid="pending-count">
          {pending === 1 ? t('popupPendingOne') : t('popupPendingMany', formatCount(pending))}
        </p>
      )}
    </div>
  );
}
