/**
 * With the Spanish catalog, the options page (settings and notifications, in their loaded,
 * unconfigured, error and result states) shows no English of ours and no raw message keys; the
 * validation messages, the API client's errors and the settings refusals come in Spanish too.
 * Company names and ids here are Spanish-neutral, so any English word found came from our text.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SendCommand } from '@/components/common/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createNotificationsStore } from '@/components/options/notifications-store';
import { createOptionsStore } from '@/components/options/store';
import { intervalLabel } from '@/components/options/validate';
import { createApiClient } from '@/lib/api/client';
import { ApiError, apiText } from '@/lib/api/errors';
import type { Company } from '@/lib/api/schema';
import type { NotificationSettings } from '@/lib/messaging/center-commands';
import type { CommandName, PublicSettings, SettingsInput, Snapshot } from '@/lib/messaging/protocol';
import { DEFAULT_NOTIFICATION_SETTINGS } from '@/lib/notifications/settings';
import { checkApiUrl } from '@/lib/settings/api-url';
import { saveSettings, SettingsError, settingsRevision } from '@/lib/settings/store';
import { useLocale } from './setup-i18n';
import { expectSpanishOnly, visibleText } from './spanish-text';

/** Keys of this page's own messages, shown raw if missing from the catalog. */
const OPTIONS_RAW_KEY = /\b(options|settings|api|overlay|pageTitle|bgTest)[A-Z][A-Za-z]+\b/;

const company = (id: string, name: string, system: 'qbo' | 'qbd'): Company => ({
  id,
  name,
  system,
  connector: { kind: system === 'qbd' ? 'web-connector' : 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null },
});
const RUIZ = company('co-ruiz', 'Jardines Ruiz', 'qbo');
const PEREZ = company('co-perez', 'Arbolista Pérez', 'qbd');

type Handler = (payload: any) => unknown;
const ok = <T,>(data: T) => ({ ok: true as const, data });

function snapshot(settings: PublicSettings, companies: Company[]): Snapshot {
  const status = { state: 'ok' as const, lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null };
  return { status, connections: settings.connections.map((c) => ({ ...c, status })), summary: null, companies, settings };
}

/** Stores like the background: an omitted token keeps the one saved for that id. */
function saveLikeBackground(before: PublicSettings) {
  return (p: SettingsInput) =>
    ok<PublicSettings>({
      pollMinutes: p.pollMinutes,
      connections: p.connections.map((c) => ({
        id: c.id,
        name: c.name,
        apiUrl: c.apiUrl,
        hasToken: Boolean(c.token) || (before.connections.find((old) => old.id === c.id)?.hasToken ?? false),
        followedCompanyIds: c.followedCompanyIds,
      })),
    });
}

interface Setup {
  settings: PublicSettings;
  companies?: Company[];
  notifications?: NotificationSettings;
  handlers?: Partial<Record<CommandName, Handler>>;
  hostPermission?: (origins: string[]) => Promise<boolean>;
  notifyPermission?: () => Promise<boolean>;
}

