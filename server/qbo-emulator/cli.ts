/**
 * npm run qbo-emulator -- [--port 8790] [--host 127.0.0.1]
 *   [--client-id X --client-secret Y --redirect-uri Z ...] [--webhook-url U --webhook-verifier V]
 *   [--realm 9130357766542011 --company "Name" ...] [--latency-ms N] [--webhook-format cloudevents|legacy]
 * The client secret may come from QBO_EMULATOR_CLIENT_SECRET instead (keeps it out of the process
 * list). Without --client-id an app is made up and its secret printed once, here only.
 */
import { startQboEmulator } from './app.ts';
import { planFromArgs, UsageError } from './cli-options.ts';

async function main(): Promise<void> {
  const plan = planFromArgs(process.argv.slice(2), process.env);
  const emulator = await startQboEmulator(plan.options);
  const app = plan.options.apps![0]!;
  const lines = [
    `QuickBooks Online emulator listening on ${emulator.url}`,
    `  API base:   ${emulator.apiBase}   (v3 under /v3/company/{realmId}/...)`,
    `  OAuth base: ${emulator.oauthBase} (/connect/oauth2, /oauth2/v1/tokens/bearer, /v2/oauth2/tokens/revoke)`,
    `  Companies:  ${plan.options.realms!.map((r) => `${r.realmId} "${r.companyName}"`).join(', ')}`,
    `  App:        client id ${app.clientId}; redirect URIs ${app.redirectUris.join(', ')}`,
  ];
  if (plan.generated.clientSecret) lines.push(`  Client secret (made up for this run, shown only now): ${plan.generated.clientSecret}`);
  if (app.webhookUrl) lines.push(`  Webhooks:   ${app.webhookUrl} (${plan.options.webhookFormat ?? 'cloudevents'})`);
  if (plan.generated.webhookVerifier) lines.push(`  Webhook verifier (made up for this run, shown only now): ${plan.generated.webhookVerifier}`);
  lines.push(
    '  Admin (loopback only, JSON):',
    '    GET/POST /admin/realms, PATCH /admin/realms/{realm}      companies and their closing date',
    '    POST /admin/apps, POST /admin/consent                     apps; the next consent (a company, or {"deny":true})',
    '    GET|POST /admin/realms/{realm}/{entity}[/{id}]            objects as stored; create as a QuickBooks user',
    '    PATCH|DELETE /admin/realms/{realm}/{entity}/{id}, POST .../deactivate   change it "in QuickBooks" (webhook unless ?webhook=false)',
    '    POST|DELETE /admin/faults, POST /admin/clock, GET /admin/requests, GET /admin/webhooks',
  );
  console.log(lines.join('\n'));
  const stop = (signal: string) => {
    console.log(`${signal}: closing`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`qbo-emulator: ${err.message}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
