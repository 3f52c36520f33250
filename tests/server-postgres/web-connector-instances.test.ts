/**
 * A QuickBooks Desktop Web Connector session spread over two server instances on one PostgreSQL
 * database, as a load balancer without sticky sessions would spread it: a round-robin proxy sends
 * each SOAP call to the next instance, so the ticket one instance issued is honoured by the other.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';
import { createCompanyFile, runWebConnectorSession } from '../../server/qbwc-sim/index.ts';
import { createDatabaseAt } from '../support/postgres-cluster.ts';
import { SMALL_FIXTURE, TOKEN } from '../server/helpers/server.ts';

const LOGIN = { userName: 'acme-lawn', password: 'correct horse battery' };
const COMPANY = 'acme-qbd';

let instances: RunningServer[] = [];
let balancer: Server;
let balancerUrl: string;
const hits = [0, 0];

beforeAll(async () => {
  const db = await createDatabaseAt(inject('postgresAdminUrl'));
  // One after the other: the first seeds the empty database, the second finds it seeded.
  instances = [await startServer({ port: 0, db, token: TOKEN, seed: SMALL_FIXTURE, webConnector: LOGIN })];
  instances.push(await startServer({ port: 0, db, token: TOKEN, seed: SMALL_FIXTURE, webConnector: LOGIN }));
  let next = 0;
  balancer = createServer((req, res) => {
    const target = next++ % instances.length;
    hits[target]!++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void fetch(`${instances[target]!.url}${req.url}`, {
        method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'text/xml', soapaction: String(req.headers.soapaction ?? '') },
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      }).then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      }, () => {
        res.writeHead(502);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', resolve));
  balancerUrl = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => balancer?.close(resolve));
  await Promise.all(instances.map((s) => s.close()));
});

const api = async (server: RunningServer, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as any };
};

it('a session whose calls alternate between two instances syncs as it would on one', async () => {
  const [a, b] = instances as [RunningServer, RunningServer];
  expect((await api(a, 'PUT', `/companies/${COMPANY}/records/Customer/c-across`, { record: { displayName: 'Across Instances LLC' } })).status).toBeLessThan(300);
  const waiting = (await api(b, 'GET', `/companies/${COMPANY}/wizard?direction=export&limit=500`)).json.items
    .filter((i: { localId: string }) => i.localId === 'c-across').map((i: { id: string }) => i.id);
  expect(waiting).toHaveLength(1);
  expect((await api(b, 'POST', `/companies/${COMPANY}/wizard/approve`, { reviewedIds: waiting, approveIds: waiting, unchecked: 'keep' })).json.approved).toBe(1);

  const file = createCompanyFile({ companyName: 'Acme Lawn Care' });
  const session = await runWebConnectorSession({ url: `${balancerUrl}/qbwc`, ...LOGIN, company: file, noOpWaitMs: 0 });
  expect(session.outcome).toBe('done');
  // authenticate, sendRequestXML, receiveResponseXML, …, closeConnection: both instances took part.
  expect(hits[0]).toBeGreaterThan(0);
  expect(hits[1]).toBeGreaterThan(0);

  for (const server of instances) {
    const log = (await api(server, 'GET', `/companies/${COMPANY}/log?limit=500`)).json.items.filter((e: { localId: string }) => e.localId === 'c-across');
    expect(log.map((e: { status: string }) => e.status)).toEqual(['success']);
  }
  expect(JSON.stringify(file.list('Customer'))).toContain('Across Instances LLC');
});
