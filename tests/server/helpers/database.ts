/**
 * The database a test server runs on. In the `server` project: SQLite in memory. In the
 * `server-postgres` project (same test files, see vitest.config.ts): a fresh PostgreSQL database
 * on the run's throwaway cluster, so both engines pass the same suite.
 */
import { inject } from 'vitest';
import { createDatabaseAt } from '../../support/postgres-cluster.ts';

/** The run's PostgreSQL cluster, if this test project has one (benchmarks reuse these helpers outside Vitest). */
function postgresAdminUrl(): string | undefined {
  return process.env.VITEST ? inject('postgresAdminUrl') : undefined;
}

export async function testDatabase(): Promise<string> {
  const admin = postgresAdminUrl();
  return admin ? createDatabaseAt(admin) : ':memory:';
}
