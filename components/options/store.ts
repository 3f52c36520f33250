/**
 * Options page state and actions: the list of sync services (one draft per card), one poll
 * interval, and one Save for the whole list.
 *
 * Save and Test ask for the host permissions first, synchronously inside the click (Chrome only
 * shows the prompt during a user gesture), and stop with an explanation if it is refused: nothing
 * is saved then. Save asks once for every card's origin.
 */
import { batch, computed, signal } from '@preact/signals';
import type { Company } from '@/lib/api/schema';
import { newConnectionId } from '@/lib/connections/company-key';
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import { POLL_MINUTE_CHOICES, type PublicSettings, type SettingsInput } from '@/lib/messaging/protocol';
import type { SendCommand } from '../common/client';
import { ADD_BUTTON_ID, companiesOfConnection, createDraft, draftInput, fieldId, type ConnectionDraft, type Notice } from './connection-draft';
import { checkApiUrl } from './validate';

export type { ConnectionDraft, Notice } from './connection-draft';

export interface OptionsDeps {
  send: SendCommand;
  /** browser.permissions.request({ origins }) in the real page. */
  requestPermission: (origins: string[]) => Promise<boolean>;
}

/** A request to move the keyboard focus to an element id; a new object each time, so it repeats. */
export type FocusRequest = { elementId: string };

