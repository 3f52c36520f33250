/** Opening PostgreSQL: versioned migrations, instances that start together, and clear errors. */
import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { MIGRATIONS } from '../../server/db/migrations.ts';
import { openDatabase } from '../../server/db/open.ts';
import { startServer } from '../../server/app.ts';
import { createDatabaseAt } from '../support/postgres-cluster.ts';
import { freePort } from '../support/free-port.ts';

async function versions(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => Number(r.version));
  } finally {
    await client.end();
  }
}

describe('PostgreSQL storage', () => {
  it('migrates once when several instances open an empty database at the same moment', async () => {
    const url = await createDatabaseAt(inject('postgresAdminUrl'));
    const dbs = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
    await Promise.all(dbs.map((db) => db.close()));
    expect(await versions(url)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database migrated by a newer server', async () => {
    const url = await createDatabaseAt(inject('postgresAdminUrl'));
    await (await openDatabase(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [MIGRATIONS.length + 1, 'later']);
    await client.end();
    await expect(openDatabase(url)).rejects.toThrow(/newer than this server/);
  });

  it('says which database it cannot reach, without the password', async () => {
    const port = await freePort();
    const url = `postgres://synclens:s3cret-pass@127.0.0.1:${port}/nowhere`;
    const failure = await openDatabase(url).then(() => null, (err: Error) => err);
    expect(failure?.message).toMatch(/Cannot open the PostgreSQL database postgres:\/\/synclens:\*\*\*@127\.0\.0\.1/);
    expect(failure?.message).not.toContain('s3cret-pass');
    await expect(startServer({ port: 0, db: url, token: 't' })).rejects.toThrow(/Cannot open the PostgreSQL database/);
  });

  it('keeps the data across a restart of the server', async () => {
    const url = await createDatabaseAt(inject('postgresAdminUrl'));
    const first = await startServer({ port: 0, db: url, token: 't', seed: 'demo' });
    const auth = { authorization: 'Bearer t' };
    const before = await (await fetch(`${first.url}/api/v1/summary`, { headers: auth })).json();
    await first.close();
    const second = await startServer({ port: 0, db: url, token: 't', seed: 'demo' });
    try {
      const after = await (await fetch(`${second.url}/api/v1/summary`, { headers: auth })).json();
      expect(after).toEqual(before);
    } finally {
      await second.close();
    }
  });
});
