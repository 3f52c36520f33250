/**
 * The popup with several sync services: the real PopupApp and store with a fake background whose
 * two services both have a company with the plain id "evergreen" (keys `evergreen` and
 * `s1a2b3c~evergreen`). The switcher groups companies per service, requests carry company KEYS,
 * and a failing service gets its own warning line while the other keeps working.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company, Summary, WizardItem } from '@/lib/api/schema';
import type { CommandName, ConnectionStatus, PayloadOf, PublicConnection, Reply, ReplyOf, Snapshot, WizardSnapshot } from '@/lib/messaging/protocol';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupStore, LAST_COMPANY_KEY } from '@/components/popup/store';
import { useLocale } from './setup-i18n';
import { expectSpanishOnly } from './spanish-text';
import { recordingSend } from './fake-background';

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const at = (h: number, m: number) => {
  const d = new Date(NOW);
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};

const OK: ConnectionStatus = { state: 'ok', lastSuccessAt: minutesAgo(2), failingSince: null, message: null, nextPollAt: null };

function company(id: string, name: string): Company {
  return { id, name, system: 'qbo', connector: { kind: 'qbo-api', state: 'ok', lastContactAt: minutesAgo(30), lastRunAt: minutesAgo(30) } };
}

/** Listed second in the settings, with a label. */
const GREEN: PublicConnection = { id: 'primary', name: 'Green Crew books', apiUrl: 'https://sync.greencrew.example', hasToken: true, followedCompanyIds: [] };
/** Listed first in the settings, no label: its host names it. */
const BIRCH: PublicConnection = { id: 's1a2b3c', name: '', apiUrl: 'https://sync.birch.example:8443', hasToken: true, followedCompanyIds: [] };

const GREEN_EVERGREEN = company('evergreen', 'Evergreen Landscaping');
const GREEN_OAK = company('oak', 'Oak & Elm Tree Care');
const BIRCH_EVERGREEN = company('s1a2b3c~evergreen', 'Evergreen Landscaping');
const BIRCH_MAPLE = company('s1a2b3c~maple', 'Maple Lawn Care');
/** All services merged, as the background sends them (primary's first). */
const COMPANIES = [GREEN_EVERGREEN, GREEN_OAK, BIRCH_EVERGREEN, BIRCH_MAPLE];

function summaryFor(companies: Company[]): Summary {
  const zero = { pendingApprovals: { export: 0, import: 0 }, pendingSyncs: 0, failedSyncs: 0, unsynced: 0 };
  return {
    ...zero,
    generatedAt: NOW.toISOString(),
    companies: companies.map((c) => ({ ...zero, companyId: c.id, companyName: c.name, system: c.system, connector: c.connector, generatedAt: NOW.toISOString() })),
  };
}

function twoServices(statuses: { birch?: ConnectionStatus; green?: ConnectionStatus } = {}, combined: ConnectionStatus = OK): Snapshot {
  const settings = { connections: [BIRCH, GREEN], pollMinutes: 5 };
  return {
    status: combined,
    connections: [
      { ...BIRCH, status: statuses.birch ?? OK },
      { ...GREEN, status: statuses.green ?? OK },
    ],
    summary: summaryFor(COMPANIES),
    companies: COMPANIES,
    settings,
  };
}

function oneService(): Snapshot {
  const primary = { ...GREEN, name: '' };
  return { status: OK, connections: [{ ...primary, status: OK }], summary: summaryFor([GREEN_EVERGREEN, GREEN_OAK]), companies: [GREEN_EVERGREEN, GREEN_OAK], settings: { connections: [primary], pollMinutes: 5 } };
}

function item(id: string, companyId: string): WizardItem {
  return { id, companyId, direction: 'export', entityType: 'Invoice', name: `Client ${id}`, docNumber: null, change: 'create', amount: null, detectedAt: minutesAgo(120) };
}
const wizardOf = (companyId: string): WizardSnapshot => ({ companyId, items: [item(`${companyId}-1`, companyId)], fetchedAt: minutesAgo(1) });

