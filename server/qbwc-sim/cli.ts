/**
 * npm run qbwc-sim -- --url http://127.0.0.1:8787/qbwc --user <u> --password <p> [--every <minutes>]
 *   [--company-name X] [--company-file C:\...\X.QBW] [--cannot-open]
 * Plays the QuickBooks Web Connector against a sync server: one run now, then one every N minutes
 * (honouring the server's postpone and minimum-interval answers), with an in-memory company file.
 * Prints a QWCLog-like line per call; the password is never printed. A single run exits 1 unless it
 * ended done or none.
 */
import { createCompanyFile } from './company-file.ts';
import { planFromArgs, UsageError } from './cli-options.ts';
import { runWebConnectorSession } from './web-connector.ts';

async function main(): Promise<void> {
  const plan = planFromArgs(process.argv.slice(2), process.env);
  const company = createCompanyFile({ companyName: plan.companyName });
  const log = (line: string) => console.log(line);
  console.log(`Web Connector simulator: ${plan.url} as '${plan.userName}', company file "${company.companyName}"`
    + (plan.everyMinutes ? `, every ${plan.everyMinutes} min` : ', one run'));

  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  const runOnce = async (): Promise<number> => {
    const result = await runWebConnectorSession({
      url: plan.url, userName: plan.userName, password: plan.password, company,
      companyFilePath: plan.companyFilePath, cannotOpenFile: plan.cannotOpenFile, log,
    });
    console.log(`Run finished: ${result.outcome}${result.lastError ? ` - ${result.lastError}` : ''} (${result.sendRequestCount} sendRequestXML)`);
    // A single run tells scripts whether it went through.
    if (!plan.everyMinutes) process.exitCode = result.outcome === 'done' || result.outcome === 'none' ? 0 : 1;
    const scheduledMs = (plan.everyMinutes ?? 0) * 60_000;
    const minimumMs = (result.minimumRunEverySeconds ?? 0) * 1000;
    // A postponed run comes back after the delay the service asked for; otherwise the schedule, never below its minimum.
    return result.postponeSeconds ? result.postponeSeconds * 1000 : Math.max(scheduledMs, minimumMs);
  };
  const schedule = async () => {
    const nextMs = await runOnce();
    if (!plan.everyMinutes || stopping) return;
    console.log(`Next run in ${Math.round(nextMs / 1000)} s`);
    timer = setTimeout(() => { void schedule(); }, nextMs);
  };
  const stop = (signal: string) => {
    stopping = true;
    if (timer) clearTimeout(timer);
    console.log(`${signal}: stopping`);
    process.exit(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  await schedule();
}

main().catch((err: Error) => {
  console.error(`qbwc-sim: ${err.message}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
