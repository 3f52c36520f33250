/**
 * Pieces the popup and the Sync Center share when several sync services are connected: company
 * options grouped per service, the muted service name beside a company, and one service's problem
 * (signed out, unreachable, error). Everything from the services is rendered as text.
 */
import type { ComponentChildren } from 'preact';
import { connectionName } from '@/lib/connections/connection';
import { shortTime } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';
import type { ConnectionState, Snapshot } from '@/lib/messaging/protocol';
import { groupByService, hasProblem, servicesToWarnAbout, severalServices } from './services';
import './services.css';

/**
 * The <option>s of a company select: one <optgroup> per service (settings order) with several
 * services, a flat list with one. Empty groups are left out.
 */
export function CompanyOptions<C extends { id: string }>({
  snapshot,
  companies,
  label,
}: {
  snapshot: Pick<Snapshot, 'settings' | 'connections'> | null;
  companies: readonly C[];
  label: (company: C) => string;
}) {
  const option = (c: C) => (
    <option key={c.id} value={c.id}>
      {label(c)}
    </option>
  );
  if (!snapshot || !severalServices(snapshot)) return <>{companies.map(option)}</>;
  return (
    <>
      {groupByService(snapshot, companies)
        .filter((g) => g.companies.length > 0)
        .map((g) => (
          <optgroup key={g.connection.id} label={g.name} data-connection-id={g.connection.id}>
            {g.companies.map(option)}
          </optgroup>
        ))}
    </>
  );
}

/**
 * The service's name in small muted text beside a company name (only given with several services).
 * `separated` ends it with a dot for when more muted facts follow on the same line.
 */
export function ServiceName({ name, separated }: { name: string | null; separated?: 'before' | 'after' }) {
  if (!name) return null;
  return (
    <span class="service-name" data-testid="service-name">
      <span class="sr-only">{t('svcServiceOf', name)}</span>
      {separated === 'before' && <span aria-hidden="true">· </span>}
      <span aria-hidden="true">{name}</span>
      {separated === 'after' && <span aria-hidden="true"> ·</span>}
    </span>
  );
}

/** One sentence for a failing service: since when, and how old the data shown from it is. */
export function serviceProblemText(connection: ConnectionState, name: string, now: Date): string {
  const { status } = connection;
  if (status.state === 'signed-out') return t('svcSignedOut', name);
  if (status.state === 'error') return status.message ? t('svcError', name, status.message) : t('svcErrorNoMessage', name);
  const since = shortTime(status.failingSince, now);
  const data = shortTime(status.lastSuccessAt, now);
  if (since && data) return t('svcUnreachableSinceData', name, since, data);
  if (since) return t('svcUnreachableSince', name, since);
  if (data) return t('svcUnreachableData', name, data);
  return t('svcUnreachable', name);
}

/** A failing service's line, with the way out when the token was refused. */
export function ServiceProblem({
  connection,
  name,
  now,
  onOpenOptions,
  testId,
  children,
}: {
  connection: ConnectionState;
  name: string;
  now: Date;
  onOpenOptions: () => void;
  testId: string;
  children?: ComponentChildren;
}) {
  if (!hasProblem(connection)) return null;
  const tone = connection.status.state === 'unreachable' ? 'warn' : 'error';
  return (
    <div class={`service-problem service-problem--${tone}`} role="status" data-testid={testId} data-connection-id={connection.id} data-state={connection.status.state}>
      <p class="service-problem__text">{serviceProblemText(connection, name, now)}</p>
      {connection.status.state === 'signed-out' && (
        <button type="button" class="button button--small" aria-label={t('svcOpenSettingsFor', name)} onClick={onOpenOptions}>
          {t('svcOpenSettings')}
        </button>
      )}
      {children}
    </div>
  );
}

/** The per-service warnings at the top of a page: only during a partial outage (see servicesToWarnAbout). */
export function ServiceWarnings({ snapshot, now, onOpenOptions }: { snapshot: Snapshot | null; now: Date; onOpenOptions: () => void }) {
  const failing = servicesToWarnAbout(snapshot);
  if (failing.length === 0) return null;
  return (
    <section class="service-warnings" aria-label={t('svcWarningsLabel')} data-testid="service-warnings">
      {failing.map((c) => (
        <ServiceProblem key={c.id} connection={c} name={connectionName(c)} now={now} onOpenOptions={onOpenOptions} testId="service-warning" />
      ))}
    </section>
  );
}
