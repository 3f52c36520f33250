/**
 * QuickBooks Desktop end to end, in a real Chromium, with nothing faked: the reference sync server
 * on a random port serving the Web Connector's SOAP service, the Web Connector simulator driving it
 * over HTTP exactly as the Web Connector would, against an emulated company file, and the extension
 * built for that server.
 *
 * The job app's invoice is approved in the popup → Pending, with the Web Connector note → one
 * Web Connector run → the popup, the Sync Center and the badge show it synced. Then the invoice is
 * changed in QuickBooks and a job-app change to it is approved → the next run gets 3200 (edit
 * sequence out of date) → the explanation says so, never a sign-in problem. The Connector card's
 * download gives a .qwc whose AppURL is this server's /qbwc.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { createCompanyFile, type CompanyFile } from '../../server/qbwc-sim/company-file';
import { runWebConnectorSession } from '../../server/qbwc-sim/web-connector';
import { buildFor, eventually, launchExtension, removeTempDirs, screenshotPath, tempDir, type ExtensionSession } from './harness';

const TOKEN = 'qbwc-browser-token';
const COMPANY = 'birchwood';
const COMPANY_NAME = 'Birchwood Lawn Care';
const WEB_CONNECTOR = { userName: 'birchwood-qbwc', password: 'rake-the-leaves-2026' };
const TODAY = new Date().toISOString().slice(0, 10);

let server: RunningServer;
let session: ExtensionSession;
let companyFile: CompanyFile;

interface Reply { status: number; text: string; json: any }
async function api(method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, text, json };
}
const ingest = (entityType: string, localId: string, record: unknown) => api('PUT', `/companies/${COMPANY}/records/${entityType}/${localId}`, { record });

/** One Web Connector update run ("Update Selected"), as the simulator does it. */
async function runWebConnector() {
  const result = await runWebConnectorSession({ url: `${server.url}/qbwc`, ...WEB_CONNECTOR, company: companyFile, noOpWaitMs: 50 });
  expect(result.outcome, JSON.stringify(result, null, 1)).toBe('done');
  return result;
}

async function openPopup(): Promise<Page> {
  const popup = await session.openPage('popup.html');
  await popup.getByTestId('popup-root').waitFor();
  return popup;
}
async function exportRows(popup: Page): Promise<number> {
  return popup.getByTestId('section-export').getByTestId('wizard-row').count();
}
async function approveEverythingInPopup(count: number): Promise<void> {
  const popup = await openPopup();
  await eventually(() => exportRows(popup), (n) => n === count, `${count} rows to export in the popup`);
  await popup.getByTestId('approve-checked').click();
  await popup.getByTestId('approve-result').waitFor();
  await popup.close();
  // On a busy machine the popup may still be confirming the approval: the Web Connector only has
  // something to send once the server holds the pending entries.
  await eventually(async () => (await api('GET', `/companies/${COMPANY}/summary`)).json.pendingSyncs as number, (n) => n >= count,
    `${count} pending entries on the server`);
}
const invoiceTxnId = () => {
  const invoice = companyFile.list('Invoice').find((i) => i.RefNumber === 'J-2001');
  if (!invoice) throw new Error('the invoice is not in the company file');
  return invoice.TxnID as string;
};

beforeAll(async () => {
  const dir = tempDir('synclens-qbwc-');
  const fixture = join(dir, 'desktop.json');
  writeFileSync(
    fixture,
    JSON.stringify({
      companies: [{ id: COMPANY, name: COMPANY_NAME, system: 'qbd', companyFile: null, connector: { kind: 'web-connector', intervalMinutes: 15 } }],
    }),
  );
  server = await startServer({ port: 0, db: join(dir, 'sync.db'), token: TOKEN, seed: fixture, webConnector: WEB_CONNECTOR });
  companyFile = createCompanyFile({ companyName: COMPANY_NAME });
  session = await launchExtension(await buildFor(server.url, TOKEN, 0.05));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  removeTempDirs();
});

