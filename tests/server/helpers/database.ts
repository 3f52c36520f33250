/**
 * The database a test server runs on. In the `server` project: SQLite in memory. In the
 * `server-postgres` project (same test files, see vitest.config.ts): a fresh PostgreSQL database
 * on the run's throwaway cluster, so both engines pass the same suite.
 */
import { inject } from 'vitest';
import { createDatabaseAt } from '../../support/postgres-cluster.ts';

export function onPostgres(): boolean {
  return Boolean(inject('postgresAdminUrl'));
}

export async function testDatabase(): Promise<string> {
  const admin = inject('postgresAdminUrl');
  return admin ? createDatabaseAt(admin) : ':memory:';
}
