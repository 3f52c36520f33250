/** The Connector tab: one card per followed company, with what a warning state means and what to do. */
import type { Company, Connector } from '@/lib/api/schema';
import { describeConnector } from '@/lib/format/connector';
import { dayAndTime } from '@/lib/format/time';
import type { CenterStore } from './store';

const KIND_LABELS: Record<Connector['kind'], string> = { 'qbo-api': 'QuickBooks Online API', 'web-connector': 'Web Connector' };
const STATE_LABELS: Record<Connector['state'], string> = { ok: 'Working', stale: 'Overdue', offline: 'Offline', 'auth-expired': 'Sign-in expired' };

function ConnectorCard({ company, connector, pending, now }: { company: Company; connector: Connector; pending: number; now: Date }) {
  const d = describeConnector(company.system, connector, now);
  const when = (iso: string | null | undefined) => dayAndTime(iso, now) || 'never';
  return (
    <article class={`ccard ccard--${d.tone}`} data-testid="connector-card" data-company-id={company.id} data-state={connector.state} aria-labelledby={`cc-${company.id}`}>
      <header class="ccard__head">
        <h2 id={`cc-${company.id}`}>{company.name}</h2>
        <span class={`badge badge--${d.tone}`}>{STATE_LABELS[connector.state]}</span>
      </header>
      <dl class="ccard__facts">
        <dt>Connection</dt>
        <dd>{KIND_LABELS[connector.kind]}</dd>
        <dt>Last contact</dt>
        <dd>{when(connector.lastContactAt)}</dd>
        <dt>Last run</dt>
        <dd>{when(connector.lastRunAt)}</dd>
        <dt>Next run</dt>
        <dd>{connector.nextRunAt ? dayAndTime(connector.nextRunAt, now) : connector.intervalMinutes ? `every ${connector.intervalMinutes} min` : 'not scheduled'}</dd>
        {pending > 0 && (
          <>
            <dt>Waiting in Pending</dt>
            <dd>{pending.toLocaleString('en-US')}</dd>
          </>
        )}
      </dl>
      <p class="ccard__text">{d.text}</p>
      {d.action && (
        <p class="ccard__action" data-testid="connector-action">
          <strong>What to do: </strong>
          {d.action}
        </p>
      )}
      {connector.message && <p class="ccard__message muted">{connector.message}</p>}
    </article>
  );
}

export function ConnectorTab({ store, now }: { store: CenterStore; now: Date }) {
  const summaries = store.snapshot.value?.summary?.companies ?? [];
  const companies = store.companies.value;
  if (companies.length === 0) return <p class="empty">The sync service lists no companies yet.</p>;
  return (
    <div class="ccards">
      {companies.map((c) => {
        const s = summaries.find((x) => x.companyId === c.id);
        // The summary is refreshed with every poll, so its connector copy is the newer one.
        return <ConnectorCard key={c.id} company={c} connector={s?.connector ?? c.connector} pending={s?.pendingSyncs ?? 0} now={now} />;
      })}
    </div>
  );
}
