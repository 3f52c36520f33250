/**
 * The Sync Center with several sync services: the real CenterApp and store with a fake background
 * whose two services both have a company with the plain id "evergreen" (keys `evergreen` and
 * `s1a2b3c~evergreen`). Company filters group per service, requests carry company KEYS, rows say
 * which service they come from, the Connector tab is grouped per service, and a failing service
 * gets its own warning while the other keeps working.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company, UnsyncedEntity } from '@/lib/api/schema';
import type { CommandName, ConnectionStatus, PayloadOf, PublicConnection, Reply, ReplyOf, Snapshot } from '@/lib/messaging/protocol';
import { CenterApp } from '@/components/center/CenterApp';
import { ALL_COMPANIES, createCenterStore } from '@/components/center/store';
import { useLocale } from './setup-i18n';
import { expectSpanishOnly } from './spanish-text';
import { type FakeHandlers } from './fake-background';
import { centerPage } from './center-page';

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const at = (h: number, m: number) => {
  const d = new Date(NOW);
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};

const OK: ConnectionStatus = { state: 'ok', lastSuccessAt: minutesAgo(2), failingSince: null, message: null, nextPollAt: null };

function company(id: string, name: string): Company {
  return { id, name, system: 'qbo', realmId: '9130357766542011', connector: { kind: 'qbo-api', state: 'ok', lastContactAt: minutesAgo(10), lastRunAt: minutesAgo(10) } };
}

function u(id: string, companyId: string, name: string): UnsyncedEntity {
  return {
    id,
    companyId,
    entityType: 'Invoice',
    localId: `job-${id}`,
    localUrl: null,
    qbId: '91',
    name,
    docNumber: null,
    errorCode: '6240',
    errorMessage: 'Duplicate Name Exists Error',
    firstFailedAt: minutesAgo(600),
    lastAttemptAt: minutesAgo(60),
    attempts: 1,
    state: 'failed',
  };
}

/** Listed second in the settings, with a label. */
const GREEN: PublicConnection = { id: 'primary', name: 'Green Crew books', apiUrl: 'https://sync.greencrew.example', hasToken: true, followedCompanyIds: [] };
/** Listed first in the settings, no label: its host names it. */
const BIRCH: PublicConnection = { id: 's1a2b3c', name: '', apiUrl: 'https://sync.birch.example:8443', hasToken: true, followedCompanyIds: [] };

const GREEN_EVERGREEN = company('evergreen', 'Evergreen Landscaping');
const BIRCH_EVERGREEN = company('s1a2b3c~evergreen', 'Evergreen Landscaping');
const BIRCH_MAPLE = company('s1a2b3c~maple', 'Maple Lawn Care');
const COMPANIES = [GREEN_EVERGREEN, BIRCH_EVERGREEN, BIRCH_MAPLE];
const ITEMS = [u('g1', 'evergreen', 'Green client'), u('s1a2b3c~b1', 's1a2b3c~evergreen', 'Birch client'), u('s1a2b3c~m1', 's1a2b3c~maple', 'Maple client')];

function twoServices(statuses: { birch?: ConnectionStatus; green?: ConnectionStatus } = {}, combined: ConnectionStatus = OK): Snapshot {
  return {
    status: combined,
    connections: [
      { ...BIRCH, status: statuses.birch ?? OK },
      { ...GREEN, status: statuses.green ?? OK },
    ],
    summary: null,
    companies: COMPANIES,
    settings: { connections: [BIRCH, GREEN], pollMinutes: 5 },
  };
}

function oneService(): Snapshot {
  const primary = { ...GREEN, name: '' };
  const companies = [GREEN_EVERGREEN, company('oak', 'Oak & Elm Tree Care')];
  return { status: OK, connections: [{ ...primary, status: OK }], summary: null, companies, settings: { connections: [primary], pollMinutes: 5 } };
}

type Handler<C extends CommandName> = (payload: PayloadOf<C>) => Reply<ReplyOf<C>> | Promise<Reply<ReplyOf<C>>>;
type Handlers = { [C in CommandName]?: Handler<C> };
const ok = <T,>(data: T) => ({ ok: true as const, data });

function handlersFor(snap: Snapshot, items = ITEMS): Handlers {
  return {
    'state.get': () => ok(snap),
    'state.refresh': () => ok(snap),
    'center.unsyncedCached': () => ok(null),
    'center.unsynced': ({ companyId }) => ok({ companyId, items: items.filter((i) => i.companyId === companyId), fetchedAt: NOW.toISOString() }),
    'center.log': ({ companyId }) =>
      ok({ items: [{ id: `log-${companyId}`, companyId, direction: 'export' as const, entityType: 'Invoice', localId: 'l1', name: `Logged ${companyId}`, status: 'failed' as const, at: minutesAgo(5), attempt: 1 }], nextCursor: null, counts: null }),
  };
}

const page = centerPage(NOW);
let root: HTMLElement;
beforeEach(() => {
  root = page.root();
});

async function mount(handlers: Handlers, openOptions: () => void = () => {}) {
  const { store, of } = await page.mount(handlers as FakeHandlers, { openOptions });
  return { store, of };
}

