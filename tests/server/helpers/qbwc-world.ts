/**
 * A QuickBooks Desktop company synced through the Web Connector, end to end: the real server on a
 * random port (the small fixture's Desktop company, with a Web Connector login), the emulated
 * company file, and the Web Connector simulator calling POST /qbwc over HTTP.
 */
import { createCompanyFile, runWebConnectorSession, type CompanyFile, type SessionOptions, type SessionResult } from '../../../server/qbwc-sim/index.ts';
import { startTestServer, type Reply, type TestServer } from './server.ts';
import { allPages } from '../../support/all-pages.ts';

export const QBD = 'acme-qbd';
export const QBWC_USER = 'acme-lawn';
export const QBWC_PASSWORD = 'correct horse battery';

export interface QbwcWorld {
  t: TestServer;
  file: CompanyFile;
  url: string;
  ingest(entityType: string, localId: string, record: unknown): Promise<Reply>;
  /** Approves the waiting items of one direction (only those of `localIds` when given; imports have none). */
  approveAll(direction?: 'export' | 'import', localIds?: string[]): Promise<Reply>;
  session(extra?: Partial<SessionOptions>): Promise<SessionResult>;
  unsyncedFor(localId: string): Promise<any>;
  logFor(localId: string): Promise<any[]>;
  connector(): Promise<any>;
  close(): Promise<void>;
}

export async function startQbwcWorld(): Promise<QbwcWorld> {
  const t = await startTestServer({ webConnector: { userName: QBWC_USER, password: QBWC_PASSWORD } });
  // The company file keeps the test's clock, so modified dates and the server's cursor agree.
  const file = createCompanyFile({ companyName: 'Acme Lawn Care', now: t.clock.now });
  const url = `${t.server.url}/qbwc`;
  const all = (path: string) => allPages<any>(path, async (p) => (await t.get(p)).json);
  return {
    t, file, url,
    ingest: (entityType, localId, record) => t.call('PUT', `/companies/${QBD}/records/${entityType}/${localId}`, { body: { record } }),
    async approveAll(direction = 'export', localIds) {
      const ids = (await all(`/companies/${QBD}/wizard?direction=${direction}`))
        .filter((i) => !localIds || localIds.includes(i.localId)).map((i) => i.id);
      return t.post(`/companies/${QBD}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
    },
    session: (extra = {}) => runWebConnectorSession({ url, userName: QBWC_USER, password: QBWC_PASSWORD, company: file, noOpWaitMs: 0, ...extra }),
    async unsyncedFor(localId) {
      return (await all(`/companies/${QBD}/unsynced`)).find((u) => u.localId === localId);
    },
    async logFor(localId) {
      return (await all(`/companies/${QBD}/log`)).filter((e) => e.localId === localId);
    },
    async connector() {
      return (await t.get(`/companies/${QBD}/connector`)).json;
    },
    close: () => t.close(),
  };
}
