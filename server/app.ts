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
import { Store } from './store/store.ts';

export interface StartOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** File path or ':memory:' (default). */
  db?: string;
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
}

/** How long requests under way may finish when the server stops. */
const CLOSE_GRACE_MS = 2_000;

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  if (!opts.token) throw new Error('A token is required: pass --token or set SYNCLENS_TOKEN.');
  const db = openDatabase(opts.db ?? ':memory:');
  const store = new Store(db, opts.now ?? (() => new Date()));
  try {
    if (opts.seed) loadSeed(store, opts.seed);
  } catch (err) {
    db.close();
    throw err;
  }
  let closing = false;
  const app = createApi({
    store, token: opts.token, pollIntervalSeconds: opts.pollIntervalSeconds ?? 60, isClosing: () => closing,
    idempotencyRetention: opts.idempotencyRetention,
  });
  const host = opts.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const autoRun = opts.connectorAutoRunSeconds ? startAutoRun(store, opts.connectorAutoRunSeconds) : null;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    store,
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
          db.close();
          resolve();
        });
        http.closeIdleConnections?.();
      });
      return closed;
    },
  };
}
