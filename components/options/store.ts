/**
 * Options page state and actions. Save and Test ask for the host permission of the entered
 * address first, synchronously inside the click (Chrome only shows the prompt during a user
 * gesture), and stop with an explanation if it is refused: nothing is saved then.
 */
import { batch, computed, signal } from '@preact/signals';
import type { Company } from '@/lib/api/schema';
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import { POLL_MINUTE_CHOICES, type SettingsInput } from '@/lib/messaging/protocol';
import type { SendCommand } from '../common/client';
import { checkApiUrl } from './validate';

export interface OptionsDeps {
  send: SendCommand;
  /** browser.permissions.request({ origins }) in the real page. */
  requestPermission: (origins: string[]) => Promise<boolean>;
}

export type Notice = { kind: 'success' | 'error' | 'info'; text: string };

export function createOptionsStore(deps: OptionsDeps) {
  const loaded = signal(false);
  const apiUrl = signal('');
  const token = signal('');
  const hasToken = signal(false);
  const pollMinutes = signal<number>(5);
  const followed = signal<ReadonlySet<string>>(new Set());
  const companies = signal<Company[]>([]);
  const urlError = signal<string | null>(null);
  const saving = signal(false);
  const testing = signal(false);
  const saveNotice = signal<Notice | null>(null);
  const testNotice = signal<Notice | null>(null);

  /** The fixed choices plus a stored value that is not one of them, so it stays selectable. */
  const intervalChoices = computed(() => {
    const list: number[] = [...POLL_MINUTE_CHOICES];
    if (!list.includes(pollMinutes.value)) list.push(pollMinutes.value);
    return list.sort((a, b) => a - b);
  });

  async function load(): Promise<void> {
    const [settings, state] = await Promise.all([deps.send('settings.get', {}), deps.send('state.get', {})]);
    batch(() => {
      if (settings.ok) {
        apiUrl.value = settings.data.apiUrl;
        hasToken.value = settings.data.hasToken;
        pollMinutes.value = settings.data.pollMinutes;
        followed.value = new Set(settings.data.followedCompanyIds);
      } else {
        saveNotice.value = { kind: 'error', text: t('optionsLoadFailed', settings.error.message) };
      }
      if (state.ok) companies.value = state.data.companies;
      loaded.value = true;
    });
  }

  function setFollowed(id: string, on: boolean): void {
    const next = new Set(followed.value);
    if (on) next.add(id);
    else next.delete(id);
    followed.value = next;
  }

  /** Validates the address and asks for its host permission; must be called directly from a click. */
  function prepare(notice: typeof saveNotice, action: 'save' | 'test'): Promise<string | null> {
    const check = checkApiUrl(apiUrl.value);
    if (!check.ok) {
      urlError.value = check.message;
      notice.value = null;
      return Promise.resolve(null);
    }
    urlError.value = null;
    // No await before this call: the permission prompt needs the click's user gesture.
    return deps.requestPermission([`${check.origin}/*`]).then(
      (granted) => {
        if (granted) return check.url;
        const refused = action === 'save' ? 'optionsPermissionRefusedSave' : 'optionsPermissionRefusedTest';
        notice.value = { kind: 'error', text: t(refused, check.origin) };
        return null;
      },
      (err: unknown) => {
        notice.value = { kind: 'error', text: t('optionsPermissionError', check.origin, String(err)) };
        return null;
      },
    );
  }

  async function save(): Promise<void> {
    if (saving.value) return;
    const permitted = prepare(saveNotice, 'save');
    saving.value = true;
    saveNotice.value = null;
    const url = await permitted;
    if (!url) {
      saving.value = false;
      return;
    }
    const input: SettingsInput = { apiUrl: url, pollMinutes: pollMinutes.value, followedCompanyIds: [...followed.value] };
    // An empty field means "keep the stored token", so it is left out rather than sent blank.
    if (token.value.trim()) input.token = token.value.trim();
    const reply = await deps.send('settings.save', input);
    batch(() => {
      saving.value = false;
      if (reply.ok) {
        apiUrl.value = reply.data.apiUrl;
        hasToken.value = reply.data.hasToken;
        pollMinutes.value = reply.data.pollMinutes;
        followed.value = new Set(reply.data.followedCompanyIds);
        token.value = '';
        saveNotice.value = { kind: 'success', text: t('optionsSaved') };
      } else {
        saveNotice.value = { kind: 'error', text: t('optionsNotSaved', reply.error.message) };
      }
    });
  }

  async function test(): Promise<void> {
    if (testing.value) return;
    const permitted = prepare(testNotice, 'test');
    testing.value = true;
    testNotice.value = null;
    const url = await permitted;
    if (!url) {
      testing.value = false;
      return;
    }
    const payload: { apiUrl: string; token?: string } = { apiUrl: url };
    if (token.value.trim()) payload.token = token.value.trim();
    const reply = await deps.send('settings.test', payload);
    batch(() => {
      testing.value = false;
      if (!reply.ok) {
        testNotice.value = { kind: 'error', text: reply.error.message };
      } else if (!reply.data.ok) {
        testNotice.value = { kind: 'error', text: reply.data.message };
      } else {
        const n = reply.data.companies.length;
        companies.value = reply.data.companies;
        testNotice.value = { kind: 'success', text: n === 1 ? t('bgTestConnectedOne') : t('bgTestConnectedMany', formatCount(n)) };
      }
    });
  }

  return {
    loaded,
    apiUrl,
    token,
    hasToken,
    pollMinutes,
    followed,
    companies,
    urlError,
    saving,
    testing,
    saveNotice,
    testNotice,
    intervalChoices,
    load,
    setFollowed,
    save,
    test,
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