export function createOptionsStore(deps: OptionsDeps) {
  const loaded = signal(false);
  /** Save stays off until the saved list is known: saving a list that failed to load would remove services. */
  const loadFailed = signal(false);
  const drafts = signal<ConnectionDraft[]>([]);
  const pollMinutes = signal<number>(5);
  const saving = signal(false);
  const saveNotice = signal<Notice | null>(null);
  const focusRequest = signal<FocusRequest | null>(null);
  /** The settings as last loaded or saved, to tell whether the page holds unsaved changes. */
  const saved = signal<PublicSettings | null>(null);
  /** Company keys the extension knows (cached snapshot): a new connection id must not prefix any. */
  let knownKeys: string[] = [];

  /** The fixed choices plus a stored value that is not one of them, so it stays selectable. */
  const intervalChoices = computed(() => {
    const list: number[] = [...POLL_MINUTE_CHOICES];
    if (!list.includes(pollMinutes.value)) list.push(pollMinutes.value);
    return list.sort((a, b) => a - b);
  });

  const activeDrafts = () => drafts.value.filter((d) => d.removal.value !== 'pending');
  const focus = (elementId: string) => (focusRequest.value = { elementId });

  /** Takes saved settings as the truth; keeps each service's known companies across saves. */
  function applySettings(settings: PublicSettings, companiesFor: (id: string) => Company[]): void {
    saved.value = settings;
    pollMinutes.value = settings.pollMinutes;
    const list = settings.connections.map((c) => createDraft(c.id, c, companiesFor(c.id)));
    // No service at all: one empty card, so the first setup looks like a single form.
    drafts.value = list.length > 0 ? list : [createDraft(newConnectionId([], knownKeys))];
  }

  async function load(): Promise<void> {
    const [settings, state] = await Promise.all([deps.send('settings.get', {}), deps.send('state.get', {})]);
    batch(() => {
      const snapshotCompanies = state.ok ? state.data.companies : [];
      const snapshotIds = state.ok ? state.data.settings.connections.map((c) => c.id) : [];
      knownKeys = snapshotCompanies.map((c) => c.id);
      if (settings.ok) {
        loadFailed.value = false;
        saveNotice.value = null;
        applySettings(settings.data, (id) => companiesOfConnection(snapshotCompanies, snapshotIds, id));
      } else {
        loadFailed.value = true;
        saveNotice.value = { kind: 'error', text: t('optionsLoadFailed', settings.error.message) };
      }
      loaded.value = true;
    });
  }

  function addConnection(): void {
    const taken = drafts.value.map((d) => d.id);
    const draft = createDraft(newConnectionId(taken, knownKeys));
    drafts.value = [...drafts.value, draft];
    focus(fieldId.apiUrl(draft.id));
  }

  function setFollowed(draft: ConnectionDraft, id: string, on: boolean): void {
    const next = new Set(draft.followed.value);
    if (on) next.add(id);
    else next.delete(id);
    draft.followed.value = next;
  }

  /** Remove: a card never saved simply goes; a saved service asks first (its data is dropped on save). */
  function askRemove(draft: ConnectionDraft): void {
    if (!draft.stored) {
      drafts.value = drafts.value.filter((d) => d !== draft);
      focus(ADD_BUTTON_ID);
      return;
    }
    draft.removal.value = 'confirming';
    focus(fieldId.confirm(draft.id));
  }

  function confirmRemove(draft: ConnectionDraft): void {
    batch(() => {
      draft.removal.value = 'pending';
      draft.urlError.value = null;
    });
    focus(fieldId.undo(draft.id));
  }

  function cancelRemove(draft: ConnectionDraft): void {
    draft.removal.value = 'none';
    focus(fieldId.remove(draft.id));
  }

  /**
   * Asks for the host permission of these origins; resolves to null when granted, else the
   * sentence to show. Must be called directly from a click, before any await.
   */
  function askPermission(origins: string[], action: 'save' | 'test'): Promise<string | null> {
    if (origins.length === 0) return Promise.resolve(null);
    const named = origins.join(', ');
    return deps.requestPermission(origins.map((o) => `${o}/*`)).then(
      (granted) => (granted ? null : t(action === 'save' ? 'optionsPermissionRefusedSave' : 'optionsPermissionRefusedTest', named)),
      (err: unknown) => t('optionsPermissionError', named, String(err)),
    );
  }

  async function save(): Promise<void> {
    if (saving.value || loadFailed.value) return;
    const active = activeDrafts();
    const checks = active.map((draft) => ({ draft, check: checkApiUrl(draft.apiUrl.value) }));
    batch(() => {
      for (const { draft, check } of checks) draft.urlError.value = check.ok ? null : check.message;
    });
    const firstInvalid = checks.find(({ check }) => !check.ok);
    if (firstInvalid) {
      // Nothing is sent while any card is wrong; the error sits on its card.
      saveNotice.value = { kind: 'error', text: t('optionsSvcCheckAddresses') };
      focus(fieldId.apiUrl(firstInvalid.draft.id));
      return;
    }
    const valid = checks.flatMap(({ draft, check }) => (check.ok ? [{ draft, check }] : []));
    // No await before this call: the permission prompt needs the click's user gesture.
    const permitted = askPermission([...new Set(valid.map((v) => v.check.origin))], 'save');
    batch(() => {
      saving.value = true;
      saveNotice.value = null;
    });
    const refusal = await permitted;
    if (refusal) {
      batch(() => {
        saving.value = false;
        saveNotice.value = { kind: 'error', text: refusal };
      });
      return;
    }
    const input: SettingsInput = { connections: valid.map(({ draft, check }) => draftInput(draft, check.url)), pollMinutes: pollMinutes.value };
    const reply = await deps.send('settings.save', input);
    batch(() => {
      saving.value = false;
      if (reply.ok) {
        const known = new Map(drafts.value.map((d) => [d.id, d.companies.value]));
        applySettings(reply.data, (id) => known.get(id) ?? []);
        saveNotice.value = { kind: 'success', text: t('optionsSaved') };
      } else {
        saveNotice.value = { kind: 'error', text: t('optionsNotSaved', reply.error.message) };
      }
    });
  }

  /** Test connection of one card: its typed token, or the one stored for its id. */
  async function test(draft: ConnectionDraft): Promise<void> {
    if (draft.testing.value) return;
    const check = checkApiUrl(draft.apiUrl.value);
    if (!check.ok) {
      batch(() => {
        draft.urlError.value = check.message;
        draft.testNotice.value = null;
      });
      focus(fieldId.apiUrl(draft.id));
      return;
    }
    const permitted = askPermission([check.origin], 'test');
    batch(() => {
      draft.urlError.value = null;
      draft.testing.value = true;
      draft.testNotice.value = null;
    });
    const refusal = await permitted;
    if (refusal) {
      batch(() => {
        draft.testing.value = false;
        draft.testNotice.value = { kind: 'error', text: refusal };
      });
      return;
    }
    const payload: { apiUrl: string; token?: string; connectionId: string } = { apiUrl: check.url, connectionId: draft.id };
    if (draft.token.value.trim()) payload.token = draft.token.value.trim();
    const reply = await deps.send('settings.test', payload);
    batch(() => {
      draft.testing.value = false;
      if (!reply.ok) {
        draft.testNotice.value = { kind: 'error', text: reply.error.message };
      } else if (!reply.data.ok) {
        draft.testNotice.value = { kind: 'error', text: reply.data.message };
      } else {
        const n = reply.data.companies.length;
        draft.companies.value = reply.data.companies;
        draft.testNotice.value = { kind: 'success', text: n === 1 ? t('bgTestConnectedOne') : t('bgTestConnectedMany', formatCount(n)) };
      }
    });
  }

  /** True when leaving the page now would lose something typed, added, removed or re-checked. */
  const hasUnsavedChanges = computed(() => {
    const before = saved.value;
    if (!before || !loaded.value) return false;
    if (pollMinutes.value !== before.pollMinutes) return true;
    const active = activeDrafts();
    const untouchedFirstCard = before.connections.length === 0 && active.length === 1 && !active[0]!.apiUrl.value.trim() && !active[0]!.token.value.trim();
    if (untouchedFirstCard) return false;
    if (active.length !== before.connections.length) return true;
    return active.some((d, i) => {
      const c = before.connections[i]!;
      const followed = d.followed.value;
      return (
        d.id !== c.id ||
        d.name.value.trim() !== c.name ||
        d.apiUrl.value.trim() !== c.apiUrl ||
        d.token.value.trim() !== '' ||
        followed.size !== c.followedCompanyIds.length ||
        c.followedCompanyIds.some((id) => !followed.has(id))
      );
    });
  });

  return {
    hasUnsavedChanges,
    loaded,
    loadFailed,
    drafts,
    pollMinutes,
    saving,
    saveNotice,
    focusRequest,
    intervalChoices,
    load,
    addConnection,
    setFollowed,
    askRemove,
    confirmRemove,
    cancelRemove,
    save,
    test,
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
