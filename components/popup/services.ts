/**
 * Pure: how the popup and the Sync Center see several sync services at once: companies grouped
 * per service (settings order), and the services in trouble. Keys are never split here; the
 * lib/connections helpers say which service a company key belongs to.
 */
import { connectionForKey, connectionName, hasSeveralConnections } from '@/lib/connections/connection';
import type { ConnectionState, ConnectionStatus, Snapshot } from '@/lib/messaging/protocol';

type ServicesView = Pick<Snapshot, 'settings' | 'connections'>;

export interface ServiceGroup<C> {
  connection: ConnectionState;
  name: string;
  companies: C[];
}

const UNKNOWN_STATUS: ConnectionStatus = { state: 'unconfigured', lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null };

/** Each connection with its own status, in settings order (a connection the snapshot lacks reads as not polled yet). */
export function servicesOf(snapshot: ServicesView): ConnectionState[] {
  return snapshot.settings.connections.map((c) => {
    const state = snapshot.connections.find((s) => s.id === c.id);
    return { ...c, status: state?.status ?? UNKNOWN_STATUS };
  });
}

/** True when views group by service (more than one connected). */
export function severalServices(snapshot: ServicesView | null): boolean {
  return snapshot !== null && hasSeveralConnections(snapshot.settings);
}

/**
 * The companies of each service, keeping the order of `companies` inside a group. Companies whose
 * service was removed belong to no group (the background purges them with the service).
 */
export function groupByService<C extends { id: string }>(snapshot: ServicesView, companies: readonly C[]): ServiceGroup<C>[] {
  const groups = servicesOf(snapshot).map((connection) => ({ connection, name: connectionName(connection), companies: [] as C[] }));
  for (const company of companies) {
    const owner = connectionForKey(snapshot.settings, company.id);
    groups.find((g) => g.connection.id === owner?.id)?.companies.push(company);
  }
  return groups;
}

/** The name of the service a company key belongs to, or null with one service (nothing to tell apart). */
export function serviceNameOf(snapshot: ServicesView | null, key: string): string | null {
  if (!snapshot || !severalServices(snapshot)) return null;
  const owner = connectionForKey(snapshot.settings, key);
  return owner ? connectionName(owner) : null;
}

export type ServiceProblemState = Extract<ConnectionStatus['state'], 'signed-out' | 'unreachable' | 'error'>;
const PROBLEM_STATES: readonly ConnectionStatus['state'][] = ['signed-out', 'unreachable', 'error'];

export function hasProblem(connection: ConnectionState): connection is ConnectionState & { status: ConnectionStatus & { state: ServiceProblemState } } {
  return PROBLEM_STATES.includes(connection.status.state);
}

/**
 * The services to warn about one by one: with several services, each failing one while another
 * still answers (when all fail, the whole page shows the combined problem instead).
 */
export function servicesToWarnAbout(snapshot: ServicesView | null): ConnectionState[] {
  if (!snapshot || !severalServices(snapshot)) return [];
  const services = servicesOf(snapshot);
  if (!services.some((c) => c.status.state === 'ok')) return [];
  return services.filter(hasProblem);
}
