/**
 * The Connector tab: one card per followed company, with what a warning state means and what to do.
 * With several sync services the cards are grouped under each service's name, and a service that
 * is not ok says so once, under its heading.
 */
import type { Company, CompanySummary, Connector } from '@/lib/api/schema';
import { describeConnector } from '@/lib/format/connector';
import { dayAndTime } from '@/lib/format/time';
import { formatCount } from '@/lib/format/amount';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { CenterStore } from './store';
import type { ConnectorFileStore } from './connector-file-store';
import { WebConnectorSetup } from './WebConnectorSetup';
import { ServiceProblem } from '../popup/ServiceParts';
import { groupByService, severalServices } from '../popup/services';

const KIND_LABELS: Record<Connector['kind'], MessageKey> = { 'qbo-api': 'centerConnectorKindQbo', 'web-connector': 'systemQbwc' };
const STATE_LABELS: Record<Connector['state'], MessageKey> = {
  ok: 'centerConnectorStateOk',
  stale: 'centerConnectorStateStale',
  offline: 'centerConnectorStateOffline',
  'auth-expired': 'centerConnectorStateAuthExpired',
};

/** `knownAt`: set when the card's service is not answering, so its state is only the last one known. */
function ConnectorCard({ company, connector, pending, now, nested, knownAt, files }: { company: Company; connector: Connector; pending: number; now: Date; nested: boolean; knownAt?: string | null; files: ConnectorFileStore }) {
  const Title = nested ? 'h3' : 'h2';
  const d = describeConnector(company.system, connector, now);
  const when = (iso: string | null | undefined) => dayAndTime(iso, now) || t('timeNever');
  return (
    <article class={`ccard ccard--${d.tone}`} data-testid="connector-card" data-company-id={company.id} data-state={connector.state} aria-labelledby={`cc-${company.id}`}>
      <header class="ccard__head">
        <Title id={`cc-${company.id}`}>{company.name}</Title>
        <span class={`badge badge--${d.tone}`}>{t(STATE_LABELS[connector.state])}</span>
      </header>
      {knownAt !== undefined && (
        <p class="ccard__message muted" data-testid="connector-last-known">
          {t('svcLastKnownState', when(knownAt))}
        </p>
      )}
      <dl class="ccard__facts">
        <dt>{t('centerConnectorConnection')}</dt>
        <dd>{t(KIND_LABELS[connector.kind])}</dd>
        <dt>{t('centerConnectorLastContact')}</dt>
        <dd>{when(connector.lastContactAt)}</dd>
        <dt>{t('centerConnectorLastRun')}</dt>
        <dd>{when(connector.lastRunAt)}</dd>
        <dt>{t('centerConnectorNextRun')}</dt>
        <dd>{connector.nextRunAt ? dayAndTime(connector.nextRunAt, now) : connector.intervalMinutes ? t('centerConnectorEvery', formatCount(connector.intervalMinutes)) : t('centerConnectorNotScheduled')}</dd>
        {pending > 0 && (
          <>
            <dt>{t('centerConnectorPending')}</dt>
            <dd>{formatCount(pending)}</dd>
          </>
        )}
      </dl>
      <p class="ccard__text">{d.text}</p>
      {d.action && (
        <p class="ccard__action" data-testid="connector-action">
          <strong>{t('centerConnectorWhatToDo')} </strong>
          {d.action}
        </p>
      )}
      {connector.message && (
        <p class="ccard__message muted" data-testid="connector-message">
          {connector.message}
        </p>
      )}
      {company.system === 'qbd' && <WebConnectorSetup company={company} files={files} nested={nested} />}
    </article>
  );
}

function Cards({ companies, summaries, now, nested, knownAt, files }: { companies: Company[]; summaries: CompanySummary[]; now: Date; nested: boolean; knownAt?: string | null; files: ConnectorFileStore }) {
  return (
    <div class="ccards">
      {companies.map((c) => {
        const s = summaries.find((x) => x.companyId === c.id);
        // The summary is refreshed with every poll, so its connector copy is the newer one.
        return <ConnectorCard key={c.id} company={c} connector={s?.connector ?? c.connector} pending={s?.pendingSyncs ?? 0} now={now} nested={nested} knownAt={knownAt} files={files} />;
      })}
    </div>
  );
}

export function ConnectorTab({ store, now }: { store: CenterStore; now: Date }) {
  const snapshot = store.snapshot.value;
  const summaries = snapshot?.summary?.companies ?? [];
  const companies = store.companies.value;
  if (snapshot && severalServices(snapshot)) {
    return (
      <div class="service-groups">
        {groupByService(snapshot, companies).map((g) => (
          <section key={g.connection.id} class="service-group" data-testid="service-group" data-connection-id={g.connection.id} aria-labelledby={`svc-${g.connection.id}`}>
            <h2 id={`svc-${g.connection.id}`} class="service-group__title">
              {g.name}
            </h2>
            <ServiceProblem connection={g.connection} name={g.name} now={now} onOpenOptions={store.openOptions} testId="service-status" />
            {g.companies.length === 0 ? <p class="empty muted">{t('svcNoCompanies')}</p> : <Cards companies={g.companies} summaries={summaries} now={now} nested knownAt={g.connection.status.state === 'ok' ? undefined : g.connection.status.lastSuccessAt} files={store.connectorFile} />}
          </section>
        ))}
      </div>
    );
  }
  if (companies.length === 0) return <p class="empty">{t('statusNoCompanies')}</p>;
  return <Cards companies={companies} summaries={summaries} now={now} nested={false} files={store.connectorFile} />;
}
