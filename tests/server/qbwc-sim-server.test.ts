/**
 * The Web Connector simulator against the real sync server's POST /qbwc (random port): a wrong
 * password, then a whole session that takes an approved customer into the emulated company file.
 */
import { afterEach, expect, it } from 'vitest';
import { createCompanyFile } from '../../server/qbwc-sim/company-file.ts';
import { runWebConnectorSession } from '../../server/qbwc-sim/web-connector.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const USER = 'sim-bookkeeper';
const PASSWORD = 'a long test password';
let t: TestServer | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

it('runs a whole Web Connector session against the real server', async () => {
  t = await startTestServer({ webConnector: { userName: USER, password: PASSWORD } });
  const company = createCompanyFile({ companyName: 'Acme Lawn Care', now: t.clock.now });
  const url = `${t.server.url}/qbwc`;
  const lines: string[] = [];

  const refused = await runWebConnectorSession({ url, userName: USER, password: 'not the password', company });
  expect(refused.outcome).toBe('nvu');

  const companies = (await t.get('/companies')).json.items as { id: string; system: string }[];
  const desktop = companies.find((c) => c.system === 'qbd')!.id;
  const put = await t.call('PUT', `/companies/${desktop}/records/Customer/sim-c-1`, { body: { record: { displayName: 'Simulated Gardens' } } });
  expect(put.status, put.text).toBeLessThan(300);
  const waiting = (await t.get(`/companies/${desktop}/wizard?direction=export&limit=500`)).json.items as { id: string; localId: string }[];
  const ids = waiting.filter((i) => i.localId === 'sim-c-1').map((i) => i.id);
  const approved = await t.post(`/companies/${desktop}/wizard/approve`, { reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
  expect(approved.status, approved.text).toBe(200);

  const result = await runWebConnectorSession({ url, userName: USER, password: PASSWORD, company, noOpWaitMs: 0, log: (l) => lines.push(l) });
  expect(result.outcome, result.lastError).toBe('done');
  expect(result.calls.map((c) => c.method).slice(0, 4)).toEqual(['serverVersion', 'clientVersion', 'authenticate', 'sendRequestXML']);
  expect(result.calls.at(-1)!.method).toBe('closeConnection');
  expect(company.list('Customer').map((c) => c.Name)).toContain('Simulated Gardens');
  expect(lines.join('\n')).not.toContain(PASSWORD);
});
