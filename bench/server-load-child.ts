/**
 * The sync server in a process of its own for the idle-poll load test (bench/server.ts): the same
 * 100,000-row database as the summary benchmark. Prints one JSON line with its URL, then serves
 * until it is sent SIGTERM. Running it apart keeps the load generator off the server's thread.
 */
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/app.ts';
import { bulkGenerate } from '../server/seed/bulk.ts';

const token = process.argv[2] ?? 'bench-token';
const server = await startServer({ port: 0, db: ':memory:', token, seed: fileURLToPath(new URL('../tests/fixtures/small.json', import.meta.url)) });
await bulkGenerate(server.store, { companyId: 'acme-qbo', logEntries: 100_000, unsynced: 10_000, wizardItems: 2_000 });
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
console.log(JSON.stringify({ url: server.url }));
