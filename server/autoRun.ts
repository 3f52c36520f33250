/**
 * The connector schedule (`--auto-run <seconds>`): every tick runs each company's connector, like
 * the Web Connector's auto-run. A run that fails (the database locked by another process, a thrown
 * error) never stops the server: it is logged in one line, without request data or secrets, the
 * other companies still run, and the next tick tries again.
 */
import { isDatabaseBusy } from './db/busy.ts';
import { runConnector } from './emulator/connector.ts';
import { CompanyBusyError } from './sync/company-leases.ts';
import type { Store } from './store/store.ts';

export interface AutoRunLog {
  error(line: string): void;
  info(line: string): void;
}

const consoleLog: AutoRunLog = { error: (line) => console.error(line), info: (line) => console.log(line) };

export interface AutoRun {
  stop(): void;
}

/** Runs one company's sync; the default is the in-process emulator run. */
export type CompanyRunner = (companyId: string) => unknown;

export function startAutoRun(store: Store, seconds: number, log: AutoRunLog = consoleLog, runCompany: CompanyRunner = (id) => runConnector(store, id)): AutoRun {
  const failing = new Set<string>();
  let ticking = false;
  const tick = async () => {
    // A run over the wire can outlast a short interval: a tick never overlaps the previous one.
    if (ticking) return;
    ticking = true;
    try {
      for (const company of await store.companyRows()) {
        try {
          await runCompany(company.id);
          if (failing.delete(company.id)) log.info(`synclens server: scheduled connector run for company "${company.id}" succeeded again`);
        } catch (err) {
          // Another instance on the same database is running this company: nothing is wrong.
          if (err instanceof CompanyBusyError) continue;
          failing.add(company.id);
          log.error(`synclens server: scheduled connector run for company "${company.id}" failed (${describe(err)}); trying again in ${seconds} s`);
          // A SQLite lock held by another process would stop every other company too: leave them
          // all to the next tick.
          if (isDatabaseBusy(err)) break;
        }
      }
    } catch (err) {
      log.error(`synclens server: scheduled connector run failed (${describe(err)}); trying again in ${seconds} s`);
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** One line: the error's code and the start of its message; never a stack, a request or a setting. */
function describe(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  const text = message.replace(/\s+/g, ' ').trim().slice(0, 200);
  return typeof code === 'string' ? `${code}: ${text}` : text;
}