describe('QuickBooks Desktop, end to end through the Web Connector simulator', () => {
  it('an invoice approved in the popup waits in Pending with the Web Connector note', async () => {
    for (const [type, localId, record] of [
      ['Customer', 'c-21', { displayName: 'Lakeview Church', email: 'office@lakeview.example' }],
      ['Item', 'i-21', { name: 'Aeration', kind: 'Service', unitPrice: 95 }],
      ['Invoice', 'inv-21', { customerId: 'c-21', docNumber: 'J-2001', txnDate: TODAY, memo: 'Front lawn and churchyard', lines: [{ itemId: 'i-21', description: 'Core aeration', quantity: 2, unitPrice: 95, amount: 190 }] }],
    ] as const) {
      const reply = await ingest(type, localId, record);
      expect(reply.status, reply.text).toBeLessThan(300);
    }
    await approveEverythingInPopup(3);

    const popup = await openPopup();
    const status = popup.getByTestId('connector-status');
    await eventually(() => popup.getByTestId('pending-count').textContent().catch(() => null), (t) => t === '3 approved items waiting in Pending.', 'three items in Pending');
    // Never called yet: the note says Pending waits for the Web Connector and how to set it up.
    expect(await status.textContent()).toContain('The Web Connector has not called the sync service yet, so approved items wait in Pending.');
    expect(await status.textContent()).toContain("add this company's Web Connector file");
    expect(await session.badgeTitle()).toContain('3 pending');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.screenshot({ path: screenshotPath('qbwc-e2e-popup-pending.png') });
    await popup.close();
    expect(companyFile.list('Invoice')).toHaveLength(0);
  });

  it('one Web Connector run sends it: the popup, the Sync Center and the badge show it synced', async () => {
    await runWebConnector();
    expect(companyFile.list('Invoice').map((i) => i.RefNumber)).toEqual(['J-2001']);

    const popup = await openPopup();
    await eventually(
      async () => {
        await popup.getByTestId('refresh').click();
        return popup.getByTestId('pending-count').count();
      },
      (n) => n === 0,
      'Pending to empty in the popup',
    );
    const line = (await popup.getByTestId('connector-status').textContent()) ?? '';
    expect(line).toContain('Web Connector last contact:');
    expect(line).not.toContain('last contact: never');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.screenshot({ path: screenshotPath('qbwc-e2e-popup-synced.png') });
    await popup.close();

    const title = await eventually(() => session.badgeTitle(), (t) => !t.includes('pending') && t.includes('Web Connector last ran'), 'the badge tooltip without Pending');
    expect(title).not.toMatch(/unsynced|failed/);
    expect(await session.badgeText()).toBe('');

    const center = await session.openPage(`sidepanel.html#tab=log&company=${COMPANY}`);
    await center.getByTestId('center-root').waitFor();
    await center.getByTestId('log-tab-success').click();
    const rows = center.getByTestId('log-row');
    await eventually(() => rows.count(), (n) => n === 3, 'three successful entries in the sync log');
    expect((await rows.allTextContents()).join('\n')).toContain('J-2001');
    await center.screenshot({ path: screenshotPath('qbwc-e2e-center-log.png') });
    await center.close();
  });

  it('a change made in QuickBooks first makes the approved job-app change fail with 3200, explained as an out-of-date copy, not a sign-in problem', async () => {
    companyFile.modify('Invoice', invoiceTxnId(), { Memo: 'Changed at the front desk in QuickBooks' });
    const edited = await ingest('Invoice', 'inv-21', {
      customerId: 'c-21', docNumber: 'J-2001', txnDate: TODAY, memo: 'Front lawn, churchyard and the parking strip',
      lines: [{ itemId: 'i-21', description: 'Core aeration', quantity: 3, unitPrice: 95, amount: 285 }],
    });
    expect(edited.status, edited.text).toBeLessThan(300);
    await approveEverythingInPopup(1);
    await runWebConnector();

    const unsynced = await api('GET', `/companies/${COMPANY}/unsynced`);
    const failure = (unsynced.json.items as { id: string; errorCode: string; entityType: string }[]).find((u) => u.entityType === 'Invoice');
    expect(failure, unsynced.text).toMatchObject({ errorCode: '3200' });
    // QuickBooks' own edit stands, and the Web Connector's sign-in was never in question.
    expect(companyFile.get('Invoice', invoiceTxnId())!.Memo).toBe('Changed at the front desk in QuickBooks');
    expect((await api('GET', `/companies/${COMPANY}/connector`)).json).toMatchObject({ kind: 'web-connector', state: 'ok' });

    const center = await session.openPage(`sidepanel.html#tab=unsynced&company=${COMPANY}`);
    await center.getByTestId('center-root').waitFor();
    const row = center.locator(`[data-testid="unsynced-row"][data-unsynced-id="${failure!.id}"]`);
    await eventually(() => row.count(), (n) => n === 1, 'the 3200 row in the Sync Center');
    expect(await row.getByTestId('row-code').textContent()).toContain('3200');
    await row.getByTestId('row-explain').click();
    const explanation = center.getByTestId('row-explanation');
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? '';
    expect(text).toContain('Record changed in QuickBooks since it was read');
    expect(text).not.toMatch(/sign(ed)? ?in|password|reconnect/i);
    await center.screenshot({ path: screenshotPath('qbwc-e2e-center-3200.png') });
    await center.close();
  });

  it("the Connector card's download gives a .qwc whose AppURL is this server's /qbwc", async () => {
    const center = await session.openPage(`sidepanel.html#tab=connector&company=${COMPANY}`);
    await center.getByTestId('center-root').waitFor();
    const card = center.locator(`[data-testid="connector-card"][data-company-id="${COMPANY}"]`);
    await card.waitFor();
    expect(await card.getByTestId('qwc-steps').locator('li').count()).toBe(4);
    // Keyboard: the button is reached with Tab and pressed with Enter.
    const button = card.getByTestId('qwc-download');
    await eventually(
      async () => {
        await center.keyboard.press('Tab');
        return button.evaluate((el) => el === document.activeElement);
      },
      (focused) => focused,
      'Tab to reach the download button',
      10_000,
    );
    const download = center.waitForEvent('download');
    await center.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${COMPANY_NAME}.qwc`);
    const qwc = readFileSync((await file.path())!, 'utf8');
    expect(qwc).toContain(`<AppURL>${server.url}/qbwc</AppURL>`);
    expect(qwc).toContain(`<UserName>${WEB_CONNECTOR.userName}</UserName>`);
    expect(qwc).toContain('<QBType>QBFS</QBType>');
    expect(qwc).not.toContain(WEB_CONNECTOR.password);
    await eventually(() => card.getByTestId('qwc-status').textContent(), (t) => !!t?.startsWith(`Saved ${COMPANY_NAME}.qwc`), 'the saved note');
    await center.setViewportSize({ width: 1000, height: 900 });
    await center.screenshot({ path: screenshotPath('qbwc-e2e-connector-card.png') });
    await center.close();
  });

  it("when QuickBooks cannot open the company file, the card turns offline and shows the Web Connector's message", async () => {
    // Something to send, or the service would answer "none" before QuickBooks is even asked.
    const added = await ingest('Customer', 'c-22', { displayName: 'Hillside Montessori', email: 'admin@hillside.example' });
    expect(added.status, added.text).toBeLessThan(300);
    await approveEverythingInPopup(1);
    const result = await runWebConnectorSession({ url: `${server.url}/qbwc`, ...WEB_CONNECTOR, company: companyFile, cannotOpenFile: true });
    expect(result.outcome).toBe('connection-error');
    const center = await session.openPage(`sidepanel.html#tab=connector&company=${COMPANY}`);
    await center.getByTestId('center-root').waitFor();
    const card = center.locator(`[data-testid="connector-card"][data-company-id="${COMPANY}"]`);
    await eventually(() => card.getAttribute('data-state'), (s) => s === 'offline', 'the card to say offline');
    const said = (await card.getByTestId('connector-message').textContent()) ?? '';
    expect(said).toContain('0x80040408');
    expect(said).toContain('Could not start QuickBooks.'); // the Web Connector's own words
    expect(await card.getByTestId('connector-action').textContent()).toContain('Start QuickBooks Desktop and the Web Connector');
    await center.screenshot({ path: screenshotPath('qbwc-e2e-connector-offline.png') });
    await center.close();
  });
});