let container: HTMLElement;
beforeEach(() => {
  useLocale('es');
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(setup: Setup) {
  const handlers: Partial<Record<CommandName, Handler>> = {
    'settings.get': () => ok(setup.settings),
    'state.get': () => ok(snapshot(setup.settings, setup.companies ?? [])),
    'notifications.get': () => ok(setup.notifications ?? DEFAULT_NOTIFICATION_SETTINGS),
    'notifications.save': (p: NotificationSettings) => ok(p),
    ...setup.handlers,
  };
  const send = (async (command: CommandName, payload: unknown) => {
    const h = handlers[command];
    return h ? h(payload) : { ok: false, error: { code: 'rejected', message: 'x' } };
  }) as SendCommand;
  const store = createOptionsStore({ send, requestPermission: vi.fn(setup.hostPermission ?? (async () => true)) });
  const notifications = createNotificationsStore({ send, requestNotifications: vi.fn(setup.notifyPermission ?? (async () => true)) });
  await act(() => {
    render(<OptionsApp store={store} notifications={notifications} />, container);
  });
  await act(async () => {
    await Promise.all([store.load(), notifications.load()]);
  });
  return { store, notifications };
}

const $ = <T extends HTMLElement = HTMLInputElement>(id: string) => container.querySelector<T>(`[data-testid="${id}"]`)!;
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}
async function type(el: HTMLInputElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function expectOptionsSpanish() {
  expectSpanishOnly(container);
  expect(visibleText(container)).not.toMatch(OPTIONS_RAW_KEY);
}

const CONFIGURED: PublicSettings = {
  connections: [{ id: 'primary', name: '', apiUrl: 'https://sincro.ejemplo.com', hasToken: true, followedCompanyIds: ['co-ruiz', 'finca-norte'] }],
  pollMinutes: 15,
};
const EMPTY: PublicSettings = { connections: [], pollMinutes: 5 };
const NORTE = 's9x8y7z';
const TWO: PublicSettings = {
  connections: [
    { id: 'primary', name: 'Jardines Ruiz', apiUrl: 'https://sincro.ejemplo.com', hasToken: true, followedCompanyIds: [] },
    { id: NORTE, name: 'Finca Norte', apiUrl: 'https://norte.ejemplo.com', hasToken: true, followedCompanyIds: ['co-perez'] },
  ],
  pollMinutes: 15,
};

describe('options page in Spanish', () => {
  it('configured: companies (one no longer listed), intervals, saved token, notifications; title and lang', async () => {
    await mount({ settings: CONFIGURED, companies: [RUIZ, PEREZ] });
    expect(document.title).toBe('Configuración de SyncLens');
    expect(document.documentElement.lang).toBe('es');
    expect(container.querySelector('h1')!.textContent).toBe('Configuración de SyncLens');
    expect($('settings-companies-hint').textContent).toBe('Sigues 2 empresas.');
    expect([...$<HTMLSelectElement>('settings-interval').options].map((o) => o.textContent)).toEqual(['1 minuto', '5 minutos', '15 minutos', '30 minutos', '60 minutos']);
    expect($('settings-token').placeholder).toBe('•••• guardado');
    expect(container.textContent).toContain('el servicio ya no la muestra');
    expect($('notifications-section').querySelector('h2')!.textContent).toBe('Notificaciones');
    // Every field keeps an accessible name in Spanish.
    for (const input of container.querySelectorAll('input[id], select[id]')) {
      expect(container.querySelector(`label[for="${input.id}"]`)?.textContent?.trim(), input.id).toBeTruthy();
    }
    expectOptionsSpanish();
  });

  it('unconfigured: a refused address, then Test connection connects and Save reports its result', async () => {
    await mount({
      settings: EMPTY,
      handlers: {
        'settings.test': () => ok({ ok: true, message: 'x', companies: [RUIZ, PEREZ] }),
        'settings.save': saveLikeBackground(EMPTY),
      },
    });
    expect(container.textContent).toContain('Pulsa Probar conexión para cargar tus empresas.');
    expect($('settings-token').placeholder).toBe('Pega el token del servicio de sincronización');
    expectOptionsSpanish();

    await click($('settings-save'));
    expect($('settings-url-error').textContent).toBe('Escribe la dirección del servicio de sincronización, por ejemplo https://sincronizacion.ejemplo.com.');
    await type($('settings-api-url'), 'http://sincro.ejemplo.com');
    await click($('settings-save'));
    expect($('settings-url-error').textContent).toBe('Usa https:// para sincro.ejemplo.com: http:// sin cifrar solo se permite para localhost.');
    expectOptionsSpanish();

    await type($('settings-api-url'), 'https://sincro.ejemplo.com');
    await click($('settings-test'));
    expect($('settings-test-result').textContent).toBe('Conectado: 2 empresas');
    expect($('settings-companies-hint').textContent).toBe('Ninguna marcada: SyncLens sigue todas las empresas que indica el servicio de sincronización.');
    await click($('settings-save'));
    expect($('settings-save-result').textContent).toBe('Configuración guardada.');
    expectOptionsSpanish();
  });

  it('several services: cards with names, add, remove question and note, an error on the second card', async () => {
    await mount({
      settings: TWO,
      companies: [RUIZ, { ...PEREZ, id: `${NORTE}~co-perez` }],
      handlers: { 'settings.save': saveLikeBackground(TWO) },
    });
    const cards = () => [...container.querySelectorAll<HTMLElement>('[data-testid="connection-card"]')];
    const inCard = (card: HTMLElement, id: string) => card.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
    expect(cards().map((c) => inCard(c, 'connection-name').textContent)).toEqual(['Jardines Ruiz', 'Finca Norte']);
    expect(inCard(cards()[1]!, 'remove-connection').getAttribute('aria-label')).toBe('Quitar Finca Norte');
    expect(container.querySelector('#poll-interval-help')!.textContent).toBe(
      'Un mismo intervalo para todos tus servicios de sincronización.',
    );
    expectOptionsSpanish();

    await click($('add-connection'));
    expect(inCard(cards()[2]!, 'connection-name').textContent).toBe('Nuevo servicio de sincronización');
    expect(cards()[2]!.textContent).toContain('aún sin guardar');
    await type(inCard(cards()[2]!, 'settings-api-url'), 'http://otro.ejemplo.com');
    await click($('settings-save'));
    expect(inCard(cards()[2]!, 'settings-url-error').textContent).toBe('Usa https:// para otro.ejemplo.com: http:// sin cifrar solo se permite para localhost.');
    expect($('settings-save-result').textContent).toBe('No se guardó: corrige primero la dirección marcada.');
    expectOptionsSpanish();
    await click(inCard(cards()[2]!, 'remove-connection'));

    await click(inCard(cards()[1]!, 'remove-connection'));
    expect(inCard(cards()[1]!, 'remove-question').textContent).toContain('¿Quitar Finca Norte? Al guardar, SyncLens borra los datos');
    expect(inCard(cards()[1]!, 'confirm-remove').getAttribute('aria-label')).toBe('Sí, quitar Finca Norte');
    expectOptionsSpanish();
    await click(inCard(cards()[1]!, 'confirm-remove'));
    expect(inCard(cards()[1]!, 'removed-note').textContent).toContain('Finca Norte se quitará al guardar');
    expect(inCard(cards()[1]!, 'undo-remove').getAttribute('aria-label')).toBe('Deshacer: no quitar Finca Norte');
    expectOptionsSpanish();
    await click($('settings-save'));
    expect($('settings-save-result').textContent).toBe('Configuración guardada.');
    expect(cards()).toHaveLength(1);
    expectOptionsSpanish();
  });

  it('refusals: host permission refused, save and load failures', async () => {
    await mount({
      settings: CONFIGURED,
      hostPermission: async () => false,
      handlers: { 'notifications.get': () => ({ ok: false, error: { code: 'unreachable', message: 'x' } }) },
    });
    expect($('notify-result').textContent).toBe('No se pudo leer la configuración de notificaciones. x');
    await click($('settings-test'));
    expect($('settings-test-result').textContent).toBe(
      'SyncLens necesita tu permiso para conectarse a https://sincro.ejemplo.com. No se probó nada; pulsa el botón otra vez y elige Permitir.',
    );
    await click($('settings-save'));
    expect($('settings-save-result').textContent).toMatch(/^SyncLens necesita tu permiso .* No se guardó nada;/);
    expectOptionsSpanish();
  });

  it('the saved settings could not be read: the error and Reintentar', async () => {
    await mount({ settings: CONFIGURED, handlers: { 'settings.get': () => ({ ok: false, error: { code: 'unreachable', message: 'x' } }) } });
    expect($('settings-save-result').textContent).toBe('No se pudo leer la configuración guardada. x');
    expect($('settings-retry').textContent).toBe('Reintentar');
    expectOptionsSpanish();
  });

  it('notifications: permission refused, bad times, then saved with a digest', async () => {
    let allow = false;
    await mount({ settings: CONFIGURED, notifyPermission: async () => allow });
    await click($('notify-enabled'));
    expect($('notify-result').textContent).toBe(
      'El navegador no permitió las notificaciones, así que siguen desactivadas. Vuelve a activar el interruptor y elige Permitir.',
    );
    expectOptionsSpanish();

    allow = true;
    await click($('notify-enabled'));
    expect($('notify-result').textContent).toBe('Permitido. Pulsa Guardar notificaciones para activarlas.');
    await type($('notify-digest-at'), '');
    await type($('notify-quiet-to'), '20:00');
    await click($('notify-save'));
    expect($('notify-result').textContent).toBe('No se guardó: revisa las horas marcadas.');
    expect(container.querySelector('#notify-digest-at-error')!.textContent).toBe('Escribe una hora como 07:30.');
    expect(container.querySelector('#notify-quiet-to-error')!.textContent).toBe('Las horas de silencio deben terminar a una hora distinta de la de inicio.');
    expectOptionsSpanish();

    await type($('notify-digest-at'), '08:15');
    await type($('notify-quiet-to'), '06:30');
    await click($('notify-save'));
    expect($('notify-result').textContent).toBe('Guardado. Las notificaciones están activadas; el resumen de la mañana llega a las 08:15.');
    expectOptionsSpanish();
  });

  it('while the browser asks for the notification permission', async () => {
    await mount({ settings: CONFIGURED, notifyPermission: () => new Promise<boolean>(() => {}) });
    await click($('notify-enabled'));
    expect(container.querySelector('#notify-enabled-help')!.textContent).toBe('Esperando a que el navegador te pregunte…');
    expectOptionsSpanish();
  });
});

describe('messages behind the options page in Spanish', () => {
  it('interval labels agree in number, with seconds below a minute', () => {
    useLocale('es');
    expect([intervalLabel(0.05), intervalLabel(0.5), intervalLabel(1), intervalLabel(15)]).toEqual(['3 segundos', '30 segundos', '1 minuto', '15 minutos']);
  });

  it('address validation explains each refusal in Spanish', () => {
    const message = (input: string) => {
      const check = checkApiUrl(input);
      return check.ok ? null : check.message;
    };
    expect(message('sincro')).toBe('«sincro» no es una dirección web. Debería parecerse a https://sincronizacion.ejemplo.com.');
    expect(message('ftp://sincro.ejemplo.com')).toBe('Solo se permiten direcciones https:// (se recibió ftp:).');
    expect(message('https://ana:clave@sincro.ejemplo.com')).toBe('Pon el token en su campo, no en la dirección.');
    expect(message('https://sincro.ejemplo.com/?x=1')).toBe('La dirección no debe contener partes con ? o #.');
  });

  it('a poll interval out of range is refused in Spanish and nothing is stored', async () => {
    const error = await saveSettings({
      connections: [{ id: 'primary', name: '', apiUrl: 'https://sincro.ejemplo.com', followedCompanyIds: [] }],
      pollMinutes: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toBe('Elige cada cuánto consultar: entre 1 y 60 minutos.');
    expect(await settingsRevision()).toBe(0);
  });

  it('API client errors: unreachable, token refused, service error, unreadable reply', async () => {
    const client = (reply: () => Promise<Response>) =>
      createApiClient({ baseUrl: 'https://sincro.ejemplo.com', token: 't', fetch: reply as unknown as typeof fetch });
    const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError);

    const down = await failure(client(() => Promise.reject(new TypeError('Failed to fetch'))).health());
    expect(down?.message).toBe('No se pudo conectar con https://sincro.ejemplo.com: Failed to fetch');
    const refused = await failure(client(async () => new Response('', { status: 401 })).health());
    expect(refused).toMatchObject({ code: 'signed-out', message: 'El servicio rechazó el token (HTTP 401).' });
    const broken = await failure(client(async () => new Response('', { status: 500 })).health());
    expect(broken?.message).toBe('El servicio de sincronización respondió con un error: HTTP 500');
    const html = await failure(client(async () => new Response('<html>', { status: 200 })).health());
    expect(html?.message).toBe('El servicio en https://sincro.ejemplo.com no respondió con JSON.');
    const odd = await failure(client(async () => Response.json({ estado: 1 })).health());
    expect(odd?.message).toMatch(/^El servicio en https:\/\/sincro\.ejemplo\.com envió una respuesta que SyncLens no entiende \(.+\)\.$/);
  });

  it('without a browser catalog (the Node tools, a gone extension context) API messages fall back to English', () => {
    useLocale('es');
    const i18n = fakeBrowser.i18n;
    Object.assign(fakeBrowser, {
      i18n: {
        ...i18n,
        getMessage: () => {
          throw new Error('Extension context invalidated.');
        },
      },
    });
    expect(apiText('apiUnreachable', 'https://sincro.ejemplo.com', 'x')).toBe('Could not reach https://sincro.ejemplo.com: x');
    expect(checkApiUrl('')).toEqual({ ok: false, message: 'Enter the address of the sync service, e.g. https://sync.example.com.' });
  });
});
