/**
 * The Web Connector file (.qwc) of a QuickBooks Desktop company: the Connector card's download
 * button and setup steps (English and Spanish) with a recording fake background, and the file's
 * name. The background's side is in connector-qwc-background.test.ts.
 */
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company } from '@/lib/api/schema';
import { qwcFileName } from '@/lib/center/qwc-file';
import type { Reply, ReplyOf, Snapshot } from '@/lib/messaging/protocol';
import { centerPage } from './center-page';
import type { FakeHandlers } from './fake-background';
import { useLocale } from './setup-i18n';
import { expectSpanishOnly } from './spanish-text';

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const QWC = '<?xml version="1.0"?>\n<QBWCXML><AppName>SyncLens</AppName><AppURL>https://sync.example.com/qbwc</AppURL></QBWCXML>';

const DESK: Company = {
  id: 'birchwood',
  name: 'Birchwood Lawn Care',
  system: 'qbd',
  companyFile: 'C:\\Company Files\\Birchwood.qbw',
  connector: { kind: 'web-connector', state: 'ok', lastContactAt: minutesAgo(5), lastRunAt: minutesAgo(5), intervalMinutes: 15 },
};
const ONLINE: Company = {
  id: 'evergreen',
  name: 'Evergreen Tree',
  system: 'qbo',
  realmId: '9130357766542011',
  connector: { kind: 'qbo-api', state: 'ok', lastContactAt: minutesAgo(3), lastRunAt: minutesAgo(3) },
};

function snapshot(companies: Company[]): Snapshot {
  const status = { state: 'ok' as const, lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null };
  const connection = { id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] };
  return { status, summary: null, companies, settings: { connections: [connection], pollMinutes: 5 }, connections: [{ ...connection, status }] };
}

const ok = <T,>(data: T) => ({ ok: true as const, data });

function handlers(companies: Company[], qwcFile: FakeHandlers['connector.qwcFile']): FakeHandlers {
  const snap = snapshot(companies);
  return {
    'state.get': () => ok(snap),
    'state.refresh': () => ok(snap),
    'center.unsyncedCached': () => ok(null),
    'center.unsynced': ({ companyId }: { companyId: string }) => ok({ companyId, items: [], fetchedAt: NOW.toISOString() }),
    'connector.qwcFile': qwcFile,
  };
}

const page = centerPage(NOW);
let root: HTMLElement;
beforeEach(() => {
  root = page.root();
});
const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const card = (id: string) => $(`[data-testid="connector-card"][data-company-id="${id}"]`)!;

async function openConnectorTab(h: FakeHandlers, saveFile = vi.fn()) {
  const mounted = await page.mount(h, { saveFile });
  await act(async () => mounted.store.setTab('connector'));
  return { ...mounted, saveFile };
}

async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
  });
}

