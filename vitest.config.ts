import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The store contract: these server suites run twice, on SQLite (`server`) and on PostgreSQL
// (`server-postgres`, a throwaway cluster started by the project's global setup).
const STORE_CONTRACT = [
  'ingest-batch', 'ingest', 'qbo-sync', 'qbwc-api', 'qbwc-import', 'qbwc-session', 'qbwc-soap', 'server-emulator',
  'server-http', 'server-idempotency', 'server-lists', 'server-log-filters', 'server-summary', 'server-wizard', 'tokens',
].map((name) => `tests/server/${name}.test.ts`);

// Four projects: `unit` (happy-dom + WXT's fake browser + fake IndexedDB), `server` (Node, the
// real reference server on a random port), `server-postgres` (the store contract and the
// several-instance tests on a real PostgreSQL) and `browser` (Chromium with the built extension).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto', './tests/unit/setup-i18n.ts', './tests/unit/setup-vault.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // Nothing here asserts a time; a loaded two-core CI machine just needs the room.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: [...STORE_CONTRACT, 'tests/server-postgres/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./tests/support/postgres-global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