const $ = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const $$ = (testId: string, within: ParentNode = root) => [...within.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];

async function choose(testId: string, value: string) {
  const select = $(testId) as HTMLSelectElement;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const optionTree = (select: HTMLSelectElement) =>
  [...select.children].map((c) => (c.tagName === 'OPTGROUP' ? { group: (c as HTMLOptGroupElement).label, values: [...c.querySelectorAll('option')].map((o) => o.value) } : (c as HTMLOptionElement).value));

describe('Sync Center with several sync services', () => {
  it('groups the company filter per service after "All companies", and loads the chosen Evergreen by its key', async () => {
    const { of } = await mount(handlersFor(twoServices()));
    const select = $('filter-company') as HTMLSelectElement;
    expect(optionTree(select)).toEqual([
      ALL_COMPANIES,
      { group: 'sync.birch.example:8443', values: ['s1a2b3c~evergreen', 's1a2b3c~maple'] },
      { group: 'Green Crew books', values: ['evergreen'] },
    ]);
    expect(select.options[0]!.textContent).toBe('All followed companies');
    const before = of('center.unsynced').length;
    await choose('filter-company', 's1a2b3c~evergreen');
    await vi.waitFor(() => expect(of('center.unsynced').length).toBeGreaterThan(before));
    expect(of('center.unsynced').slice(before).map((c) => c.payload)).toEqual([{ companyId: 's1a2b3c~evergreen' }]);
    await vi.waitFor(() => expect($$('unsynced-row').map((r) => r.dataset.unsyncedId)).toEqual(['s1a2b3c~b1']));
    // The header names the scope's service too.
    const scopeService = $$('service-name', $('center-scope')!);
    expect(scopeService).toHaveLength(1);
    expect(scopeService[0]!.textContent).toContain('· sync.birch.example:8443');
    // Screen readers hear what the muted name is.
    expect(scopeService[0]!.querySelector('.sr-only')!.textContent).toBe('Sync service: sync.birch.example:8443');
  });

  it("names each group's service beside its company, so the two Evergreens are told apart", async () => {
    await mount(handlersFor(twoServices()));
    await vi.waitFor(() => expect($$('unsynced-group')).toHaveLength(3));
    const groups = $$('unsynced-group').map((g) => ({
      company: g.querySelector('strong')!.textContent,
      service: g.querySelector('[data-testid="service-name"] [aria-hidden="true"]')!.textContent,
    }));
    expect(groups).toContainEqual({ company: 'Evergreen Landscaping', service: 'Green Crew books' });
    expect(groups).toContainEqual({ company: 'Evergreen Landscaping', service: 'sync.birch.example:8443' });
    expect(groups).toContainEqual({ company: 'Maple Lawn Care', service: 'sync.birch.example:8443' });
  });

  it('groups the log company filter per service, asks for the log by key and names its service', async () => {
    const { store, of } = await mount(handlersFor(twoServices()));
    await act(async () => store.setTab('log'));
    await vi.waitFor(() => expect($$('log-row')).toHaveLength(1));
    const select = $('log-filter-company') as HTMLSelectElement;
    expect(optionTree(select)).toEqual([
      { group: 'sync.birch.example:8443', values: ['s1a2b3c~evergreen', 's1a2b3c~maple'] },
      { group: 'Green Crew books', values: ['evergreen'] },
    ]);
    await choose('log-filter-company', 's1a2b3c~evergreen');
    await vi.waitFor(() => expect(of('center.log').at(-1)!.payload.companyId).toBe('s1a2b3c~evergreen'));
    await vi.waitFor(() => expect($('log-company')!.textContent).toContain('sync.birch.example:8443'));
    expect($('log-company')!.textContent).toContain('Evergreen Landscaping');
    await choose('log-filter-company', 'evergreen');
    await vi.waitFor(() => expect($('log-company')!.textContent).toContain('Green Crew books'));
  });

  it('groups connector cards under each service, with a signed-out service saying so once and opening the options', async () => {
    const openOptions = vi.fn();
    const signedOut: ConnectionStatus = { state: 'signed-out', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: '401', nextPollAt: null };
    const { store } = await mount(handlersFor(twoServices({ birch: signedOut })), openOptions);
    await act(async () => store.setTab('connector'));
    const groups = $$('service-group');
    expect(groups.map((g) => g.dataset.connectionId)).toEqual(['s1a2b3c', 'primary']);
    expect(groups.map((g) => g.querySelector('h2')!.textContent)).toEqual(['sync.birch.example:8443', 'Green Crew books']);
    expect(groups.map((g) => $$('connector-card', g).map((c) => c.dataset.companyId))).toEqual([['s1a2b3c~evergreen', 's1a2b3c~maple'], ['evergreen']]);
    // Each group is named by its heading for assistive tech.
    expect(groups[0]!.getAttribute('aria-labelledby')).toBe(groups[0]!.querySelector('h2')!.id);
    const statuses = $$('service-status');
    expect(statuses).toHaveLength(1);
    expect(groups[0]!.contains(statuses[0]!)).toBe(true);
    expect(statuses[0]!.textContent).toContain('sync.birch.example:8443 refused the token: sign in again in settings.');
    await act(async () => statuses[0]!.querySelector('button')!.click());
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it("shows an unreachable service's problem under its heading, and an error service's message", async () => {
    const unreachable: ConnectionStatus = { state: 'unreachable', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: null, nextPollAt: null };
    const broken: ConnectionStatus = { state: 'error', lastSuccessAt: null, failingSince: at(9, 2), message: 'The sync service answered 500.', nextPollAt: null };
    const { store } = await mount(handlersFor(twoServices({ birch: unreachable, green: broken }, unreachable)));
    await act(async () => store.setTab('connector'));
    // Every service fails: the whole page says so, and each heading says how.
    expect($('state-offline')).not.toBeNull();
    expect($$('service-status').map((s) => [s.dataset.connectionId, s.textContent])).toEqual([
      ['s1a2b3c', "sync.birch.example:8443: can't reach it since 9:02 AM, showing its data from 8:55 AM."],
      ['primary', 'Green Crew books has a problem: The sync service answered 500.'],
    ]);
  });

  it('warns at the top about the failing service only, while the page keeps working for the other', async () => {
    const openOptions = vi.fn();
    const signedOut: ConnectionStatus = { state: 'signed-out', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: '401', nextPollAt: null };
    const handlers = handlersFor(twoServices({ birch: signedOut }));
    handlers['center.unsynced'] = ({ companyId }) =>
      companyId.startsWith('s1a2b3c~')
        ? { ok: false, error: { code: 'signed-out', message: 'Birch refused the token.' } }
        : ok({ companyId, items: ITEMS.filter((i) => i.companyId === companyId), fetchedAt: NOW.toISOString() });
    await mount(handlers, openOptions);
    expect($('center-root')!.dataset.view).toBe('ready');
    expect($('state-signed-out')).toBeNull();
    const warnings = $$('service-warning');
    expect(warnings.map((w) => w.dataset.connectionId)).toEqual(['s1a2b3c']);
    expect(warnings[0]!.getAttribute('role')).toBe('status');
    await vi.waitFor(() => expect($$('unsynced-row').map((r) => r.dataset.unsyncedId)).toEqual(['g1']));
    await act(async () => warnings[0]!.querySelector('button')!.click());
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('Sync Center with one sync service', () => {
  it('shows no service groups, names or warnings', async () => {
    const { store } = await mount(handlersFor(oneService(), [u('g1', 'evergreen', 'Green client'), u('o1', 'oak', 'Oak client')]));
    const select = $('filter-company') as HTMLSelectElement;
    expect(optionTree(select)).toEqual([ALL_COMPANIES, 'evergreen', 'oak']);
    await vi.waitFor(() => expect($$('unsynced-group')).toHaveLength(2));
    expect($$('service-name')).toHaveLength(0);
    expect($$('service-warning')).toHaveLength(0);
    await act(async () => store.setTab('connector'));
    expect($$('service-group')).toHaveLength(0);
    expect($$('connector-card').map((c) => c.dataset.companyId)).toEqual(['evergreen', 'oak']);
    expect($$('connector-card')[0]!.querySelector('h2')).not.toBeNull();
  });
});

describe('Sync Center with several sync services, in Spanish', () => {
  // Spanish-neutral service names: every English word on screen would then be ours.
  const named = (snap: Snapshot): Snapshot => {
    const rename = <C extends PublicConnection>(c: C): C => ({ ...c, name: c.id === 'primary' ? 'Poda Norte' : 'Jardines Ruiz' });
    return { ...snap, connections: snap.connections.map(rename), settings: { ...snap.settings, connections: snap.settings.connections.map(rename) } };
  };
  const noRawKeys = (el: Element) => expect(el.textContent).not.toMatch(/\bsvc[A-Z]/);

  it('the per-service warning and the Connector tab groups', async () => {
    useLocale('es');
    const signedOut: ConnectionStatus = { state: 'signed-out', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: '401', nextPollAt: null };
    await mount(handlersFor(named(twoServices({ birch: signedOut }))));
    const warnings = $('service-warnings')!;
    expect($$('service-warning')[0]!.textContent).toBe('Jardines Ruiz rechazó el token: vuelve a iniciar sesión en la configuración.Abrir configuración');
    expectSpanishOnly(warnings);
    noRawKeys(warnings);

    const unreachable: ConnectionStatus = { state: 'unreachable', lastSuccessAt: at(8, 55), failingSince: at(9, 2), message: null, nextPollAt: null };
    render(null, root);
    const { store } = await mount(handlersFor(named(twoServices({ birch: signedOut, green: unreachable }, unreachable))));
    await act(async () => store.setTab('connector'));
    for (const group of $$('service-group')) {
      expectSpanishOnly(group);
      noRawKeys(group);
    }
    expect($$('service-status').map((x) => x.dataset.connectionId)).toEqual(['s1a2b3c', 'primary']);
  });
});
