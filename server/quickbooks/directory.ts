/**
 * Which QuickBooks each company talks to over HTTP. With QuickBooks Online set up on the server, an
 * Online company goes over the wire once connected, and is told to connect until then. QuickBooks
 * Desktop is never called: its Web Connector calls us (server/quickbooks/qbd/session.ts). Without
 * Online settings, and for a Desktop company with no Web Connector login, the engine falls back to
 * the in-process emulator that fixtures rely on.
 */
import type { Store } from '../store/store.ts';
import type { QuickBooksDirectory } from '../sync/engine.ts';
import type { QbOutcome, QuickBooksCompany } from './boundary.ts';
import type { QboAppConfig } from './qbo/config.ts';
import { QboTokenManager } from './qbo/connection-store.ts';
import { createQboCompany } from './qbo/qbo-company.ts';
import { createSecretBox, type SecretBox } from './qbo/secret-box.ts';

export interface QboRuntime {
  config: QboAppConfig;
  box: SecretBox;
  tokens: QboTokenManager;
}

export interface QboRuntimeOptions {
  /** 32 bytes (SYNCLENS_SECRET_KEY); null refuses to store tokens unless the demo allows plaintext. */
  secretKey: Buffer | null;
  allowPlaintextForDemo?: boolean;
  /** Where a person reconnects a company, for connector messages. */
  publicUrl?: string;
}

export function createQboRuntime(store: Store, config: QboAppConfig, opts: QboRuntimeOptions): QboRuntime {
  const box = createSecretBox(opts.secretKey, { allowPlaintextForDemo: opts.allowPlaintextForDemo ?? false });
  const tokens = new QboTokenManager({ store, config, box, publicUrl: opts.publicUrl });
  return { config, box, tokens };
}

export function createQuickBooksDirectory(store: Store, qbo: QboRuntime | null): QuickBooksDirectory {
  const cache = new Map<string, { realmId: string; company: QuickBooksCompany }>();
  return {
    async forCompany(companyId) {
      const company = await store.companyRow(companyId);
      if (!qbo || !company || company.system !== 'qbo') return null;
      const realmId = (await store.db.prepare('SELECT realm_id FROM qbo_connections WHERE company_id = ?').pluck().get(companyId)) as string | undefined;
      if (!realmId) return notConnected(companyId, company.name);
      const cached = cache.get(companyId);
      if (cached?.realmId === realmId) return cached.company;
      const created = createQboCompany({ store, config: qbo.config, tokens: qbo.tokens, companyId, realmId });
      cache.set(companyId, { realmId, company: created });
      return created;
    },
    forget(companyId) {
      cache.delete(companyId);
    },
  };
}

/** An Online company nobody has connected yet: every call says so, and the run stops with that message. */
function notConnected(companyId: string, name: string): QuickBooksCompany {
  const message = `${name} is not connected to QuickBooks Online yet. An administrator connects it by opening /connect/qbo/start?companyId=${companyId} on the sync service.`;
  const refuse = async (): Promise<QbOutcome<never>> => ({ ok: false, failure: { kind: 'auth', message } });
  return {
    system: 'qbo', create: refuse, update: refuse, remove: refuse, read: refuse, findByName: refuse, findByDocNumber: refuse,
    changesSince: refuse, createMany: async (reqs) => reqs.map(() => ({ ok: false, failure: { kind: 'auth', message } })),
  };
}