describe('Connector card of a QuickBooks Desktop company', () => {
  it('offers the Web Connector file as a focusable button and lists the setup steps in order; an Online card has neither', async () => {
    await openConnectorTab(handlers([ONLINE, DESK], () => ok({ text: QWC })));
    const desk = card('birchwood');
    const button = desk.querySelector<HTMLButtonElement>('[data-testid="qwc-download"]')!;
    expect(button.tagName).toBe('BUTTON');
    expect(button.textContent).toBe('Download the Web Connector file');
    expect(button.disabled).toBe(false);
    button.focus();
    expect(document.activeElement).toBe(button);

    const steps = [...desk.querySelectorAll('[data-testid="qwc-steps"] > li')].map((li) => li.textContent);
    expect(desk.querySelector('[data-testid="qwc-steps"]')!.tagName).toBe('OL');
    expect(steps).toHaveLength(4);
    expect(steps[0]).toContain('open the company file and then the QuickBooks Web Connector');
    expect(steps[1]).toContain('"Add an application"');
    expect(steps[2]).toContain('password you were given');
    expect(steps[3]).toContain('"Auto-Run"');
    expect(steps[3]).toContain('minutes');
    // The steps are announced under their own heading, named for the section.
    const section = desk.querySelector('[data-testid="qwc-setup"]')!;
    expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)!.textContent).toBe('Set up the Web Connector');
    expect(section.querySelector('h3')).not.toBeNull();

    expect(card('evergreen').querySelector('[data-testid="qwc-setup"]')).toBeNull();
  });

  it('asks the background for the file and saves its text under the company name, busy meanwhile and never sent twice', async () => {
    let answer!: (reply: Reply<ReplyOf<'connector.qwcFile'>>) => void;
    const { of, saveFile } = await openConnectorTab(handlers([DESK], () => new Promise((resolve) => (answer = resolve))));
    const button = () => card('birchwood').querySelector<HTMLButtonElement>('[data-testid="qwc-download"]')!;

    await click(button());
    expect(of('connector.qwcFile').map((c) => c.payload)).toEqual([{ companyId: 'birchwood' }]);
    expect(button().textContent).toBe('Downloading the Web Connector file…');
    expect(button().getAttribute('aria-busy')).toBe('true');
    expect(button().getAttribute('aria-disabled')).toBe('true');
    expect(button().disabled).toBe(false); // keeps keyboard focus while busy
    await click(button());
    expect(of('connector.qwcFile')).toHaveLength(1);
    expect(saveFile).not.toHaveBeenCalled();

    await act(async () => answer(ok({ text: QWC })));
    await vi.waitFor(() => expect(button().textContent).toBe('Download the Web Connector file'));
    expect(saveFile).toHaveBeenCalledExactlyOnceWith(QWC, 'Birchwood Lawn Care.qwc');
    expect(button().getAttribute('aria-busy')).toBe('false');
    const status = card('birchwood').querySelector('[data-testid="qwc-status"]')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('Saved Birchwood Lawn Care.qwc. Add it to the Web Connector as the steps below say.');
    expect(card('birchwood').querySelector('[data-testid="qwc-error"]')).toBeNull();
  });

  it('says in plain words when the service does not offer the file, and a later try can succeed', async () => {
    const replies: Reply<ReplyOf<'connector.qwcFile'>>[] = [
      { ok: false, error: { code: 'server-error', message: 'This sync service does not offer a Web Connector file for this company. Ask whoever runs the sync service to set the Web Connector up for it.' } },
      ok({ text: QWC }),
    ];
    const { saveFile } = await openConnectorTab(handlers([DESK], () => replies.shift()));
    await click(card('birchwood').querySelector<HTMLElement>('[data-testid="qwc-download"]')!);
    const error = card('birchwood').querySelector('[data-testid="qwc-error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      'The Web Connector file could not be downloaded. This sync service does not offer a Web Connector file for this company. Ask whoever runs the sync service to set the Web Connector up for it.',
    );
    expect(saveFile).not.toHaveBeenCalled();

    await click(card('birchwood').querySelector<HTMLElement>('[data-testid="qwc-download"]')!);
    expect(card('birchwood').querySelector('[data-testid="qwc-error"]')).toBeNull();
    expect(saveFile).toHaveBeenCalledOnce();
  });

  it("shows the Web Connector's last contact and, when offline, its own message", async () => {
    const offline: Company = {
      ...DESK,
      connector: { ...DESK.connector, state: 'offline', message: 'QuickBooks could not open the company file (0x80040408).' },
    };
    await openConnectorTab(handlers([offline], () => ok({ text: QWC })));
    const c = card('birchwood');
    expect(c.dataset.state).toBe('offline');
    expect(c.textContent).toContain('Last contact');
    expect(c.querySelector('[data-testid="connector-message"]')!.textContent).toBe('QuickBooks could not open the company file (0x80040408).');
    expect(c.querySelector('[data-testid="qwc-download"]')).not.toBeNull();
  });

  it('a Web Connector that never called is "not set up yet", with the file as the way forward, not "overdue"', async () => {
    const never: Company = { ...DESK, connector: { ...DESK.connector, state: 'stale', lastContactAt: null, lastRunAt: null } };
    await openConnectorTab(handlers([never], () => ok({ text: QWC })));
    const c = card('birchwood');
    expect(c.textContent).toContain('The Web Connector has not called the sync service yet, so approved items wait in Pending.');
    expect(c.querySelector('[data-testid="connector-action"]')!.textContent).toContain("add this company's Web Connector file (Sync Center, Connector tab)");
    expect(c.textContent).not.toContain('overdue');
    // Once it has called, silence is "overdue" again.
    const { describeConnector } = await import('@/lib/format/connector');
    expect(describeConnector('qbd', { ...never.connector, lastContactAt: minutesAgo(120) }, NOW).text).toContain('The Web Connector is overdue.');
    expect(describeConnector('qbd', { ...never.connector, state: 'auth-expired' }, NOW).text).toContain('could not sign in');
  });

  it('reads in Spanish: button, steps and the saved note', async () => {
    useLocale('es');
    const { saveFile } = await openConnectorTab(handlers([DESK], () => ok({ text: QWC })));
    const c = card('birchwood');
    const button = c.querySelector<HTMLElement>('[data-testid="qwc-download"]')!;
    expect(button.textContent).toBe('Descargar el archivo del Web Connector');
    const steps = [...c.querySelectorAll('[data-testid="qwc-steps"] > li')].map((li) => li.textContent);
    expect(steps[1]).toContain('"Add an application"');
    expect(steps[2]).toContain('contraseña que te dieron');
    expect(steps[3]).toContain('"Auto-Run"');
    expectSpanishOnly(c.querySelector('[data-testid="qwc-setup"]')!);
    await click(button);
    expect(saveFile).toHaveBeenCalledWith(QWC, 'Birchwood Lawn Care.qwc');
    expect(c.querySelector('[data-testid="qwc-status"]')!.textContent).toBe('Se guardó Birchwood Lawn Care.qwc. Agrégalo al Web Connector siguiendo los pasos de abajo.');
  });
});

