import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { createApiClient } from '../../lib/api/client';

let servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('the second demo business', () => {
  it('has the same company ids as the first demo, with its own names and realm', async () => {
    servers = await Promise.all([
      startServer({ port: 0, db: ':memory:', token: 't', seed: 'demo' }),
      startServer({ port: 0, db: ':memory:', token: 't', seed: 'demo-second' }),
    ]);
    const [first, second] = await Promise.all(servers.map((s) => createApiClient({ baseUrl: s.url, token: 't' }).companies()));
    expect(second!.map((c) => c.id)).toEqual(first!.map((c) => c.id));
    expect(second!.map((c) => c.name)).toEqual(['Oak Hill Arborists', 'Riverbend Lawn & Garden']);
    expect(second!.find((c) => c.id === 'evergreen')?.realmId).not.toBe(first!.find((c) => c.id === 'evergreen')?.realmId);
    const unsynced = await createApiClient({ baseUrl: servers[1]!.url, token: 't' }).unsyncedAll('evergreen');
    expect(unsynced.length).toBeGreaterThan(0);
  });
});
