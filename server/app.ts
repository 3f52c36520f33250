/**
 * Starts the reference sync server in-process: opens (and migrates) the database, loads a seed,
 * serves the Sync API and optionally runs the connectors on a schedule like the Web Connector.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { startAutoRun } from './autoRun.ts';
import { openDatabase } from './db/open.ts';
import type { IdempotencyRetention } from './http/idempotency.ts';
import { createApi } from './http/routes.ts';
import { loadSeed } from './seed/load.ts';
import { provisionCredentials } from './quickbooks/qbd/credentials.ts';
import { createQboRuntime, createQuickBooksDirectory } from './quickbooks/directory.ts';
import type { QboAppConfig } from './quickbooks/qbo/config.ts';
import { Store } from './store/store.ts';
import { CompanyLeases } from './sync/company-leases.ts';
import { SyncEngine } from './sync/engine.ts';

export interface StartOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A postgres:// URL (PostgreSQL, several instances may share it), a SQLite file path, or ':memory:' (default). */
  db?: string;
  /** PostgreSQL connections this instance keeps (default 10). */
  dbPoolSize?: number;
  /** How long a company's work stays leased to an instance that stopped renewing it (default 30 s). */
  leaseSeconds?: number;
  token: string;
  /** 'demo', 'demo-second' (another business, same company ids), a fixture file path, or null. Seeds load only into an empty database. */
  seed?: 'demo' | string | null;
  /** Run every company's connector this often (0/undefined = only on request); a failed run is logged and tried again next time. */
  connectorAutoRunSeconds?: number;
  /** Injectable clock for tests. */
  now?: () => Date;
  /** X-Poll-Interval hint in seconds (default 60). */
  pollIntervalSeconds?: number;
  /** How long and how many Idempotency-Keys are kept, and how often they are pruned (default 7 days, 10,000, every 100 keys). */
  idempotencyRetention?: Partial<IdempotencyRetention>;
  /** QuickBooks Online app settings (server/quickbooks/qbo/config.ts); without them Online companies use the in-process emulator. */
  qbo?: QboAppConfig | null;
  /** SYNCLENS_SECRET_KEY: encrypts QuickBooks tokens at rest. Without it tokens are refused, except in the demo. */
  secretKey?: Buffer | null;
  /** The demo only: store QuickBooks tokens without a key, visibly marked. */
  allowPlaintextTokensForDemo?: boolean;
  /** The address the QuickBooks Web Connector reaches this server at (https, or http on this machine); default: the listening address. */
  publicUrl?: string;
  /** A Web Connector login given to every QuickBooks Desktop company that has none yet (SYNCLENS_QBWC_USER / SYNCLENS_QBWC_PASSWORD). */
  webConnector?: { userName: string; password: string } | null;
}

/** How long requests under way may finish when the server stops. */
const CLOSE_GRACE_MS = 2_000;

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /** Runs a company's sync as the schedule and POST /connector/run do. */
  engine: SyncEngine;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  if (!opts.token) throw new Error('A token is required: pass --token or set SYNCLENS_TOKEN.');
  const db = await openDatabase(opts.db ?? ':memory:', { maxConnections: opts.dbPoolSize });
  const store = new Store(db, opts.now ?? (() => new Date()));
  try {
    if (opts.seed) await loadSeed(store, opts.seed);
    if (opts.webConnector) await provisionCredentials(store, opts.webConnector.userName, opts.webConnector.password);
  } catch (err) {
    await db.close();
    throw err;
  }
  let closing = false;
  const qbo = opts.qbo
    ? createQboRuntime(store, opts.qbo, { secretKey: opts.secretKey ?? null, allowPlaintextForDemo: opts.allowPlaintextTokensForDemo ?? false })
    : null;
  const leases = new CompanyLeases(store, { ttlMs: (opts.leaseSeconds ?? 30) * 1000 });
  const engine = new SyncEngine(store, createQuickBooksDirectory(store, qbo), leases);
  const app = createApi({
    store, engine, qbo, token: opts.token, pollIntervalSeconds: opts.pollIntervalSeconds ?? 60, isClosing: () => closing,
    idempotencyRetention: opts.idempotencyRetention, publicUrl: () => opts.publicUrl ?? listeningUrl,
  });
  let listeningUrl = '';
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  listeningUrl = url;
  // Scheduled runs skip a company another instance is running: it is in hand.
  const autoRun = opts.connectorAutoRunSeconds
    ? startAutoRun(store, opts.connectorAutoRunSeconds, undefined, (id) => engine.run(id, { waitForOtherInstance: false }))
    : null;
  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    store,
    engine,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        autoRun?.stop();
        // A keep-alive socket busy now would hold close() open for good once it turns idle:
        // requests under way get a short grace, then every socket is closed.
        const http = server as { closeAllConnections?: () => void; closeIdleConnections?: () => void };
        const force = setTimeout(() => http.closeAllConnections?.(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          // Runs under way finish their current QuickBooks calls before the database closes.
          void engine.idle().finally(() => {
            void db.close().finally(resolve);
          });
        });
        http.closeIdleConnections?.();
      });
      return closed;
    },
  };
}