describe('qwcFileName', () => {
  it('names the file after the company in a form Windows accepts', () => {
    expect(qwcFileName('Birchwood Lawn Care')).toBe('Birchwood Lawn Care.qwc');
    expect(qwcFileName('Oak & Elm: Tree/Care <North>?')).toBe('Oak & Elm Tree Care North.qwc');
    expect(qwcFileName('  Jardines Peña\t\n')).toBe('Jardines Peña.qwc');
    expect(qwcFileName('Acme Inc.')).toBe('Acme Inc.qwc');
    expect(qwcFileName('...')).toBe('web-connector.qwc');
    expect(qwcFileName('CON')).toBe('web-connector.qwc');
    expect(qwcFileName('x'.repeat(300))).toBe(`${'x'.repeat(80)}.qwc`);
  });
});

describe('saveTextFile', () => {
  it('saves through a one-off Blob link named for the download, and leaves nothing in the page', async () => {
    const { saveTextFile } = await import('@/lib/center/qwc-file');
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:qwc-1'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; inPage: boolean }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inPage: document.body.contains(this) });
    });
    vi.useFakeTimers();
    try {
      saveTextFile(QWC, 'Birchwood Lawn Care.qwc');
      expect(clicked).toEqual([{ href: 'blob:qwc-1', download: 'Birchwood Lawn Care.qwc', inPage: true }]);
      expect(await blobs[0]!.text()).toBe(QWC);
      expect(document.querySelector('a[download]')).toBeNull();
      vi.advanceTimersByTime(60_000);
      expect(revoke).toHaveBeenCalledWith('blob:qwc-1');
    } finally {
      vi.useRealTimers();
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });
});