type Handler<C extends CommandName> = (payload: PayloadOf<C>) => Reply<ReplyOf<C>> | Promise<Reply<ReplyOf<C>>>;
type Handlers = { [C in CommandName]?: Handler<C> };
const ok = <T,>(data: T) => ({ ok: true as const, data });

function handlersFor(snap: Snapshot): Handlers {
  return {
    'state.get': () => ok(snap),
    'state.refresh': () => ok(snap),
    'wizard.cached': () => ok(null),
    'wizard.load': ({ companyId }) => ok(wizardOf(companyId)),
  };
}

let container: HTMLElement;
let storage: Map<string, string>;
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  storage = new Map();
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(handlers: Handlers, openOptions: () => void = () => {}) {
  const { send, calls } = recordingSend(handlers);
  const store = createPopupStore({ send, openOptions, storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) } });
  await act(async () => {
    render(<PopupApp store={store} />, container);
    await store.start();
  });
  return { store, calls };
}

const $ = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const $$ = (testId: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];

describe('popup with several sync services', () => {
  it('groups the company switcher per service, in the order of the settings', async () => {
    await mount(handlersFor(twoServices()));
    const select = $('company-switcher') as HTMLSelectElement;
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).toEqual(['sync.birch.example:8443', 'Green Crew books']);
    expect(groups.map((g) => [...g.querySelectorAll('option')].map((o) => o.value))).toEqual([
      ['s1a2b3c~evergreen', 's1a2b3c~maple'],
      ['evergreen', 'oak'],
    ]);
    // Every option sits in a group: none is left loose beside them.
    expect([...select.children].every((c) => c.tagName === 'OPTGROUP')).toBe(true);
  });

  it("choosing the second service's Evergreen loads it by its key", async () => {
    const { calls } = await mount(handlersFor(twoServices()));
    const select = $('company-switcher') as HTMLSelectElement;
    expect(select.value).toBe('evergreen');
    await act(async () => {
      select.value = 's1a2b3c~evergreen';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(calls.filter((c) => c.command === 'wizard.load').at(-1)!.payload).toEqual({ companyId: 's1a2b3c~evergreen' }));
    expect(storage.get(LAST_COMPANY_KEY)).toBe('s1a2b3c~evergreen');
    await vi.waitFor(() => expect($$('wizard-row').map((r) => r.getAttribute('data-item-id'))).toEqual(['s1a2b3c~evergreen-1']));
  });

  it('names the service beside a lone company', async () => {
    const snap = twoServices();
    const settings = { ...snap.settings, connections: [{ ...BIRCH, followedCompanyIds: ['maple'] }, { ...GREEN, followedCompanyIds: ['nothing-here'] }] };
    // Green follows a company it no longer lists, so only Birch's Maple is followed.
    const onlyMaple = { ...snap, settings, companies: [GREEN_OAK, BIRCH_MAPLE] };
    await mount(handlersFor(onlyMaple));
    expect($('company-switcher')).toBeNull();
    expect($('company-name')!.textContent).toContain('Maple Lawn Care');
    expect($('service-name')!.textContent).toContain('sync.birch.example:8443');
  });

  it('warns about the failing service only, and its Open settings button opens the options', async () => {
    const openOptions = vi.fn();
    const signedOut: ConnectionStatus = { state: 'signed-out', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: '401', nextPollAt: null };
    await mount(handlersFor(twoServices({ birch: signedOut })), openOptions);
    const warnings = $$('service-warning');
    expect(warnings.map((w) => w.dataset.connectionId)).toEqual(['s1a2b3c']);
    expect(warnings[0]!.getAttribute('role')).toBe('status');
    expect(warnings[0]!.textContent).toContain('sync.birch.example:8443 refused the token');
    // The popup as a whole keeps working: no whole-popup banner, the rows are there.
    expect($('state-signed-out')).toBeNull();
    expect(container.querySelector('[data-testid="popup-root"]')!.getAttribute('data-view')).toBe('ready');
    expect($$('wizard-row')).toHaveLength(1);
    const button = warnings[0]!.querySelector('button')!;
    expect(button.textContent).toBe('Open settings');
    await act(() => button.click());
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('says since when an unreachable service fails and how old its data is', async () => {
    const unreachable: ConnectionStatus = { state: 'unreachable', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: null, nextPollAt: null };
    await mount(handlersFor(twoServices({ green: unreachable })));
    const warnings = $$('service-warning');
    expect(warnings.map((w) => w.dataset.connectionId)).toEqual(['primary']);
    expect(warnings[0]!.textContent).toBe("Green Crew books: can't reach it since 9:02 AM, showing its data from 8:55 AM.");
    expect(warnings[0]!.querySelector('button')).toBeNull();
  });

  it("a failing service's company that cannot load keeps the popup up for the other service", async () => {
    const unreachable: ConnectionStatus = { state: 'unreachable', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: null, nextPollAt: null };
    const handlers = handlersFor(twoServices({ birch: unreachable }));
    handlers['wizard.load'] = ({ companyId }) =>
      companyId.startsWith('s1a2b3c~') ? { ok: false, error: { code: 'unreachable', message: 'Birch did not answer.' } } : ok(wizardOf(companyId));
    const { calls } = await mount(handlers);
    // Chosen once the popup has settled, so no later good refresh hides what the failure did.
    const select = $('company-switcher') as HTMLSelectElement;
    await act(async () => {
      select.value = 's1a2b3c~maple';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(calls.filter((c) => c.command === 'wizard.load').at(-1)!.payload).toEqual({ companyId: 's1a2b3c~maple' }));
    await vi.waitFor(() => expect(container.textContent).toContain('Birch did not answer.'));
    expect(container.querySelector('[data-testid="popup-root"]')!.getAttribute('data-view')).toBe('ready');
    expect($('state-offline')).toBeNull();
    expect(container.textContent).toContain("Couldn't load the latest items: Birch did not answer.");
    expect($$('service-warning').map((w) => w.dataset.connectionId)).toEqual(['s1a2b3c']);
  });

  it('when every service fails, the whole popup says so and no per-service line repeats it', async () => {
    const down: ConnectionStatus = { state: 'unreachable', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: null, nextPollAt: null };
    await mount(handlersFor(twoServices({ birch: down, green: down }, down)));
    expect($('state-offline')).not.toBeNull();
    expect($$('service-warning')).toHaveLength(0);
  });
});

describe('popup with one sync service', () => {
  it('lists companies without groups or service names', async () => {
    await mount(handlersFor(oneService()));
    const select = $('company-switcher') as HTMLSelectElement;
    expect(select.querySelectorAll('optgroup')).toHaveLength(0);
    expect([...select.options].map((o) => o.value)).toEqual(['evergreen', 'oak']);
    expect($$('service-name')).toHaveLength(0);
    expect($$('service-warning')).toHaveLength(0);
  });
});

describe('popup with several sync services, in Spanish', () => {
  it('names the unreachable service and the age of its data in Spanish', async () => {
    useLocale('es');
    const unreachable: ConnectionStatus = { state: 'unreachable', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: null, nextPollAt: null };
    const snap = twoServices({ birch: unreachable });
    // Spanish-neutral service names: every English word on screen would then be ours.
    const rename = <C extends PublicConnection>(c: C): C => ({ ...c, name: c.id === 'primary' ? 'Poda Norte' : 'Jardines Ruiz' });
    await mount(handlersFor({ ...snap, connections: snap.connections.map(rename), settings: { ...snap.settings, connections: snap.settings.connections.map(rename) } }));
    const warning = $$('service-warning');
    expect(warning).toHaveLength(1);
    expect(warning[0]!.textContent).toMatch(/^Jardines Ruiz: sin conexión desde 9:02.*; se muestran sus datos de 8:55.*\.$/);
    expectSpanishOnly($('service-warnings')!);
    expect([...($('company-switcher') as HTMLSelectElement).querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Jardines Ruiz', 'Poda Norte']);
  });
});
